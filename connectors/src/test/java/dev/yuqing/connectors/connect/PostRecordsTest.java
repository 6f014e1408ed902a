package dev.yuqing.connectors.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class PostRecordsTest {
    private final TestTaskContext context = new TestTaskContext();
    private final PostRecords records = new PostRecords("posts", "dlq", new SourceMetrics(context.pluginMetrics()),
            Clock.fixed(Instant.parse("2026-05-15T02:00:00Z"), ZoneOffset.UTC));
    private final PostRecords.Position position = new PostRecords.Position(Map.of("file", "a.jsonl"), Map.of("position", 3L));

    private static ObjectNode fields(String json) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(json);
    }

    @Test
    void aValidPostIsWrittenAsPostJsonKeyedById() throws Exception {
        SourceRecord r = records.post(fields("{\"id\":\"weibo-1\",\"source\":\"weibo\",\"account\":\"weibo:city\",\"text\":\" 停水了 \","
                + "\"publishedAt\":\"2026-05-15 09:30:00\"}"), "a.jsonl:3", new byte[0], position);
        assertThat(r.topic()).isEqualTo("posts");
        assertThat(new String((byte[]) r.key(), StandardCharsets.UTF_8)).isEqualTo("weibo-1");
        assertThat(new String((byte[]) r.value(), StandardCharsets.UTF_8)).as("validated and written by PostJson: stripped, UTC")
                .isEqualTo("{\"id\":\"weibo-1\",\"source\":\"weibo\",\"account\":\"weibo:city\",\"text\":\"停水了\",\"publishedAt\":\"2026-05-15T01:30:00Z\",\"engagement\":{\"likes\":0,\"comments\":0,\"shares\":0,\"views\":0}}");
        assertThat(r.sourcePartition()).isEqualTo(position.partition());
        assertThat(r.sourceOffset()).isEqualTo(position.offset());
        assertThat(context.metric("posts-total")).isEqualTo(1L);
        assertThat(context.metric("lag-ms")).as("published 01:30Z, sent 02:00Z").isEqualTo(30 * 60_000L);
        assertThat(context.metric("last-published-ms")).isEqualTo(Instant.parse("2026-05-15T01:30:00Z").toEpochMilli());
    }

    @Test
    void anInvalidPostIsADeadLetterNamingTheField() throws Exception {
        byte[] raw = "{\"id\":\"weibo-2\"}".getBytes(StandardCharsets.UTF_8);
        SourceRecord r = records.post(fields("{\"id\":\"weibo-2\",\"source\":\"weibo\",\"account\":\"weibo:city\",\"text\":\"x\"}"), "a.jsonl:4", raw, position);
        assertThat(r.topic()).isEqualTo("dlq");
        assertThat(new String((byte[]) r.key(), StandardCharsets.UTF_8)).isEqualTo("weibo-2");
        assertThat(DeadLetter.fromJson((byte[]) r.value())).isEqualTo(new DeadLetter("connector", "publishedAt", "required", "a.jsonl:4",
                "weibo-2", "{\"id\":\"weibo-2\"}", "utf-8", Instant.parse("2026-05-15T02:00:00Z")));
        assertThat(r.sourceOffset()).as("a dead letter moves the cursor too").isEqualTo(position.offset());
        assertThat(context.metric("dead-letters-total")).isEqualTo(1L);
    }

    @Test
    void postIdsAreScopedAndHashedWhenTheyCannotStandAsTheyAre() {
        assertThat(PostIds.of("site:a/b", " sfyw-1 ")).isEqualTo("site:a/b:sfyw-1");
        assertThat(PostIds.of("site:a/b", "id with spaces")).isEqualTo("site:a/b:sha256:" + PostIds.sha256Hex("id with spaces"));
        String longId = "https://www.demo.yuqing.invalid/" + "x".repeat(300);
        assertThat(PostIds.of("site:a/b", longId)).hasSize("site:a/b:sha256:".length() + 64).isEqualTo(PostIds.of("site:a/b", longId));
    }
}
