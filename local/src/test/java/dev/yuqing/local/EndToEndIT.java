package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.Topics;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.dashboards.IndexTemplates;
import dev.yuqing.jobs.enrich.EnrichOptions;
import dev.yuqing.local.connect.FileReplayConnector;
import dev.yuqing.local.demo.DemoLine;
import dev.yuqing.local.demo.DemoScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on real parts: replay connector → Kafka → EnrichJob on the Flink MiniCluster →
 * Elasticsearch, with malformed records and repeats mixed in.
 */
@ExtendWith(LocalStackExtension.class)
class EndToEndIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void everyValidPostIndexedOnceEveryMalformedOneDeadLetteredAndReplayAddsNothing(LocalStack stack) throws Exception {
        List<DemoLine> lines = DemoScenario.generate(1200, 40, 42L);
        Path file = dir.resolve("posts.jsonl");
        DemoScenario.write(file, lines);
        Set<String> validIds = lines.stream().filter(DemoLine::valid).map(DemoLine::id).collect(Collectors.toSet());
        List<DemoLine> malformed = lines.stream().filter(l -> !l.valid()).toList();
        assertThat(validIds).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(lines.stream().filter(DemoLine::valid).count()).as("the file repeats some posts").isGreaterThan(validIds.size());
        assertThat(malformed).hasSize(40);

        String group = "e2e-" + System.nanoTime();
        JobClient job = stack.startEnrichJob(stack.enrichConfig(Duration.ofSeconds(1), Map.of(
                EnrichOptions.GROUP_ID.name(), group)), 2);
        try {
            long validLines = lines.stream().filter(DemoLine::valid).count();
            long raw0 = stack.topicSize(Topics.POSTS_RAW);
            FileReplayConnector first = stack.replay("e2e-first", file, 0, Topics.POSTS_RAW, Topics.POSTS_DLQ);
            assertThat(first.records()).isEqualTo(lines.size());
            first.awaitDone(TIMEOUT);
            first.stop();
            assertThat(stack.topicSize(Topics.POSTS_RAW) - raw0).as("the valid lines, repeats included").isEqualTo(validLines);
            awaitCaughtUp(stack, group);

            // Every valid post once, under its own id, and findable by a Chinese word of its text. The
            // cjk sub-fields are searched too: smartcn may split a word inside a sentence differently
            // from the same word alone, which is why the template carries both.
            stack.refresh();
            assertThat(stack.indexedPosts()).isEqualTo(validIds.size());
            Map<String, JsonNode> docs = allDocuments(stack);
            assertThat(docs.keySet()).isEqualTo(validIds);
            int searched = 0;
            for (JsonNode doc : docs.values()) {
                String word = chineseKeyword(doc);
                SearchResponse<Void> r = stack.client().search(s -> s.index(IndexTemplates.POSTS).size(0)
                        .query(q -> q.bool(b -> b
                                .must(m -> m.multiMatch(mm -> mm.query(word).fields("text", "text.cjk", "title", "title.cjk").operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)))
                                .filter(f -> f.ids(i -> i.values(doc.get("id").asText()))))), Void.class);
                assertThat(r.hits().total().value()).as("post %s by '%s'", doc.get("id").asText(), word).isEqualTo(1);
                searched++;
            }
            assertThat(searched).isEqualTo(validIds.size());

            // The harmful posts, and only they, are flagged in the index; every post written to raise
            // a content alert raises exactly the one expected, and no other post raises any.
            Set<String> harmfulIds = lines.stream().filter(l -> l.valid() && "harmful-content".equals(l.alertType()))
                    .map(DemoLine::id).collect(Collectors.toSet());
            assertThat(harmfulIds).hasSizeGreaterThanOrEqualTo(10);
            Set<String> flagged = docs.values().stream().filter(d -> d.get("harmful").get("flagged").asBoolean())
                    .map(d -> d.get("id").asText()).collect(Collectors.toSet());
            assertThat(flagged).isEqualTo(harmfulIds);
            Set<String> alertIds = new HashSet<>();
            for (var rec : TopicReader.readAll(stack.bootstrapServers(), Topics.ALERTS, TIMEOUT)) {
                alertIds.add(new String(rec.key(), java.nio.charset.StandardCharsets.UTF_8));
            }
            Set<String> expectedAlerts = lines.stream().filter(l -> l.valid() && l.alertType() != null)
                    .map(l -> l.alertType() + ":" + l.id()).collect(Collectors.toSet());
            assertThat(expectedAlerts).anyMatch(a -> a.startsWith("personal-data:")).anyMatch(a -> a.startsWith("classified-marking:"));
            assertThat(alertIds).isEqualTo(expectedAlerts);
            // Personal data is indexed masked only.
            lines.stream().filter(l -> "personal-data".equals(l.alertType())).forEach(l -> {
                var m = java.util.regex.Pattern.compile("身份证号(\\d{17}[\\dX])").matcher(l.json());
                assertThat(m.find()).as("the demo notice carries an identity number").isTrue();
                assertThat(docs.get(l.id()).get("text").asText()).doesNotContain(m.group(1)).contains("身份证号");
                assertThat(docs.get(l.id()).at("/personalData/types/0").asText()).isEqualTo("id-card");
            });

            // Every malformed line in the dead-letter topic, byte for byte, blaming the right field.
            List<DeadLetter> dead = TopicReader.deadLetters(stack.bootstrapServers(), Topics.POSTS_DLQ, TIMEOUT)
                    .stream().filter(d -> isFrom(d, malformed)).toList();
            Map<String, DeadLetter> byRaw = new HashMap<>();
            dead.forEach(d -> byRaw.put(d.raw(), d));
            for (DemoLine bad : malformed) {
                DeadLetter d = byRaw.get(bad.json());
                assertThat(d).as("dead letter for %s", bad.json()).isNotNull();
                assertThat(d.field()).as("field blamed for %s", bad.json()).isEqualTo(bad.expectedField());
                assertThat(d.reason()).isNotBlank();
            }
            assertThat(dead).hasSize(malformed.size());

            // The connector created again under its name resumes from its offset: nothing is sent again.
            long rawBefore = stack.topicSize(Topics.POSTS_RAW);
            long dlqBefore = stack.topicSize(Topics.POSTS_DLQ);
            FileReplayConnector again = stack.replay("e2e-first", file, 0, Topics.POSTS_RAW, Topics.POSTS_DLQ);
            again.awaitDone(TIMEOUT);
            Thread.sleep(1500); // several polls of the file's end
            again.stop();
            assertThat(stack.topicSize(Topics.POSTS_RAW)).isEqualTo(rawBefore);
            assertThat(stack.topicSize(Topics.POSTS_DLQ)).isEqualTo(dlqBefore);

            // Replaying the whole file again (a new connector, no offset) adds no document.
            FileReplayConnector second = stack.replay("e2e-second", file, 0, Topics.POSTS_RAW, Topics.POSTS_DLQ);
            second.awaitDone(TIMEOUT);
            second.stop();
            assertThat(stack.topicSize(Topics.POSTS_RAW)).isEqualTo(rawBefore + validLines);
            awaitCaughtUp(stack, group);
            stack.refresh();
            assertThat(stack.indexedPosts()).isEqualTo(validIds.size());
        } finally {
            job.cancel().get();
        }
    }

    private static boolean isFrom(DeadLetter d, List<DemoLine> malformed) {
        return malformed.stream().anyMatch(l -> l.json().equals(d.raw()));
    }

    /** A keyword of the post made of Chinese characters only (what an analyst would type). */
    private static String chineseKeyword(JsonNode doc) {
        for (JsonNode k : doc.get("keywords")) {
            String w = k.asText();
            if (w.length() >= 2 && w.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                return w;
            }
        }
        throw new AssertionError("no Chinese keyword in " + doc);
    }

    static void awaitCaughtUp(LocalStack stack, String group) throws Exception {
        awaitCaughtUp(stack, group, Topics.POSTS_RAW);
    }

    static void awaitCaughtUp(LocalStack stack, String group, String topic) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long lag = -1;
        while (System.nanoTime() < deadline) {
            lag = stack.lag(group, topic);
            if (lag == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the job did not catch up within " + TIMEOUT + "; still behind by " + lag);
    }

    private static Map<String, JsonNode> allDocuments(LocalStack stack) throws Exception {
        Map<String, JsonNode> docs = new HashMap<>();
        List<co.elastic.clients.elasticsearch._types.FieldValue> after = new ArrayList<>();
        while (true) {
            List<co.elastic.clients.elasticsearch._types.FieldValue> searchAfter = List.copyOf(after);
            SearchResponse<JsonNode> r = stack.client().search(s -> {
                s.index(IndexTemplates.POSTS).size(500).sort(o -> o.field(f -> f.field("id")));
                if (!searchAfter.isEmpty()) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, JsonNode.class);
            if (r.hits().hits().isEmpty()) {
                return docs;
            }
            for (var hit : r.hits().hits()) {
                assertThat(docs.put(hit.id(), hit.source())).as("document %s once", hit.id()).isNull();
            }
            after = r.hits().hits().get(r.hits().hits().size() - 1).sort();
        }
    }
}
