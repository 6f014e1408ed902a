package dev.yuqing.core.alerting;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a channel delivers. */
public enum ChannelKind {
    /** Generic JSON webhook: the Alert JSON (an array of them for a digest). */
    WEBHOOK("webhook"),
    /** WeCom (企业微信) group robot, markdown. */
    WECOM("wecom"),
    /** DingTalk (钉钉) group robot, markdown, with the optional signed URL. */
    DINGTALK("dingtalk"),
    /** Feishu (飞书) group robot, text, with the optional signature. */
    FEISHU("feishu"),
    /** E-mail over SMTP. */
    EMAIL("email"),
    /** The alerts.out Kafka topic, for other systems to consume. */
    KAFKA("kafka");

    private final String code;

    ChannelKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
