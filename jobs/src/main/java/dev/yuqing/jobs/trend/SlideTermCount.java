package dev.yuqing.jobs.trend;

/**
 * How many posts named a term in one slide [slideEnd - slide, slideEnd) on one subtask, as far as
 * its sketch can guarantee (a lower bound). The sliding windows add these up.
 */
public record SlideTermCount(String term, long slideEnd, long count) {}
