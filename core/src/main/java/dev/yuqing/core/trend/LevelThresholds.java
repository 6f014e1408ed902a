package dev.yuqing.core.trend;

import java.io.Serializable;

/**
 * The bar an event must clear for one warning level: {@code minVolume} posts, and at least one of
 * the growth, negative-share, harmful-share or reach bars.
 */
public record LevelThresholds(long minVolume, double minGrowth, double minNegativeShare, double minHarmfulShare, long minReach)
        implements Serializable {
    public LevelThresholds {
        if (minVolume < 1) {
            throw new IllegalArgumentException("minVolume must be at least 1, was " + minVolume);
        }
        if (!(minGrowth >= 1) || Double.isInfinite(minGrowth)) {
            throw new IllegalArgumentException("minGrowth must be at least 1, was " + minGrowth);
        }
        share("minNegativeShare", minNegativeShare);
        share("minHarmfulShare", minHarmfulShare);
        if (minReach < 0) {
            throw new IllegalArgumentException("minReach must be >= 0, was " + minReach);
        }
    }

    private static void share(String name, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], was " + v);
        }
    }

    public boolean reachedBy(EventMetrics m) {
        return m.volume() >= minVolume
                && (m.growth() >= minGrowth || m.negativeShare() >= minNegativeShare
                    || m.harmfulShare() >= minHarmfulShare || m.reach() >= minReach);
    }

    /** Whether every bar of this level is at least that of {@code lower}. */
    boolean atLeast(LevelThresholds lower) {
        return minVolume >= lower.minVolume && minGrowth >= lower.minGrowth && minNegativeShare >= lower.minNegativeShare
                && minHarmfulShare >= lower.minHarmfulShare && minReach >= lower.minReach;
    }
}
