package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alert.AlertType;
import dev.yuqing.jobs.alerting.AckServer;
import dev.yuqing.jobs.alerting.AlertOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * AlertJob on the real broker, node and MiniCluster: repeats of one alert reach the handler's
 * webhook once and then once more on escalation, the alert is in yuqing-alerts with its count, and
 * the ack endpoint changes its status there.
 */
@ExtendWith(LocalStackExtension.class)
class AlertingIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private static Alert alert(AlertLevel level, Instant seen) {
        return new Alert("burst:event:demo-1", AlertType.HARMFUL_CONTENT, level, "疑似违法有害信息（诈骗）", "测试告警",
                new Alert.Evidence(List.of("p1"), List.of("https://x.example/p1"), List.of("刷单返利")),
                "南湖区", "site:x", seen, seen, 1);
    }

    @Test
    void deliversOnceThenOnEscalationIndexesAndAcknowledges(LocalStack stack) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", ex -> {
            received.add(ex.getRequestHeaders().getFirst("X-Yuqing-Notification") + " " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        webhook.start();
        Path routing = Files.writeString(dir.resolve("routing.json"), "{\"channels\":{\"duty\":{\"kind\":\"webhook\",\"url\":\"http://127.0.0.1:"
                + webhook.getAddress().getPort() + "/hook\"}},\"routes\":[],\"default\":[\"duty\"]}");
        String index = "it-alerts";
        String topic = "it-alerts"; // not the shared alerts topic, which EndToEndIT reads whole
        stack.kafka().createTopics(List.of(topic), 1);
        var config = stack.alertConfig(Duration.ofSeconds(1), Map.of(
                AlertOptions.ROUTING_FILE.name(), routing.toString(),
                AlertOptions.INDEX.name(), index,
                AlertOptions.INPUT_TOPIC.name(), topic,
                AlertOptions.GROUP_ID.name(), "alerting-it"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, dev.yuqing.jobs.Jobs.flinkConfiguration(config));
        dev.yuqing.jobs.alerting.AlertJob.fromConfig(config).build(env);
        JobClient job = env.executeAsync("alerting it");
        try (AckServer ack = stack.startAckServer(config, 0)) {
            Properties p = new Properties();
            p.put("bootstrap.servers", stack.bootstrapServers());
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
                Instant t = Instant.parse("2026-11-20T00:00:00Z");
                for (int i = 0; i < 3; i++) {
                    Alert a = alert(AlertLevel.ORANGE, t.plusSeconds(i));
                    producer.send(new ProducerRecord<>(topic, a.id().getBytes(StandardCharsets.UTF_8), a.toJson())).get();
                }
                await(() -> received.size() >= 1, "the first notification");
                Thread.sleep(2000); // repeats inside the quiet period must not notify
                assertThat(received).hasSize(1);
                assertThat(received.get(0)).startsWith("new ").contains("burst:event:demo-1");

                Alert red = alert(AlertLevel.RED, t.plusSeconds(10));
                producer.send(new ProducerRecord<>(topic, red.id().getBytes(StandardCharsets.UTF_8), red.toJson())).get();
                await(() -> received.size() >= 2, "the escalation");
                assertThat(received.get(1)).startsWith("escalated ");
            }

            JsonNode doc = awaitDoc(stack, index, "burst:event:demo-1", d -> d.path("count").asLong() == 4);
            assertThat(doc.get("status").asText()).isEqualTo("open");
            assertThat(doc.get("level").asText()).isEqualTo("red");

            HttpClient http = HttpClient.newHttpClient();
            String id = URLEncoder.encode("burst:event:demo-1", StandardCharsets.UTF_8);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ack.port() + "/alerts/" + id + "/ack"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"值班员张三\",\"note\":\"已核实\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode acked = awaitDoc(stack, index, "burst:event:demo-1", d -> d.path("status").asText().equals("acknowledged"));
            assertThat(acked.at("/acknowledged/by").asText()).isEqualTo("值班员张三");
            assertThat(acked.at("/acknowledged/minutes").isNumber()).as("time to acknowledge, from raisedAt: " + acked).isTrue();
            assertThat(acked.at("/acknowledged/minutes").asDouble()).isBetween(0.0, 5.0);
            assertThat(acked.get("count").asLong()).as("the ack leaves the rest of the alert alone").isEqualTo(4);

            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ack.port() + "/alerts/nope/resolve"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
        } finally {
            job.cancel().get();
            webhook.stop(0);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static JsonNode awaitDoc(LocalStack stack, String index, String id, java.util.function.Predicate<JsonNode> ready) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            // Alerts live in monthly indices (prefix-yyyy.MM): found by id across them.
            stack.client().indices().refresh(x -> x.index(index + "-*").allowNoIndices(true).ignoreUnavailable(true));
            var hits = stack.client().search(s -> s.index(index + "-*").allowNoIndices(true).ignoreUnavailable(true)
                    .query(q -> q.ids(i -> i.values(id))), JsonNode.class).hits().hits();
            if (!hits.isEmpty()) {
                assertThat(hits).singleElement().satisfies(h -> assertThat(h.index()).matches(java.util.regex.Pattern.quote(index) + "-\\d{4}\\.\\d{2}"));
                last = hits.get(0).source();
                if (ready.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("document " + id + " never became ready; last: " + last);
    }
}
