package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.PostJson;
import dev.yuqing.local.connect.EmbeddedConnect;
import dev.yuqing.local.kafka.EmbeddedKafka;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the Connect integration tests do with a worker and its broker: its REST API, waiting for a
 * condition, what the topics hold, a task's metrics.
 */
final class ConnectRest {
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ConnectRest() {}

    static HttpResponse<String> rest(EmbeddedConnect connect, String method, String path, Object body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(connect.restUrl().resolve(path)).header("Content-Type", "application/json");
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates (or updates) every connector through the worker's REST API and waits for their tasks to run. */
    static void create(EmbeddedConnect connect, Map<String, Map<String, String>> connectors) throws Exception {
        for (var c : connectors.entrySet()) {
            connect.putConnector(c.getKey(), c.getValue());
        }
        for (String name : connectors.keySet()) {
            connect.awaitRunning(name, TIMEOUT);
        }
    }

    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** All a topic holds now. */
    static List<ConsumerRecord<byte[], byte[]>> read(EmbeddedKafka kafka, String topic) throws Exception {
        return TopicReader.readAll(kafka.bootstrapServers(), topic, TIMEOUT);
    }

    /** The posts a topic holds, each checked to be keyed by its id (what keeps a post in one partition). */
    static List<Post> posts(EmbeddedKafka kafka, String topic) throws Exception {
        PostJson json = new PostJson();
        List<Post> posts = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : read(kafka, topic)) {
            Post p = json.read(r.value());
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(p.id());
            posts.add(p);
        }
        return posts;
    }

    /** The keys of what a topic holds, in order, to see that nothing was sent twice. */
    static List<String> keys(EmbeddedKafka kafka, String topic) throws Exception {
        return read(kafka, topic).stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
    }

    static List<DeadLetter> deadLetters(EmbeddedKafka kafka, String dlq) throws Exception {
        return TopicReader.deadLetters(kafka.bootstrapServers(), dlq, TIMEOUT);
    }

    /** A task's plugin metric, as JMX shows it. */
    static Object metric(String connector, String name) throws Exception {
        return ManagementFactory.getPlatformMBeanServer().getAttribute(
                new ObjectName("kafka.connect:type=plugins,connector=" + connector + ",task=0"), name);
    }
}
