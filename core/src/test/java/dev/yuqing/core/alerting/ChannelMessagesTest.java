package dev.yuqing.core.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelMessagesTest {
    private static final Instant NOW = TestAlerts.T0;

    @Test
    void aWebhookGetsTheAlertJsonWhichReadsBack() throws Exception {
        Alert a = TestAlerts.alert("harmful-content:p1", AlertLevel.ORANGE);
        ChannelDef hook = new ChannelDef("hook", ChannelKind.WEBHOOK, "http://127.0.0.1:1/hook", "", List.of(), null);
        ChannelMessages.HttpMessage m = ChannelMessages.http(hook, Notification.of(Notification.Reason.NEW, a, NOW), NOW);
        assertThat(AlertJson.read(m.body())).isEqualTo(a);
        byte[] digest = ChannelMessages.webhookBody(new Notification(Notification.Reason.DIGEST, List.of(a, a), NOW));
        assertThat(Json.MAPPER.readTree(digest).size()).isEqualTo(2);
    }

    @Test
    void weComGetsMarkdown() throws Exception {
        ChannelDef wc = new ChannelDef("wc", ChannelKind.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", "", List.of(), null);
        JsonNode body = Json.MAPPER.readTree(ChannelMessages.http(wc,
                Notification.of(Notification.Reason.REMINDER, TestAlerts.alert("a", AlertLevel.RED), NOW), NOW).body());
        assertThat(body.get("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.at("/markdown/content").asText()).contains("持续告警提醒", "示范市", "https://example.gov.cn/a");
    }

    @Test
    void anEmailIsInChinese() {
        ChannelMessages.EmailMessage m = ChannelMessages.email(new Notification(Notification.Reason.DIGEST,
                List.of(TestAlerts.alert("a", AlertLevel.BLUE), TestAlerts.alert("b", AlertLevel.YELLOW)), NOW));
        assertThat(m.subject()).isEqualTo("【舆情每日汇总】低等级告警 2 条");
        assertThat(m.body()).contains("蓝色", "黄色", "告警编号：b");
    }

    @Test
    void theReaderRefusesAnAlertWithoutId() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertJson.read("{\"type\":\"harmful-content\",\"level\":\"red\",\"title\":\"x\"}".getBytes()))
                .hasMessageContaining("id");
    }
}
