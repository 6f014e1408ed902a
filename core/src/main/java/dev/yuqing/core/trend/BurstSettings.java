package dev.yuqing.core.trend;

import java.io.Serializable;

/**
 * How bursts are scored.
 *
 * @param alpha            EWMA weight of the newest window in the baseline, in (0, 1]: about
 *                         2/alpha - 1 windows dominate the baseline
 * @param minCount         a window with fewer posts than this is never a burst, however quiet the term was
 * @param threshold        score at or above which a window is a burst
 * @param accelerationWeight weight of the acceleration (rise of the rise) in the score
 * @param minStdDev        floor of the baseline's standard deviation, so a term that was always
 *                         exactly flat or absent does not divide by zero. A term never seen before
 *                         has a baseline of 0, so it bursts once it reaches {@code minCount} posts
 *                         if minCount / minStdDev ≥ threshold: an emerging topic is what monitoring
 *                         staff most need to see. (The price: on a fresh start without a checkpoint,
 *                         the first windows of common terms are bursts too.)
 */
public record BurstSettings(double alpha, int minCount, double threshold, double accelerationWeight, double minStdDev)
        implements Serializable {
    public static final BurstSettings DEFAULTS = new BurstSettings(0.2, 10, 3.0, 0.5, 2.0);

    public BurstSettings {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, was " + minCount);
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be positive, was " + threshold);
        }
        if (!(accelerationWeight >= 0) || Double.isInfinite(accelerationWeight)) {
            throw new IllegalArgumentException("accelerationWeight must be >= 0, was " + accelerationWeight);
        }
        if (!(minStdDev > 0) || Double.isInfinite(minStdDev)) {
            throw new IllegalArgumentException("minStdDev must be positive, was " + minStdDev);
        }
    }
}
