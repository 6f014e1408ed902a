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

/**
 * The topics a connector writes, checked against its Kafka cluster before it starts. Connect's
 * producers wait for a missing topic's metadata as long as the worker's {@code producer.max.block.ms}
 * (by default for ever, with nothing logged), so a connector refuses to start instead, naming the
 * topic and the fix. The topics are the values of the keys {@code topic} and {@code *.topic};
 * an empty value writes nothing.
 */
public final class WrittenTopics {
    /** How long the check waits for the cluster: within the REST API's and a task start's patience. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** One topic that cannot be written: the key that names it and what to do. */
    public record Problem(String key, String message) {}

    private WrittenTopics() {}

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
