package dev.yuqing.core.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.PostTimes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The message each kind of channel takes for a notification. Robot texts are in Chinese, one
 * block per alert, and short: robots cut long messages (WeCom markdown at 4096 bytes).
 */
public final class ChannelMessages {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PostTimes.CHINA);
    /** A digest lists this many alerts in full and counts the rest. */
    static final int DIGEST_LIST = 30;

    private ChannelMessages() {}

    /** An HTTP POST of a JSON body. */
    public record HttpMessage(URI uri, byte[] body) {}

    /** An e-mail's subject and plain-text body. */
    public record EmailMessage(String subject, String body) {}

    /** The HTTP message for a webhook or robot channel; {@code now} stamps signatures. */
    public static HttpMessage http(ChannelDef channel, Notification n, Instant now) {
        return switch (channel.kind()) {
            case WEBHOOK -> new HttpMessage(URI.create(channel.url()), webhookBody(n));
            case WECOM -> new HttpMessage(URI.create(channel.url()), json(markdown("msgtype", markdownText(n))));
            case DINGTALK -> {
                ObjectNode body = Json.MAPPER.createObjectNode().put("msgtype", "markdown");
                body.putObject("markdown").put("title", title(n)).put("text", markdownText(n));
                String url = channel.secret().isEmpty() ? channel.url()
                        : RobotSignatures.dingTalkUrl(channel.url(), now.toEpochMilli(), channel.secret());
                yield new HttpMessage(URI.create(url), json(body));
            }
            case FEISHU -> {
                ObjectNode body = Json.MAPPER.createObjectNode();
                if (!channel.secret().isEmpty()) {
                    long ts = now.getEpochSecond();
                    body.put("timestamp", Long.toString(ts)).put("sign", RobotSignatures.feishu(ts, channel.secret()));
                }
                body.put("msg_type", "text").putObject("content").put("text", plainText(n));
                yield new HttpMessage(URI.create(channel.url()), json(body));
            }
            case EMAIL, KAFKA -> throw new IllegalArgumentException("channel " + channel + " does not take HTTP messages");
        };
    }

    /** The generic webhook: the Alert JSON, or an array of them for a digest. */
    public static byte[] webhookBody(Notification n) {
        try {
            return n.reason() == Notification.Reason.DIGEST
                    ? Json.MAPPER.writeValueAsBytes(n.alerts())
                    : n.alerts().get(0).toJson();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alerts always serialise", e);
        }
    }

    public static EmailMessage email(Notification n) {
        return new EmailMessage("【舆情" + n.reason().chinese() + "】" + title(n), plainText(n));
    }

    /** One line naming the notification: the alert's level and title, or the digest's size. */
    public static String title(Notification n) {
        if (n.reason() == Notification.Reason.DIGEST) {
            return "低等级告警 " + n.alerts().size() + " 条";
        }
        Alert a = n.alerts().get(0);
        return a.level().chinese() + "色预警：" + a.title();
    }

    static String markdownText(Notification n) {
        StringBuilder sb = new StringBuilder("### ").append(n.reason().chinese()).append("：").append(title(n)).append("\n");
        List<Alert> shown = n.alerts().subList(0, Math.min(DIGEST_LIST, n.alerts().size()));
        for (Alert a : shown) {
            sb.append("\n> **").append(a.level().chinese()).append("色** ").append(a.title()).append("\n");
            sb.append("> ").append(a.summary()).append("\n");
            details(a).forEach(line -> sb.append("> ").append(line).append("\n"));
        }
        more(n, sb);
        return sb.toString();
    }

    static String plainText(Notification n) {
        StringBuilder sb = new StringBuilder("【").append(n.reason().chinese()).append("】").append(title(n)).append("\n");
        List<Alert> shown = n.alerts().subList(0, Math.min(DIGEST_LIST, n.alerts().size()));
        for (Alert a : shown) {
            sb.append("\n").append(a.level().chinese()).append("色 ").append(a.title()).append("\n").append(a.summary()).append("\n");
            details(a).forEach(line -> sb.append(line).append("\n"));
        }
        more(n, sb);
        return sb.toString();
    }

    private static List<String> details(Alert a) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("告警编号：" + a.id());
        if (a.region() != null) {
            lines.add("地区：" + a.region());
        }
        if (a.account() != null) {
            lines.add("账号：" + a.account());
        }
        lines.add("次数：" + a.count() + (a.firstSeen() == null ? "" : "，首次 " + TIME.format(a.firstSeen()))
                + (a.lastSeen() == null ? "" : "，最近 " + TIME.format(a.lastSeen())));
        if (a.evidence() != null && !a.evidence().urls().isEmpty()) {
            lines.add("链接：" + String.join(" ", a.evidence().urls().subList(0, Math.min(3, a.evidence().urls().size()))));
        }
        return lines;
    }

    private static void more(Notification n, StringBuilder sb) {
        if (n.alerts().size() > DIGEST_LIST) {
            sb.append("\n另有 ").append(n.alerts().size() - DIGEST_LIST).append(" 条，请在告警看板查看。\n");
        }
    }

    private static ObjectNode markdown(String typeField, String content) {
        ObjectNode body = Json.MAPPER.createObjectNode().put(typeField, "markdown");
        body.putObject("markdown").put("content", content);
        return body;
    }

    private static byte[] json(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
