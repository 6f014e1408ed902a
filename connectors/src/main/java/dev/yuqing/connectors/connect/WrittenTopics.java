package dev.yuqing.connectors.connect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicListing;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The topics a connector writes, checked against its Kafka cluster before it starts. Connect's
 * producers wait for a missing topic's metadata as long as the worker's {@code producer.max.block.ms}
 * (by default for ever, with nothing logged), so a connector refuses to start instead, naming the
 * topic and the fix. The topics are the values of the keys {@code topic} and {@code *.topic};
 * an empty value writes nothing.
 */
public final class WrittenTopics {
    /** The worker's Kafka cluster, to check the topics on; every Yuqing connector has the key. */
    public static final String KAFKA_BOOTSTRAP = "kafka.bootstrap.servers";
    /** How long the check waits for the cluster: within the REST API's and a task start's patience. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** One topic that cannot be written: the key that names it and what to do. */
    public record Problem(String key, String message) {}

    private WrittenTopics() {}

    /** Adds {@link #KAFKA_BOOTSTRAP} to a connector's definition. */
    public static ConfigDef define(ConfigDef definition) {
        return definition.define(KAFKA_BOOTSTRAP, ConfigDef.Type.STRING, "",
                ConfigValidators.of("empty, or host:port[,host:port...]", WrittenTopics::bootstrapProblem), ConfigDef.Importance.MEDIUM,
                "the Kafka cluster this Connect worker writes to (host:port,...), for checking before the connector and its task start"
                        + " that every topic it writes exists: a missing one fails the start with the topic's name and the fix, where"
                        + " Connect would otherwise wait for it without end or a word; empty skips the check");
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

    /**
     * Checks that every topic {@code config} writes exists, when {@link #KAFKA_BOOTSTRAP} is set.
     *
     * @throws ConnectException naming each missing topic and the fix: the task fails at once
     *                          instead of waiting for the topic with nothing logged
     */
    public static void require(AbstractConfig config) {
        String bootstrap = config.getString(KAFKA_BOOTSTRAP);
        if (bootstrap.isBlank()) {
            return;
        }
        List<Problem> problems = check(bootstrap.strip(), KAFKA_BOOTSTRAP, of(config.values()));
        if (!problems.isEmpty()) {
            throw new ConnectException(String.join("; ", problems.stream().map(Problem::message).toList()));
        }
    }

    /** Key → topic for every key among {@code values} (parsed, defaults included) naming a topic the connector writes. */
    public static Map<String, String> of(Map<String, ?> values) {
        Map<String, String> topics = new TreeMap<>();
        values.forEach((key, v) -> {
            if ((key.equals(CommonSourceConfig.TOPIC) || key.endsWith(".topic")) && v != null && !v.toString().isBlank()) {
                topics.put(key, v.toString().strip());
            }
        });
        return topics;
    }

    /**
     * What stands in the way of writing {@code topics} on the cluster at {@code bootstrap}: each
     * missing topic, or one problem on {@code bootstrapKey} when the cluster does not answer.
     */
    public static List<Problem> check(String bootstrap, String bootstrapKey, Map<String, String> topics) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "yuqing-connector-topic-check");
        Map<String, TopicListing> existing;
        try (Admin admin = Admin.create(p)) {
            existing = admin.listTopics().namesToListings().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return List.of(new Problem(bootstrapKey, "could not list the topics of the Kafka cluster at " + bootstrap + " within "
                    + TIMEOUT.toSeconds() + " s (" + cause + "): set " + bootstrapKey
                    + " to the Kafka cluster of this Connect worker, or leave it empty to start without checking the topics"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(new Problem(bootstrapKey, "interrupted while checking the topics at " + bootstrap));
        }
        List<Problem> problems = new ArrayList<>();
        topics.forEach((key, topic) -> {
            if (!existing.containsKey(topic)) {
                problems.add(new Problem(key, "topic " + topic + " (" + key + ") does not exist on the Kafka cluster at " + bootstrap
                        + ", and Connect would wait for it for ever: create it (the Setup command creates every Yuqing topic; or"
                        + " kafka-topics.sh --create --topic " + topic + ") or set " + key + " to a topic that exists"));
            }
        });
        return problems;
    }
}
