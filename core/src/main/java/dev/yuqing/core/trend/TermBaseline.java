package dev.yuqing.core.trend;

import java.io.Serializable;

/**
 * What is normal for one term: an exponentially weighted mean and variance of its count per window,
 * and the rise (z-score) of the last window, from which the next window's acceleration is measured.
 *
 * @param windows windows folded in so far (absent windows count as 0)
 */
public record TermBaseline(double mean, double variance, double lastRise, long windows) implements Serializable {
    public static final TermBaseline EMPTY = new TermBaseline(0, 0, 0, 0);

    /**
     * The baseline after a window with {@code count} posts (West's incremental EWMA variance). The
     * burst score of that window must be computed against the baseline before it.
     */
    public TermBaseline next(long count, double rise, double alpha) {
        double diff = count - mean;
        double incr = alpha * diff;
        double newMean = mean + incr;
        double newVariance = (1 - alpha) * (variance + diff * incr);
        return new TermBaseline(newMean, newVariance, rise, windows + 1);
    }
}
