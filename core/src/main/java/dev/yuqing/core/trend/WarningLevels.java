package dev.yuqing.core.trend;

import dev.yuqing.core.alert.AlertLevel;
import java.io.Serializable;
import java.util.Optional;

/**
 * Maps an event's metrics to 蓝 / 黄 / 橙 / 红. An event is at the highest level whose
 * {@link LevelThresholds} it reaches: at least that level's volume, and at least one of its growth,
 * negative-share, harmful-share or reach bars. Volume is required at every level because a share
 * or a growth rate of a handful of posts says little. Below blue, no warning. Each level's bars
 * must be at least the level below's, so a higher level always implies the lower ones.
 */
public record WarningLevels(LevelThresholds blue, LevelThresholds yellow, LevelThresholds orange, LevelThresholds red)
        implements Serializable {
    public static final WarningLevels DEFAULTS = new WarningLevels(
            new LevelThresholds(10, 2.0, 0.5, 0.2, 500),
            new LevelThresholds(30, 3.0, 0.6, 0.3, 2_000),
            new LevelThresholds(100, 4.0, 0.7, 0.4, 10_000),
            new LevelThresholds(300, 5.0, 0.8, 0.5, 50_000));

    public WarningLevels {
        if (!yellow.atLeast(blue) || !orange.atLeast(yellow) || !red.atLeast(orange)) {
            throw new IllegalArgumentException("each warning level's thresholds must be at least those of the level below");
        }
    }

    public Optional<AlertLevel> levelOf(EventMetrics m) {
        if (red.reachedBy(m)) {
            return Optional.of(AlertLevel.RED);
        }
        if (orange.reachedBy(m)) {
            return Optional.of(AlertLevel.ORANGE);
        }
        if (yellow.reachedBy(m)) {
            return Optional.of(AlertLevel.YELLOW);
        }
        return blue.reachedBy(m) ? Optional.of(AlertLevel.BLUE) : Optional.empty();
    }
}
