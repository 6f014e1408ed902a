package dev.yuqing.connectors.connect;

import dev.yuqing.core.Topics;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The keys every Yuqing source connector has, declared once here, and the base of each connector's parsed settings. */
public abstract class CommonSourceConfig extends AbstractConfig {
    public static final String TOPIC = "topic";
    public static final String DLQ_TOPIC = "dlq.topic";
    public static final String KAFKA_BOOTSTRAP = WrittenTopics.KAFKA_BOOTSTRAP;

    protected CommonSourceConfig(ConfigDef definition, Map<String, String> props) {
        super(definition, props);
    }

    public String topic() {
        return getString(TOPIC);
    }

    public String dlqTopic() {
        return getString(DLQ_TOPIC);
    }

    /** A new definition holding the common keys, for a connector to add its own to. */
    public static ConfigDef define() {
        return WrittenTopics.define(new ConfigDef())
                .define(TOPIC, Type.STRING, Topics.POSTS_RAW, ConfigValidators.topicName(), Importance.HIGH,
                        "topic the posts go to, as JSON Post keyed by post id")
                .define(DLQ_TOPIC, Type.STRING, Topics.POSTS_DLQ, ConfigValidators.topicName(), Importance.HIGH,
                        "topic for items that cannot become posts, as JSON DeadLetter (stage connector) with the field and the reason");
    }
}
