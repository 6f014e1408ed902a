package dev.yuqing.jobs.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.config.Config;
import dev.yuqing.core.config.ConfigException;
import dev.yuqing.core.trend.BurstSettings;
import dev.yuqing.core.trend.WarningLevels;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendOptionsTest {
    @Test
    void defaultsGiveTheDocumentedSettings() {
        Config c = TrendOptions.DEF.resolve(Map.of(), Map.of());
        TrendJob.Settings s = TrendJob.Settings.of(c);
        assertThat(s.windows()).isEqualTo(new TrendWindows(Duration.ofMinutes(10), Duration.ofMinutes(1), 60));
        assertThat(s.burst()).isEqualTo(BurstSettings.DEFAULTS);
        assertThat(s.levels()).isEqualTo(WarningLevels.DEFAULTS);
        assertThat(TrendOptions.DEF.keys()).extracting(k -> k.name()).contains("trend.level.red.volume", "kafka.bootstrap.servers");
    }

    @Test
    void levelThresholdsAndWindowsComeFromConfiguration() {
        Config c = TrendOptions.DEF.resolve(Map.of("trend.level.red.volume", "1000", "trend.window.size", "5m",
                "trend.window.slide", "30s"), Map.of("YUQING_TREND_BURST_THRESHOLD", "4.5"));
        TrendJob.Settings s = TrendJob.Settings.of(c);
        assertThat(s.levels().red().minVolume()).isEqualTo(1000);
        assertThat(s.windows().slide()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.burst().threshold()).isEqualTo(4.5);
    }

    @Test
    void inconsistentSettingsAreRefused() {
        Config easierRed = TrendOptions.DEF.resolve(Map.of("trend.level.red.volume", "5"), Map.of());
        assertThatThrownBy(() -> TrendOptions.warningLevels(easierRed)).isInstanceOf(IllegalArgumentException.class);
        Config oddWindows = TrendOptions.DEF.resolve(Map.of("trend.window.size", "10m", "trend.window.slide", "3m"), Map.of());
        assertThatThrownBy(() -> TrendOptions.windows(oddWindows)).hasMessageContaining("multiple");
        assertThatThrownBy(() -> TrendOptions.DEF.resolve(Map.of("trend.negative.surge.margin", "2"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("trend.negative.surge.margin");
    }
}
