package dev.yuqing.core.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Signatures checked against values computed here, step by step, from the robots' documented algorithm. */
class RobotSignaturesTest {
    private static final String SECRET = "SECabc123示例";

    @Test
    void dingTalkSignsTimestampNewlineSecret() throws Exception {
        long ts = 1_772_413_200_000L;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String b64 = Base64.getEncoder().encodeToString(mac.doFinal((ts + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));

        String sign = RobotSignatures.dingTalk(ts, SECRET);
        assertThat(URLDecoder.decode(sign, StandardCharsets.UTF_8)).isEqualTo(b64);
        assertThat(sign).doesNotContain("+", "/", "=");
        assertThat(RobotSignatures.dingTalkUrl("https://oapi.dingtalk.com/robot/send?access_token=t", ts, SECRET))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=" + ts + "&sign=" + sign);
    }

    @Test
    void dingTalkMessagesCarryTheSignedUrlAndMarkdown() throws Exception {
        ChannelDef dt = new ChannelDef("dt", ChannelKind.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=t", SECRET, List.of(), null);
        Instant now = Instant.ofEpochMilli(1_772_413_200_123L);
        Notification n = Notification.of(Notification.Reason.NEW, TestAlerts.alert("a", AlertLevel.RED), now);
        ChannelMessages.HttpMessage m = ChannelMessages.http(dt, n, now);
        assertThat(m.uri().toString()).endsWith("&timestamp=1772413200123&sign=" + RobotSignatures.dingTalk(now.toEpochMilli(), SECRET));
        JsonNode body = Json.MAPPER.readTree(m.body());
        assertThat(body.get("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.at("/markdown/text").asText()).contains("新告警", "红色", "告警编号：a");
    }

    @Test
    void feishuSignsWithTimestampNewlineSecretAsKey() throws Exception {
        long ts = 1_772_413_200L;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec((ts + "\n" + SECRET).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
        assertThat(RobotSignatures.feishu(ts, SECRET)).isEqualTo(expected);

        ChannelDef fs = new ChannelDef("fs", ChannelKind.FEISHU, "https://open.feishu.cn/open-apis/bot/v2/hook/x", SECRET, List.of(), null);
        Instant now = Instant.ofEpochSecond(ts);
        JsonNode body = Json.MAPPER.readTree(ChannelMessages.http(fs,
                Notification.of(Notification.Reason.ESCALATED, TestAlerts.alert("a", AlertLevel.RED), now), now).body());
        assertThat(body.get("msg_type").asText()).isEqualTo("text");
        assertThat(body.get("timestamp").asText()).isEqualTo(Long.toString(ts));
        assertThat(body.get("sign").asText()).isEqualTo(expected);
        assertThat(body.at("/content/text").asText()).startsWith("【告警升级】红色预警");
    }
}
