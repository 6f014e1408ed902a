package dev.yuqing.connectors.connect;

import java.util.Map;

/**
 * A Yuqing source connector that writes posts (and dead letters for what cannot become one): it
 * has the keys of {@link CommonSourceConfig}.
 */
public abstract class PostSourceConnector extends YuqingSourceConnector {
    /**
     * A configuration of {@code connector} with what Connect and every Yuqing connector need: one
     * task, the byte-array converters, the posts and dead-letter topics. Mutable: the caller adds
     * the connector's own keys.
     */
    public static Map<String, String> configuration(Class<? extends PostSourceConnector> connector, String topic, String dlqTopic) {
        Map<String, String> m = connectConfiguration(connector);
        m.put(CommonSourceConfig.TOPIC, topic);
        m.put(CommonSourceConfig.DLQ_TOPIC, dlqTopic);
        return m;
    }
}
