package dev.yuqing.core.trend;

import java.time.Instant;

/**
 * A term's count in one sliding window, scored against its baseline.
 *
 * @param baseline the EWMA mean count per window before this window
 * @param score    rise over the baseline plus weighted acceleration ({@link BurstDetector})
 * @param burst    whether the window is a burst
 */
public record Trend(String term, Instant windowStart, Instant windowEnd, long count, double baseline, double score, boolean burst) {
    /** Stable per term and window, so a replay overwrites. */
    public String id() {
        return term + "@" + windowStart.toEpochMilli();
    }
}
