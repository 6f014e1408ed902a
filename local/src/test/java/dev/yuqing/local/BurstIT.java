package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.yuqing.core.json.Json;
import dev.yuqing.jobs.alerting.AlertOptions;
import dev.yuqing.jobs.enrich.EnrichOptions;
import dev.yuqing.jobs.trend.TrendOptions;
import dev.yuqing.local.demo.DemoScenario;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline (EnrichJob, TrendJob, AlertJob as the local stack runs them) on the demo's
 * water-outage wave: the burst reaches the handler's webhook as one alert that escalates, not one
 * alert per window, although the webhook fails its first three calls. Topics and indices of its own, so the other tests' data stay apart.
 */
@ExtendWith(LocalStackExtension.class)
class BurstIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** The webhook refuses its first calls, then recovers. */
    private static final int FAILING_CALLS = 3;

    @TempDir
    Path dir;

    /** A real SMTP server on loopback, a free port. */
    @org.junit.jupiter.api.extension.RegisterExtension
    static final com.icegreen.greenmail.junit5.GreenMailExtension SMTP = new com.icegreen.greenmail.junit5.GreenMailExtension(
            new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP).dynamicPort());

    /** One webhook call: the notification kind and the alert. */
    private record Call(String kind, JsonNode alert) {}

    @Test
    void theWaterOutageWaveRaisesOneEscalatingAlert(LocalStack stack) throws Exception {
        String p = "burst-it.";
        stack.kafka().createTopics(List.of(p + "raw", p + "enriched", p + "dlq", p + "alerts", p + "alerts.out", p + "alerts.dlq"), 2);
        List<Call> calls = new CopyOnWriteArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/duty", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (refused.getAndUpdate(n -> Math.min(n + 1, FAILING_CALLS)) < FAILING_CALLS) { // the handler's server is down at first
                ex.sendResponseHeaders(503, -1);
                ex.close();
                return;
            }
            calls.add(new Call(ex.getRequestHeaders().getFirst("X-Yuqing-Notification"), Json.MAPPER.readTree(body)));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        webhook.start();
        Path routing = Files.writeString(dir.resolve("routing.json"), "{\"channels\":{\"duty\":{\"kind\":\"webhook\",\"url\":\"http://127.0.0.1:"
                + webhook.getAddress().getPort() + "/duty\"},\"mail\":{\"kind\":\"email\",\"to\":[\"duty@demo.yuqing.invalid\"]},"
                + "\"archive\":{\"kind\":\"kafka\"}},"
                + "\"routes\":[{\"name\":\"bursts\",\"types\":[\"burst\"],\"channels\":[\"duty\",\"mail\"]}],\"default\":[\"archive\"]}");

        Duration cp = Duration.ofSeconds(1);
        var enrich = stack.enrichConfig(cp, Map.of(EnrichOptions.INPUT_TOPIC.name(), p + "raw", EnrichOptions.OUTPUT_TOPIC.name(), p + "enriched",
                EnrichOptions.DLQ_TOPIC.name(), p + "dlq", EnrichOptions.ALERTS_TOPIC.name(), p + "alerts",
                EnrichOptions.INDEX_PREFIX.name(), "burst-it-posts", EnrichOptions.GROUP_ID.name(), "burst-it-enrich"));
        var trend = stack.trendConfig(cp, Map.of(TrendOptions.INPUT_TOPIC.name(), p + "enriched", TrendOptions.ALERTS_TOPIC.name(), p + "alerts",
                TrendOptions.TRENDS_INDEX.name(), "burst-it-trends", TrendOptions.EVENTS_INDEX.name(), "burst-it-events",
                TrendOptions.GROUP_ID.name(), "burst-it-trend"));
        Map<String, String> alerting = new HashMap<>(Map.of(AlertOptions.INPUT_TOPIC.name(), p + "alerts", AlertOptions.OUTPUT_TOPIC.name(), p + "alerts.out",
                AlertOptions.DLQ_TOPIC.name(), p + "alerts.dlq", AlertOptions.INDEX.name(), "burst-it-alerts",
                AlertOptions.GROUP_ID.name(), "burst-it-alerting", AlertOptions.ROUTING_FILE.name(), routing.toString(),
                AlertOptions.DIGEST_LEVELS.name(), "none", // every level out at once, so the test sees each notification
                AlertOptions.SMTP_HOST.name(), "127.0.0.1", AlertOptions.SMTP_PORT.name(), Integer.toString(SMTP.getSmtp().getPort()),
                AlertOptions.SMTP_STARTTLS.name(), "false"));
        alerting.put(AlertOptions.RETRY_BACKOFF.name(), "200ms"); // the refused calls are retried quickly
        var alert = stack.alertConfig(cp, alerting);
        JobClient job = stack.startPipeline(enrich, trend, alert, 2);
        try {
            DemoReplay.replay(stack, dir, 1500, p + "raw", p + "dlq");
            EndToEndIT.awaitCaughtUp(stack, "burst-it-enrich", p + "raw");
            EndToEndIT.awaitCaughtUp(stack, "burst-it-trend", p + "enriched");
            EndToEndIT.awaitCaughtUp(stack, "burst-it-alerting", p + "alerts");
            // The enrichment keeps each partition's order: event time downstream sees the posts as the
            // connector wrote them, however fast the replay (see DeduplicatePosts).
            assertThat(idsByPartition(stack, p + "enriched")).as("posts.enriched, partition by partition")
                    .isEqualTo(firstOccurrences(idsByPartition(stack, p + "raw")));
            // Deliveries are asynchronous and the webhook refuses its first calls: wait until the wave's
            // alert has been notified as new and escalated (or time runs out and the checks below say what came).
            long deliveriesDue = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (System.nanoTime() < deliveriesDue && !waveEscalated(calls)) {
                Thread.sleep(200);
            }
            Thread.sleep(1000); // and no more than that: a duplicate would come right after

            // Burst alerts delivered, grouped by alert id: the wave is one of them, notified when
            // new and then only on escalation.
            Map<String, List<Call>> byId = new LinkedHashMap<>();
            for (Call c : calls) {
                byId.computeIfAbsent(c.alert().get("id").asText(), k -> new ArrayList<>()).add(c);
            }
            List<String> wave = byId.keySet().stream().filter(id -> byId.get(id).get(0).alert().get("title").asText().contains("停水")
                    || byId.get(id).get(0).alert().at("/evidence/postIds").toString().contains("weibo-burst-")).toList();
            var alertRecords = TopicReader.readAll(stack.bootstrapServers(), p + "alerts", TIMEOUT);
            List<String> produced = alertRecords.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).distinct().toList();
            // The wave's term window by window (end China time: count, * when a burst): tells a counting
            // problem from a grouping one when a check below fails.
            String windows = waveWindows(stack, "burst-it-trends-*");
            System.out.println("BurstIT " + wave + " 停水 windows " + windows);
            assertThat(wave).as("alerts for the water-outage wave, of %s delivered; produced %s; 停水 windows: %s", byId.keySet(), produced,
                    windows).hasSize(1);
            assertThat(produced).as("the angry comments on one account").contains("negative-surge:account:" + DemoScenario.SURGE_ACCOUNT);
            // Deliveries run concurrently (async I/O), so their arrival order is not the order sent.
            // The webhook refused its first calls: each notification still arrived, and once.
            assertThat(refused.get()).isEqualTo(FAILING_CALLS);
            List<Call> notified = byId.get(wave.get(0));
            // What the alert job was given for the wave, update by update: tells a clustering problem (one level
            // only) from a delivery one (levels rose but no escalation arrived).
            List<String> levelsIn = alertRecords.stream()
                    .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(wave.get(0)))
                    .map(r -> readTree(r.value()).get("level").asText() + "@" + readTree(r.value()).get("count").asText()).toList();
            System.out.println("BurstIT " + wave.get(0) + " " + levelsIn);
            assertThat(notified).as("notifications of %s; its updates on the alerts topic (level@count): %s; 停水 windows: %s",
                    wave.get(0), levelsIn, windows).extracting(Call::kind).containsOnlyOnce("new");
            assertThat(notified).as("notifications of %s; its updates on the alerts topic (level@count): %s; 停水 windows: %s",
                    wave.get(0), levelsIn, windows).extracting(Call::kind).containsOnly("new", "escalated");
            List<String> levels = notified.stream().map(c -> c.alert().get("level").asText()).toList();
            assertThat(levels).as("one notification per level reached, not one per window").doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2);
            assertThat(notified).allMatch(c -> c.alert().get("region").asText().equals(DemoScenario.BURST_REGION));

            // The same notifications by e-mail, and the alert in its index with every finding counted.
            var mails = java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(msg -> {
                try {
                    return String.valueOf(msg.getContent()).contains(wave.get(0));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
            assertThat(mails).hasSize(notified.size());
            stack.client().indices().refresh(r -> r.index("burst-it-alerts-*"));
            var hits = stack.client().search(s -> s.index("burst-it-alerts-*").query(q -> q.ids(i -> i.values(wave.get(0)))), JsonNode.class)
                    .hits().hits();
            assertThat(hits).as("the alert, in the index of the month it was first seen").singleElement()
                    .satisfies(h -> assertThat(h.index()).startsWith("burst-it-alerts-2026."));
            JsonNode doc = hits.get(0).source();
            assertThat(doc.get("status").asText()).isEqualTo("open");
            assertThat(doc.get("level").asText()).isEqualTo(levels.stream().max(java.util.Comparator.comparingInt(List.of("blue", "yellow", "orange", "red")::indexOf)).orElseThrow());
        } finally {
            job.cancel().get();
            webhook.stop(0);
        }
    }

    /** The wave's alert (停水) was notified as new and as escalated. */
    private static boolean waveEscalated(List<Call> calls) {
        List<String> kinds = calls.stream().filter(c -> c.alert().get("title").asText().contains("停水")).map(Call::kind).toList();
        return kinds.contains("new") && kinds.contains("escalated");
    }

    /** The post ids on each partition of {@code topic}, in offset order. */
    private static Map<Integer, List<String>> idsByPartition(LocalStack stack, String topic) throws java.io.IOException {
        Map<Integer, List<String>> ids = new java.util.TreeMap<>();
        for (var r : TopicReader.readAll(stack.bootstrapServers(), topic, TIMEOUT)) {
            ids.computeIfAbsent(r.partition(), k -> new ArrayList<>()).add(new String(r.key(), StandardCharsets.UTF_8));
        }
        return ids;
    }

    /** Each list without its repeats (the replay re-sends some posts; the enrichment drops them). */
    private static Map<Integer, List<String>> firstOccurrences(Map<Integer, List<String>> ids) {
        Map<Integer, List<String>> out = new java.util.TreeMap<>();
        ids.forEach((partition, list) -> out.put(partition, List.copyOf(new java.util.LinkedHashSet<>(list))));
        return out;
    }

    /** The 停水 trend of each window, in order: "HH:mm count" with a * for a burst. */
    private static String waveWindows(LocalStack stack, String index) throws java.io.IOException {
        stack.client().indices().refresh(r -> r.index(index));
        return stack.client().search(s -> s.index(index).size(500).query(q -> q.matchPhrase(m -> m.field("term").query("停水")))
                        .sort(o -> o.field(f -> f.field("windowEnd"))), JsonNode.class).hits().hits().stream()
                .map(h -> java.time.Instant.parse(h.source().get("windowEnd").asText()).atZone(dev.yuqing.core.post.PostTimes.CHINA)
                        .toLocalTime() + " " + h.source().get("count").asText() + (h.source().get("burst").asBoolean() ? "*" : ""))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
