package dev.yuqing.core.alerting;

import static dev.yuqing.core.alerting.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alert.AlertType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {
    static final String FILE = """
            {
              "channels": {
                "duty-wecom": {"kind": "wecom", "url": "${WECOM_URL}", "rate": "20/1m"},
                "leaders-dingtalk": {"kind": "dingtalk", "url": "https://oapi.dingtalk.com/robot/send?access_token=x", "secret": "${DT_SECRET}"},
                "east-mail": {"kind": "email", "to": ["duty@east.example.gov.cn"]},
                "archive": {"kind": "kafka"}
              },
              "routes": [
                {"name": "red to leaders", "minLevel": "red", "channels": ["leaders-dingtalk"]},
                {"name": "secrets", "types": ["classified-marking"], "channels": ["leaders-dingtalk", "duty-wecom"]},
                {"name": "east district", "regions": ["东区"], "minLevel": "orange", "channels": ["east-mail"]},
                {"name": "one account", "accounts": ["acc-9"], "channels": ["duty-wecom"]}
              ],
              "default": ["duty-wecom", "archive"]
            }
            """;
    static final Map<String, String> ENV = Map.of("WECOM_URL", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", "DT_SECRET", "SEC123");

    private final RoutingRules rules = RoutingRules.parse(FILE, ENV);

    @Test
    void readsChannelsWithSecretsFromTheEnvironment() {
        assertThat(rules.channel("duty-wecom").url()).isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k");
        assertThat(rules.channel("duty-wecom").rate()).isEqualTo(RateLimit.parse("20/1m"));
        assertThat(rules.channel("leaders-dingtalk").secret()).isEqualTo("SEC123");
        assertThat(rules.channel("east-mail").to()).containsExactly("duty@east.example.gov.cn");
        assertThat(rules.channel("archive").kind()).isEqualTo(ChannelKind.KAFKA);
    }

    @Test
    void matchesByLevelTypeRegionAndAccount() {
        assertThat(rules.route(alert("a", AlertType.HARMFUL_CONTENT, AlertLevel.RED, "西区", "acc-1"))).containsExactly("leaders-dingtalk");
        assertThat(rules.route(alert("a", AlertType.CLASSIFIED_MARKING, AlertLevel.RED, "东区", "acc-1")))
                .containsExactly("leaders-dingtalk", "duty-wecom", "east-mail");
        assertThat(rules.route(alert("a", AlertType.PERSONAL_DATA, AlertLevel.ORANGE, "东区", "acc-1"))).containsExactly("east-mail");
        assertThat(rules.route(alert("a", AlertType.PERSONAL_DATA, AlertLevel.YELLOW, "东区", "acc-9"))).containsExactly("duty-wecom");
    }

    @Test
    void whatNoRouteMatchesTakesTheDefault() {
        assertThat(rules.route(alert("a", AlertType.PERSONAL_DATA, AlertLevel.ORANGE, "西区", "acc-1"))).containsExactly("duty-wecom", "archive");
        assertThat(rules.route(alert("a", AlertType.HARMFUL_CONTENT, AlertLevel.BLUE, null, null))).containsExactly("duty-wecom", "archive");
    }

    @Test
    void refusesMistakesWithAReason() {
        assertThatThrownBy(() -> RoutingRules.parse(FILE, Map.of("WECOM_URL", "https://x"))).hasMessageContaining("DT_SECRET");
        assertThatThrownBy(() -> RoutingRules.parse("""
                {"channels": {"a": {"kind": "webhook", "url": "https://x"}}, "routes": [{"minlevel": "red", "channels": ["a"]}], "default": ["a"]}
                """, Map.of())).hasMessageContaining("unknown field 'minlevel'");
        assertThatThrownBy(() -> RoutingRules.parse("""
                {"channels": {"a": {"kind": "webhook", "url": "https://x"}}, "routes": [{"channels": ["b"]}], "default": ["a"]}
                """, Map.of())).hasMessageContaining("unknown channel 'b'");
        assertThatThrownBy(() -> RoutingRules.parse("""
                {"channels": {"a": {"kind": "pager", "url": "https://x"}}, "default": ["a"]}
                """, Map.of())).hasMessageContaining("pager");
        assertThatThrownBy(() -> RoutingRules.parse("""
                {"channels": {"a": {"kind": "webhook", "url": "https://x"}}, "default": []}
                """, Map.of())).hasMessageContaining("default");
    }
}
