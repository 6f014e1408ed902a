package dev.yuqing.jobs.trend;

/** How many posts named a term in one window [start, end) (epoch milliseconds). */
public record TermCount(String term, long windowStart, long windowEnd, long count) {}
