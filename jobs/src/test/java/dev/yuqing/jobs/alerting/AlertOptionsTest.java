package dev.yuqing.jobs.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alerting.ChannelKind;
import dev.yuqing.core.alerting.RoutingRules;
import dev.yuqing.core.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertOptionsTest {

    @Test
    void withoutARoutingFileEveryAlertGoesToTheOutputTopic() {
        Config c = AlertOptions.DEF.resolve(Map.of(), Map.of());
        RoutingRules r = AlertOptions.routing(c, Map.of());
        assertThat(r.defaults()).containsExactly(AlertOptions.KAFKA_CHANNEL);
        assertThat(r.channel(AlertOptions.KAFKA_CHANNEL).kind()).isEqualTo(ChannelKind.KAFKA);
        assertThat(AlertOptions.delivery(c).longestDelivery()).isPositive();
        assertThat(AlertOptions.aggregator(c).nextDigest(AlertFixtures.T0)).isAfter(AlertFixtures.T0);
    }

    @Test
    void readsTheRoutingFileWithSecretsFromTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routing.json");
        Files.writeString(file, """
                {"channels": {"duty": {"kind": "wecom", "url": "${WECOM_DUTY_URL}"}}, "default": ["duty"]}
                """);
        Config c = AlertOptions.DEF.resolve(Map.of("alerting.routing.file", file.toString()), Map.of());
        assertThat(AlertOptions.routing(c, Map.of("WECOM_DUTY_URL", "https://qyapi.weixin.qq.com/x")).channel("duty").url())
                .isEqualTo("https://qyapi.weixin.qq.com/x");
        assertThatThrownBy(() -> AlertOptions.routing(c, Map.of())).hasMessageContaining("WECOM_DUTY_URL");
    }

    @Test
    void everyKeyIsDescribedForTheConfigurationDocument() {
        AlertOptions.DEF.keys().forEach(k -> assertThat(k.description()).as(k.name()).hasSizeGreaterThan(10));
    }

    @Test
    void digestLevelsAreChecked() {
        assertThat(AlertOptions.digestLevels("blue, yellow")).containsExactly(AlertLevel.BLUE, AlertLevel.YELLOW);
        assertThat(AlertOptions.digestLevels("none")).isEmpty();
        assertThatThrownBy(() -> AlertOptions.digestLevels("green")).hasMessageContaining("green");
    }
}
