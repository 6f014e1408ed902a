package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.yuqing.core.Topics;
import dev.yuqing.dashboards.IndexTemplates;
import dev.yuqing.local.cluster.ClusterBuild;
import dev.yuqing.local.cluster.ClusterRig;
import dev.yuqing.local.cluster.Faults;
import dev.yuqing.local.connect.FileReplayConnector;
import dev.yuqing.local.demo.DemoLine;
import dev.yuqing.local.demo.DemoScenario;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo through every service as its own process, started as compose starts them (see
 * {@link ClusterRig}); then the same replay again on a fresh rig while a TaskManager is killed,
 * Elasticsearch is away for a minute, the broker restarts, the Connect worker is killed and the
 * jobs are upgraded through savepoints: what lands must be the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    /** The demo file grows by this many parts, one every {@link #PART_EVERY}, as an export would: faults strike while posts flow. */
    private static final int PARTS = 10;
    private static final Duration PART_EVERY = Duration.ofSeconds(15);
    /** Fields that say when a document was written, not what it says. */
    private static final List<String> WRITTEN_AT = List.of("indexedAt", "updatedAt", "@timestamp", "processedAt", "writtenAt");

    @TempDir
    static Path dir;

    private Path file;
    private long valid;
    private long invalid;
    private HttpServer webhook;
    private final Map<String, AtomicInteger> notifications = new ConcurrentHashMap<>();
    private Path routing;
    private Outcome reference;

    /** What a run left behind, for comparison. */
    record Outcome(PipelineStatus.Summary summary, Map<String, Long> counts, Map<String, Map<String, JsonNode>> documents,
            Map<String, Long> deadLetters, Map<String, Long> alertRecords, Map<String, Integer> notifications) {}

    @BeforeAll
    void demoAndWebhook() throws Exception {
        List<DemoLine> lines = DemoScenario.generate(2000, 16, 20261127L);
        file = dir.resolve("demo.jsonl");
        DemoScenario.write(file, lines);
        valid = lines.stream().filter(DemoLine::valid).map(DemoLine::id).distinct().count();
        invalid = lines.stream().filter(l -> !l.valid()).count();
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = ex.getRequestHeaders().getFirst("X-Yuqing-Notification") + " " + dev.yuqing.core.json.Json.MAPPER.readTree(body).path("id").asText();
            notifications.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        webhook.start();
        routing = Files.writeString(dir.resolve("routing.json"), "{\"channels\":{\"duty\":{\"kind\":\"webhook\",\"url\":\"http://127.0.0.1:"
                + webhook.getAddress().getPort() + "/hook\"}},\"routes\":[],\"default\":[\"duty\"]}");
    }

    @AfterAll
    void stopWebhook() {
        webhook.stop(0);
    }

    private ClusterRig.Settings settings() {
        return ClusterRig.Settings.defaults().withJobEnvironment(Map.of("YUQING_ALERTING_ROUTING_FILE", routing.toString(),
                "YUQING_ALERTING_RATE_LIMIT", "10000/1m"));
    }

    @Test
    @Order(1)
    void theDemoRunsThroughTheDeployedServices() throws Exception {
        reference = run("reference", run -> {});
        System.out.println("reference: " + reference.summary() + " " + reference.counts());
        assertThat(reference.summary().indexed()).isEqualTo(valid);
        assertThat(reference.summary().deadLetters()).isEqualTo(invalid);
        assertThat(reference.deadLetters().values().stream().mapToLong(Long::longValue).sum()).as("each invalid line once").isEqualTo(invalid);
        assertThat(reference.counts().get(IndexTemplates.TRENDS)).isPositive();
        assertThat(reference.counts().get(IndexTemplates.EVENTS)).isPositive();
        assertThat(reference.counts().get(IndexTemplates.INSPECTIONS)).isPositive();
        assertThat(reference.counts().get(IndexTemplates.ALERTS)).isPositive();
        assertThat(reference.notifications()).isNotEmpty();
    }

    @Test
    @Order(2)
    void nothingIsLostOrDoubledWhenProcessesDie() throws Exception {
        assertThat(reference).as("the reference run").isNotNull();
        Outcome faulty = run("faults", run -> {
            Faults faults = new Faults(run.rig);
            Thread.sleep(20_000);
            log(faults.killTaskManager(Duration.ofSeconds(5)).toString());
            log(faults.stopElasticsearch(Duration.ofSeconds(60)).toString());
            log(faults.restartKafka().toString());
            log(faults.killConnect().toString());
            log("upgrade: every job stopped with a savepoint and submitted again from it");
            log(run.submit("submit-upgrade", Map.of("YUQING_SUBMIT_UPGRADE", "true")));
        });
        System.out.println("with faults: " + faulty.summary() + " " + faulty.counts());
        assertThat(faulty.summary().indexed()).isEqualTo(valid);
        assertThat(faulty.deadLetters()).as("dead letters, each once").isEqualTo(reference.deadLetters());
        assertThat(faulty.alertRecords()).as("alert records by id").isEqualTo(reference.alertRecords());
        for (String family : reference.documents().keySet()) {
            // Doubles (baselines, scores) are sums whose order a restore may change: equal to 1e-9, not to the last bit.
            assertThat(faulty.documents().get(family)).as(family).usingRecursiveComparison()
                    .withComparatorForType((a, b) -> Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) ? 0 : Double.compare(a, b), Double.class)
                    .isEqualTo(reference.documents().get(family));
        }
        assertThat(faulty.notifications().keySet()).as("every notification sent").containsAll(reference.notifications().keySet());
    }

    private interface During {
        void accept(ClusterReplay run) throws Exception;
    }

    private Outcome run(String name, During during) throws Exception {
        notifications.clear();
        long started = System.nanoTime();
        try (ClusterReplay run = new ClusterReplay(ClusterRig.start(ClusterBuild.fromEnvironment(), dir.resolve(name), settings()))) {
            log(String.format("%s: rig up in %.1f s", name, (System.nanoTime() - started) / 1e9));
            log(run.setup());
            log(run.submit("submit", Map.of()));
            List<String> lines = Files.readAllLines(file);
            Path growing = dir.resolve(name).resolve("demo.jsonl");
            int part = (lines.size() + PARTS - 1) / PARTS;
            Files.write(growing, lines.subList(0, part));
            FileReplayConnector first = run.replay(growing, 0);
            FileReplayConnector replay = new FileReplayConnector(first.worker(), first.name(), lines.size());
            Thread feeder = new Thread(() -> {
                try {
                    for (int from = part; from < lines.size(); from += part) {
                        Thread.sleep(PART_EVERY.toMillis());
                        Files.write(growing, lines.subList(from, Math.min(lines.size(), from + part)), java.nio.file.StandardOpenOption.APPEND);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "demo-export");
            feeder.start();
            during.accept(run);
            feeder.join();
            PipelineStatus.Summary s = run.awaitSettled(replay, Duration.ofMinutes(10), Duration.ofSeconds(20));
            assertThat(run.rig.crashes()).as("services that ended on their own (not the faults injected)").isEmpty();
            log(String.format("%s: settled after %.1f s", name, (System.nanoTime() - started) / 1e9));
            Map<String, Map<String, JsonNode>> documents = new TreeMap<>();
            for (String family : List.of(IndexTemplates.TRENDS, IndexTemplates.EVENTS, IndexTemplates.INSPECTIONS, IndexTemplates.SCORES,
                    IndexTemplates.MESSAGES, IndexTemplates.REPLY_STATS)) {
                documents.put(family, run.documents(family, WRITTEN_AT));
            }
            Map<String, Integer> sent = new TreeMap<>();
            notifications.forEach((k, v) -> sent.put(k, v.get()));
            return new Outcome(s, run.counts(), documents, run.deadLetters(), run.keyCounts(Topics.ALERTS), sent);
        }
    }

    private static void log(String line) {
        System.out.println(line);
    }
}
