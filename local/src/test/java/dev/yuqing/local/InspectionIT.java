package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.inspection.Registry;
import dev.yuqing.jobs.alerting.AlertOptions;
import dev.yuqing.jobs.enrich.EnrichOptions;
import dev.yuqing.jobs.inspection.InspectionOptions;
import dev.yuqing.jobs.trend.TrendOptions;
import dev.yuqing.local.demo.DemoScenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline with the inspection job on the demo and its registry: the stale account and
 * columns, the overdue, unanswered and late-answered messages, the leaking and marked notices
 * appear as findings in Elasticsearch, as alerts (in the alerts index, through the alert job), and
 * in the scores; an unreadable registry change goes to the dead letters. Topics and indices of its own.
 */
@ExtendWith(LocalStackExtension.class)
class InspectionIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String P = "inspection-it.";

    @TempDir
    Path dir;

    @Test
    void theDemosInspectionProblemsBecomeFindingsAlertsAndScores(LocalStack stack) throws Exception {
        stack.kafka().createTopics(List.of(P + "raw", P + "enriched", P + "dlq", P + "alerts", P + "alerts.out", P + "alerts.dlq"), 2);
        stack.kafka().createTopics(List.of(P + "registry"), 1);
        stack.publishRegistry(Registry.demo(), P + "registry", DemoScenario.START);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(P + "registry", "bad".getBytes(StandardCharsets.UTF_8),
                    "{\"op\":\"upsert\",\"target\":{\"id\":\"weibo:坏条目\",\"kind\":\"account\",\"name\":\"坏条目\"}}".getBytes(StandardCharsets.UTF_8))).get();
        }

        Duration cp = Duration.ofSeconds(1);
        var enrich = stack.enrichConfig(cp, Map.of(EnrichOptions.INPUT_TOPIC.name(), P + "raw", EnrichOptions.OUTPUT_TOPIC.name(), P + "enriched",
                EnrichOptions.DLQ_TOPIC.name(), P + "dlq", EnrichOptions.ALERTS_TOPIC.name(), P + "alerts",
                EnrichOptions.INDEX_PREFIX.name(), "inspection-it-posts", EnrichOptions.GROUP_ID.name(), "inspection-it-enrich"));
        var trend = stack.trendConfig(cp, Map.of(TrendOptions.INPUT_TOPIC.name(), P + "enriched", TrendOptions.ALERTS_TOPIC.name(), P + "alerts",
                TrendOptions.TRENDS_INDEX.name(), "inspection-it-trends", TrendOptions.EVENTS_INDEX.name(), "inspection-it-events",
                TrendOptions.GROUP_ID.name(), "inspection-it-trend"));
        var alert = stack.alertConfig(cp, Map.of(AlertOptions.INPUT_TOPIC.name(), P + "alerts", AlertOptions.OUTPUT_TOPIC.name(), P + "alerts.out",
                AlertOptions.DLQ_TOPIC.name(), P + "alerts.dlq", AlertOptions.INDEX.name(), "inspection-it-alerts",
                AlertOptions.GROUP_ID.name(), "inspection-it-alerting"));
        Map<String, String> i = new HashMap<>();
        i.put(InspectionOptions.INPUT_TOPIC.name(), P + "enriched");
        i.put(InspectionOptions.REGISTRY_TOPIC.name(), P + "registry");
        i.put(InspectionOptions.DLQ_TOPIC.name(), P + "dlq");
        i.put(InspectionOptions.ALERTS_TOPIC.name(), P + "alerts");
        i.put(InspectionOptions.FINDINGS_INDEX.name(), "inspection-it-findings");
        i.put(InspectionOptions.SCORES_INDEX.name(), "inspection-it-scores");
        i.put(InspectionOptions.MESSAGES_INDEX.name(), "inspection-it-messages");
        i.put(InspectionOptions.REPLY_STATS_INDEX.name(), "inspection-it-reply-stats");
        i.put(InspectionOptions.GROUP_ID.name(), "inspection-it-inspection");
        var inspection = stack.inspectionConfig(cp, i);
        JobClient job = stack.startPipeline(enrich, trend, alert, inspection, 2);
        try {
            List<dev.yuqing.local.demo.DemoLine> lines = DemoReplay.replay(stack, dir, 1500, P + "raw", P + "dlq");
            long answeredInInput = answeredThreads(lines);
            EndToEndIT.awaitCaughtUp(stack, "inspection-it-enrich", P + "raw");
            EndToEndIT.awaitCaughtUp(stack, "inspection-it-inspection", P + "enriched");

            String site = "site:www.demo.yuqing.invalid";
            List<JsonNode> findings = await("inspection-it-findings-*", docs -> has(docs, "ruleId", "column-stale", "targetId", DemoScenario.SLOWING_COLUMN, "stage", "breach")
                    && has(docs, "ruleId", "reply-late", "targetId", DemoScenario.BOARD, "status", "resolved"), stack);
            assertThat(findings).as("the district account silent since October")
                    .anyMatch(f -> matches(f, "ruleId", "account-stale", "targetId", DemoScenario.STALE_ACCOUNT, "stage", "breach", "status", "open"));
            assertThat(findings).as("the policy column silent since April")
                    .anyMatch(f -> matches(f, "ruleId", "column-stale", "targetId", DemoScenario.STALE_COLUMN, "stage", "breach", "scoredId", site));
            assertThat(findings).as("the overdue message")
                    .anyMatch(f -> matches(f, "ruleId", "reply-late", "id", "reply-late:" + DemoScenario.BOARD + ":" + DemoScenario.OVERDUE_THREAD,
                            "stage", "breach", "status", "open"));
            assertThat(findings).as("the message unanswered since August")
                    .anyMatch(f -> matches(f, "ruleId", "message-unanswered", "stage", "breach") && f.get("veto").asBoolean());
            assertThat(findings).as("the late answer: resolved, still counted")
                    .anyMatch(f -> matches(f, "id", "reply-late:" + DemoScenario.BOARD + ":" + DemoScenario.LATE_THREAD, "status", "resolved"));
            assertThat(findings).as("notices leaking identity numbers, with masked evidence")
                    .anyMatch(f -> matches(f, "ruleId", "personal-data-leak", "targetId", "site:www.demo.yuqing.invalid/tzgg"))
                    .filteredOn(f -> matches(f, "ruleId", "personal-data-leak"))
                    .allMatch(f -> !f.get("evidence").toString().matches(".*\\d{17}[\\dX].*"));
            assertThat(findings).as("notices with a classification marking")
                    .anyMatch(f -> matches(f, "ruleId", "secret-leak", "targetId", "site:www.demo.yuqing.invalid/tzgg"));
            assertThat(findings).as("columns and accounts kept up")
                    .noneMatch(f -> f.get("ruleId").asText().endsWith("stale") && List.of("site:www.demo.yuqing.invalid/index",
                            "site:www.demo.yuqing.invalid/bmdt", "weibo:示范市发布", "douyin:示范市文旅").contains(f.get("targetId").asText()));

            List<JsonNode> scores = await("inspection-it-scores", docs -> docs.size() >= 2, stack);
            assertThat(scores).anySatisfy(s -> {
                assertThat(s.get("targetId").asText()).isEqualTo(site);
                assertThat(s.get("passed").asBoolean()).isFalse();
                assertThat(s.get("vetoes").toString()).contains("personal-data-leak", "secret-leak", "message-unanswered");
            }).anySatisfy(s -> {
                assertThat(s.get("targetId").asText()).isEqualTo(DemoScenario.STALE_ACCOUNT);
                assertThat(s.get("vetoes").toString()).contains("account-stale");
            });

            // Every answered thread's status document ends answered, though each went through "open" first.
            List<JsonNode> messages = await("inspection-it-messages-*", docs -> has(docs, "thread", DemoScenario.LATE_THREAD, "state", "answered")
                    && docs.stream().filter(msg -> msg.get("state").asText().equals("answered")).count() == answeredInInput, stack);
            assertThat(messages).anySatisfy(msg -> {
                assertThat(msg.get("thread").asText()).isEqualTo(DemoScenario.LATE_THREAD);
                assertThat(msg.get("onTime").asBoolean()).isFalse();
                assertThat(msg.get("workingDays").asInt()).isEqualTo(8); // 2 Nov (Mon) to 12 Nov: 3, 4, 5, 6, 9, 10, 11, 12
                // Within the calendar: exact, and the flags are indexed fields of the strict template.
                assertThat(msg.get("deadlineEstimated").asBoolean(true)).isFalse();
                assertThat(msg.get("workingDaysEstimated").asBoolean(true)).isFalse();
                assertThat(msg.get("ownerUnit").asText()).isEqualTo("示范市政务服务中心");
            });
            assertThat(answeredInInput).as("the demo's own answered messages").isGreaterThan(20);

            // The unit's statistics count exactly the threads the input answers (message and reply both in it).
            List<JsonNode> stats = await("inspection-it-reply-stats", docs -> docs.size() == 1
                    && docs.get(0).get("answered").asLong() == answeredInInput, stack);
            assertThat(stats).singleElement().satisfies(u -> {
                assertThat(u.get("ownerUnit").asText()).isEqualTo("示范市政务服务中心");
                assertThat(u.get("onTime").asLong()).isLessThan(u.get("answered").asLong()); // the late one at least
                assertThat(u.get("medianWorkingDays").asInt()).isBetween(0, 3);
                assertThat(u.get("estimated").asLong(-1)).isZero();
            });

            // Both alerts reach the index on their own schedules: wait for both, then check the stale one's level.
            List<JsonNode> alerts = await("inspection-it-alerts-*", docs -> has(docs, "id", "inspection:score:" + site)
                    && docs.stream().anyMatch(a -> a.get("id").asText().startsWith("inspection:account-stale:" + DemoScenario.STALE_ACCOUNT)), stack);
            assertThat(alerts).anyMatch(a -> a.get("id").asText().startsWith("inspection:account-stale:" + DemoScenario.STALE_ACCOUNT)
                    && a.get("level").asText().equals("red"));

            List<DeadLetter> dead = TopicReader.deadLetters(stack.bootstrapServers(), P + "dlq", TIMEOUT);
            assertThat(dead).anySatisfy(d -> {
                assertThat(d.stage()).isEqualTo("registry");
                assertThat(d.reason()).contains("weibo:坏条目");
            });
        } finally {
            job.cancel().get();
        }
    }

    /** All documents of {@code index} once {@code done} holds of them, or fails after the timeout. */
    private static List<JsonNode> await(String index, Predicate<List<JsonNode>> done, LocalStack stack) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<JsonNode> docs = List.of();
        while (System.nanoTime() < deadline) {
            stack.client().indices().refresh(r -> r.index(index).allowNoIndices(true).ignoreUnavailable(true));
            var r = stack.client().search(s -> s.index(index).allowNoIndices(true).ignoreUnavailable(true).size(1000), JsonNode.class);
            docs = new ArrayList<>();
            for (var h : r.hits().hits()) {
                docs.add(h.source());
            }
            if (done.test(docs)) {
                return docs;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("documents of " + index + " did not reach the expected state in " + TIMEOUT + ": " + docs
                + (index.contains("reply-stats") ? "; answered threads in the messages index: " + answered(stack) : ""));
    }

    /** Threads of the board with both their message and their reply in the demo input. */
    private static long answeredThreads(List<dev.yuqing.local.demo.DemoLine> lines) throws Exception {
        java.util.Set<String> asked = new java.util.HashSet<>();
        java.util.Set<String> replied = new java.util.HashSet<>();
        for (var l : lines) {
            if (!l.valid()) {
                continue;
            }
            JsonNode p = dev.yuqing.core.json.Json.MAPPER.readTree(l.json());
            if (!DemoScenario.BOARD.equals(p.path("account").asText()) || !p.hasNonNull("threadId")) {
                continue;
            }
            (p.hasNonNull("replyTo") ? replied : asked).add(p.get("threadId").asText());
        }
        replied.retainAll(asked);
        return replied.size();
    }

    private static long answered(LocalStack stack) {
        try {
            stack.client().indices().refresh(r -> r.index("inspection-it-messages-*"));
            return stack.client().count(c -> c.index("inspection-it-messages-*").query(q -> q.term(t -> t.field("state").value("answered")))).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean has(List<JsonNode> docs, String... fieldValues) {
        return docs.stream().anyMatch(d -> matches(d, fieldValues));
    }

    private static boolean matches(JsonNode doc, String... fieldValues) {
        for (int k = 0; k < fieldValues.length; k += 2) {
            JsonNode v = doc.get(fieldValues[k]);
            if (v == null || !v.asText().equals(fieldValues[k + 1])) {
                return false;
            }
        }
        return true;
    }
}
