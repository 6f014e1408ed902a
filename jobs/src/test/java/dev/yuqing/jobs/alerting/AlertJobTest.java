package dev.yuqing.jobs.alerting;

import static dev.yuqing.jobs.alerting.AlertFixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alert.AlertType;
import dev.yuqing.core.alerting.AlertAggregator;
import dev.yuqing.core.alerting.AlertJson;
import dev.yuqing.core.alerting.Backoff;
import dev.yuqing.core.alerting.RateLimit;
import dev.yuqing.core.alerting.RoutingRules;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.PostTimes;
import dev.yuqing.jobs.elasticsearch.Document;
import dev.yuqing.jobs.kafka.RawRecord;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole topology on a Flink MiniCluster, with a real webhook on 127.0.0.1 and collecting sinks. */
class AlertJobTest {
    private HttpServer server;
    private final AtomicInteger hookRequests = new AtomicInteger();
    private final List<byte[]> hookAccepted = new CopyOnWriteArrayList<>();
    private final List<CollectingSink<?>> sinks = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            try (ex) {
                byte[] body = ex.getRequestBody().readAllBytes();
                boolean ok = hookRequests.incrementAndGet() > 3; // down for the first three tries
                if (ok) {
                    hookAccepted.add(body);
                }
                ex.sendResponseHeaders(ok ? 200 : 503, -1);
            }
        });
        server.createContext("/down", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                ex.sendResponseHeaders(500, -1);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        sinks.forEach(CollectingSink::forget);
    }

    private <T> CollectingSink<T> sink() {
        CollectingSink<T> s = new CollectingSink<>();
        sinks.add(s);
        return s;
    }

    /** Emits the given values as records of the alerts topic. */
    record Records(String[] values) implements GeneratorFunction<Long, RawRecord> {
        @Override
        public RawRecord map(Long i) {
            return new RawRecord("alerts", 0, i, "k" + i, values[i.intValue()].getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aggregatesRoutesDeliversIndexesAndDeadLetters() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        RoutingRules routing = RoutingRules.parse("""
                {
                  "channels": {
                    "hook": {"kind": "webhook", "url": "%s/hook"},
                    "down": {"kind": "webhook", "url": "%s/down"},
                    "archive": {"kind": "kafka"}
                  },
                  "routes": [
                    {"minLevel": "red", "types": ["harmful-content"], "channels": ["hook"]},
                    {"types": ["classified-marking"], "channels": ["down"]}
                  ],
                  "default": ["archive"]
                }
                """.formatted(base, base), Map.of());
        Alert red = alert("a", AlertLevel.RED);
        Alert orange = alert("b", AlertLevel.ORANGE);
        Alert secret = new Alert("c", AlertType.CLASSIFIED_MARKING, AlertLevel.RED, "疑似涉密信息（内部）", "请立即核实",
                red.evidence(), null, null, red.firstSeen(), red.lastSeen(), 1);
        String[] values = {json(red), json(red), json(orange), json(secret), "{not an alert"};

        CollectingSink<Document> index = sink();
        CollectingSink<Alert> out = sink();
        CollectingSink<DeadLetter> dead = sink();
        AlertJob job = new AlertJob(
                new DataGeneratorSource<>(new Records(values), values.length, TypeInformation.of(RawRecord.class)),
                index, out, dead,
                new AlertAggregator(Duration.ofHours(1), EnumSet.of(AlertLevel.BLUE), LocalTime.of(8, 30), PostTimes.CHINA),
                Duration.ofDays(1), Duration.ofSeconds(1), routing,
                new DeliverySettings(new Backoff(4, Duration.ofMillis(20), Duration.ofMillis(100)), RateLimit.parse("100/1s"),
                        Duration.ofSeconds(5), new SmtpSettings("", 25, false, "", "", "x@127.0.0.1")),
                10, "yuqing-alerts");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        job.build(env);
        env.execute("alert job test");

        assertThat(hookRequests).as("three failures, then one success").hasValue(4);
        assertThat(hookAccepted).hasSize(1);
        assertThat(AlertJson.read(hookAccepted.get(0)).id()).isEqualTo("a");
        assertThat(out.received()).extracting(Alert::id).containsExactly("b");
        assertThat(dead.received()).extracting(DeadLetter::stage).containsExactlyInAnyOrder("parse", "alert-delivery");
        assertThat(dead.received()).filteredOn(d -> d.stage().equals("alert-delivery")).singleElement()
                .satisfies(d -> assertThat(d.key()).isEqualTo("c"));

        List<String> docs = index.received().stream().map(d -> d.id() + " " + new String(d.json(), StandardCharsets.UTF_8)).toList();
        assertThat(index.received()).allMatch(d -> d.index().startsWith("yuqing-alerts-") && d.isUpdate());
        assertThat(docs).filteredOn(s -> s.startsWith("a ")).anyMatch(s -> s.contains("\"count\":2"))
                .anyMatch(s -> s.contains("\"hook\":{\"status\":\"delivered\",\"attempts\":4"));
        assertThat(docs).filteredOn(s -> s.startsWith("c ")).anyMatch(s -> s.contains("\"down\":{\"status\":\"failed\",\"attempts\":4"));
        JsonNode created = Json.MAPPER.readTree(index.received().get(0).upsert());
        assertThat(created.get("status").asText()).isEqualTo("open");
    }

    private static String json(Alert a) {
        return new String(a.toJson(), StandardCharsets.UTF_8);
    }
}
