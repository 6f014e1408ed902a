package dev.yuqing.core.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.alert.AlertLevel;
import org.junit.jupiter.api.Test;

class WarningLevelsTest {
    private final WarningLevels levels = WarningLevels.DEFAULTS;

    private static EventMetrics growing(long volume) {
        return new EventMetrics(volume, 6.0, 0.1, 0, 0);
    }

    @Test
    void theLevelRisesWithVolume() {
        assertThat(levels.levelOf(growing(5))).isEmpty();
        assertThat(levels.levelOf(growing(10))).contains(AlertLevel.BLUE);
        assertThat(levels.levelOf(growing(30))).contains(AlertLevel.YELLOW);
        assertThat(levels.levelOf(growing(100))).contains(AlertLevel.ORANGE);
        assertThat(levels.levelOf(growing(300))).contains(AlertLevel.RED);
    }

    @Test
    void volumeAloneIsNotEnough() {
        assertThat(levels.levelOf(new EventMetrics(1000, 1.0, 0.1, 0, 10))).isEmpty();
    }

    @Test
    void anyOneOfTheOtherBarsRaisesTheLevel() {
        assertThat(levels.levelOf(new EventMetrics(120, 1.0, 0.75, 0, 0))).contains(AlertLevel.ORANGE);
        assertThat(levels.levelOf(new EventMetrics(120, 1.0, 0.1, 0.35, 0))).contains(AlertLevel.YELLOW);
        assertThat(levels.levelOf(new EventMetrics(400, 1.0, 0.1, 0, 60_000))).contains(AlertLevel.RED);
    }

    @Test
    void higherLevelsMustNotBeEasier() {
        LevelThresholds t = new LevelThresholds(10, 2, 0.5, 0.2, 500);
        assertThatThrownBy(() -> new WarningLevels(t, t, t, new LevelThresholds(5, 2, 0.5, 0.2, 500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LevelThresholds(10, 0.5, 0.5, 0.2, 500)).hasMessageContaining("minGrowth");
    }
}
