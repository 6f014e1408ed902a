package dev.yuqing.jobs.trend;

import java.io.Serializable;
import java.time.Duration;

/**
 * The sliding windows terms are counted in, and after how many slides without a term its baseline
 * is forgotten.
 */
public record TrendWindows(Duration size, Duration slide, int quietWindows) implements Serializable {
    public TrendWindows {
        if (size == null || slide == null || slide.isZero() || slide.isNegative() || size.compareTo(slide) < 0) {
            throw new IllegalArgumentException("window size must be at least the slide, and the slide positive: " + size + ", " + slide);
        }
        if (size.toMillis() % slide.toMillis() != 0) {
            throw new IllegalArgumentException("window size " + size + " must be a multiple of the slide " + slide);
        }
        if (quietWindows < 1) {
            throw new IllegalArgumentException("quietWindows must be at least 1, was " + quietWindows);
        }
    }

    /** The first multiple of {@code period} after {@code t}: the end of the slide or tumbling window {@code t} falls in. */
    static long endAfter(long t, long period) {
        return Math.floorDiv(t, period) * period + period;
    }

    public static final TrendWindows DEFAULTS = new TrendWindows(Duration.ofMinutes(10), Duration.ofMinutes(1), 60);
}
