package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.connectors.replay.FileReplay;
import dev.yuqing.connectors.replay.ReplayOptions;
import dev.yuqing.connectors.replay.ReplayResult;
import dev.yuqing.core.config.CommonOptions;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The replay connector against the real broker: CSV with a mapping, dead letters, and resuming a grown file. */
@ExtendWith(LocalStackExtension.class)
class FileReplayIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final String HEADER = "留言编号,留言用户,留言主题,留言时间,留言详情\n";

    @TempDir
    Path dir;

    private static String row(int n) {
        return n + ",A00" + n + ",\"关于路灯的问题\"," + "2019/4/25 9:32:" + String.format("%02d", n % 60) + ",\"光明路路灯坏了，\n请尽快维修\"\n";
    }

    private FileReplay replay(LocalStack stack, Path file, String topic) {
        Map<String, String> m = new HashMap<>();
        m.put(CommonOptions.KAFKA_BOOTSTRAP.name(), stack.bootstrapServers());
        m.put(ReplayOptions.FILE.name(), file.toString());
        m.put(ReplayOptions.FORMAT.name(), "csv");
        m.put(ReplayOptions.MAPPING.name(), "id=留言编号,author=留言用户,title=留言主题,publishedAt=留言时间,text=留言详情,"
                + "source='citizen-message',account='site:zmhd'");
        m.put(ReplayOptions.TOPIC.name(), topic);
        m.put(ReplayOptions.DLQ_TOPIC.name(), topic + ".dlq");
        m.put(ReplayOptions.BATCH.name(), "7");
        return new FileReplay(ReplayOptions.DEF.resolve(m, Map.of()));
    }

    @Test
    void mapsCsvKeysByIdDeadLettersBadRowsAndResumesAGrownFile(LocalStack stack) throws Exception {
        String topic = "replay-it";
        stack.kafka().createTopics(List.of(topic, topic + ".dlq"), 2);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int n = 1; n <= 30; n++) {
            csv.append(n == 13 ? "13,只有两列\n" : row(n));
        }
        Path file = Files.writeString(dir.resolve("messages.csv"), csv);

        try (FileReplay replay = replay(stack, file, topic)) {
            ReplayResult r = replay.run();
            assertThat(r).isEqualTo(new ReplayResult(0, 29, 1, 30, true));
        }
        List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readAll(stack.bootstrapServers(), topic, TIMEOUT);
        assertThat(records).hasSize(29);
        for (ConsumerRecord<byte[], byte[]> rec : records) {
            JsonNode post = Json.MAPPER.readTree(rec.value());
            assertThat(new String(rec.key(), StandardCharsets.UTF_8)).isEqualTo(post.get("id").asText());
            assertThat(post.get("source").asText()).isEqualTo("citizen-message");
            assertThat(post.get("text").asText()).isEqualTo("光明路路灯坏了，\n请尽快维修");
        }
        List<DeadLetter> dead = TopicReader.deadLetters(stack.bootstrapServers(), topic + ".dlq", TIMEOUT);
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo("connector");
            assertThat(d.reason()).isEqualTo("has 2 columns, the header has 5");
            assertThat(d.origin()).isEqualTo("messages.csv:record 13");
            assertThat(d.raw()).isEqualTo("13,只有两列");
        });

        // The export grows; the next run sends only the new rows.
        StringBuilder more = new StringBuilder();
        for (int n = 31; n <= 40; n++) {
            more.append(row(n));
        }
        Files.writeString(file, more, StandardOpenOption.APPEND);
        try (FileReplay replay = replay(stack, file, topic)) {
            assertThat(replay.run()).isEqualTo(new ReplayResult(30, 10, 0, 40, true));
        }
        assertThat(TopicReader.readAll(stack.bootstrapServers(), topic, TIMEOUT)).hasSize(39);
    }
}
