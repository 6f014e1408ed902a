package dev.yuqing.connectors.connect;

import dev.yuqing.core.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The keys every Yuqing source connector has, declared once here, and the base of each connector's parsed settings. */
public abstract class CommonSourceConfig extends AbstractConfig {
    public static final String TOPIC = "topic";
    public static final String DLQ_TOPIC = "dlq.topic";
    public static final String KAFKA_BOOTSTRAP = "kafka.bootstrap.servers";

    protected CommonSourceConfig(ConfigDef definition, Map<String, String> props) {
        super(definition, props);
    }

    public String topic() {
        return getString(TOPIC);
    }

    public String dlqTopic() {
        return getString(DLQ_TOPIC);
    }

    /**
     * Checks that every topic this connector writes exists, when {@link #KAFKA_BOOTSTRAP} is set.
     *
     * @throws ConnectException naming each missing topic and the fix: the task fails at once
     *                          instead of waiting for the topic with nothing logged
     */
    public void requireTopics() {
        String bootstrap = getString(KAFKA_BOOTSTRAP);
        if (bootstrap.isBlank()) {
            return;
        }
        List<WrittenTopics.Problem> problems = WrittenTopics.check(bootstrap.strip(), KAFKA_BOOTSTRAP, WrittenTopics.of(values()));
        if (!problems.isEmpty()) {
            throw new ConnectException(String.join("; ", problems.stream().map(WrittenTopics.Problem::message).toList()));
        }
    }

    private static String bootstrapProblem(String value) {
        if (value.isBlank()) {
            return null;
        }
        for (String server : value.split(",")) {
            String s = server.strip();
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || colon == s.length() - 1 || !s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                return "'" + s + "' is not host:port; give the worker's Kafka as in its bootstrap.servers, such as 127.0.0.1:9092 or kafka:9092";
            }
        }
        return null;
    }

    /** A new definition holding the common keys, for a connector to add its own to. */
    public static ConfigDef define() {
        return new ConfigDef()
                .define(TOPIC, Type.STRING, Topics.POSTS_RAW, ConfigValidators.topicName(), Importance.HIGH,
                        "topic the posts go to, as JSON Post keyed by post id")
                .define(DLQ_TOPIC, Type.STRING, Topics.POSTS_DLQ, ConfigValidators.topicName(), Importance.HIGH,
                        "topic for items that cannot become posts, as JSON DeadLetter (stage connector) with the field and the reason")
                .define(KAFKA_BOOTSTRAP, Type.STRING, "", ConfigValidators.of("empty, or host:port[,host:port...]", CommonSourceConfig::bootstrapProblem),
                        Importance.MEDIUM,
                        "the Kafka cluster this Connect worker writes to (host:port,...), for checking before the connector and its task start"
                                + " that every topic it writes exists: a missing one fails the start with the topic's name and the fix, where"
                                + " Connect would otherwise wait for it without end or a word; empty skips the check");
    }
}
