package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.connectors.connect.PostSourceConnector;
import dev.yuqing.connectors.replay.FileReplayConfig;
import dev.yuqing.connectors.replay.FileReplaySourceConnector;
import dev.yuqing.connectors.replay.ReplayFormat;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.local.connect.EmbeddedConnect;
import dev.yuqing.local.connect.FileReplayConnector;
import dev.yuqing.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file replay connector on the stack's Connect worker against the real broker: CSV with a
 * mapping and a quoted line break, dead letters, and resuming a file that grew while it was gone.
 */
@ExtendWith(LocalStackExtension.class)
class FileReplayIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final String HEADER = "留言编号,留言用户,留言主题,留言时间,留言详情\n";

    @TempDir
    Path dir;

    private static String row(int n) {
        return n + ",A00" + n + ",\"关于路灯的问题\"," + "2019/4/25 9:32:" + String.format("%02d", n % 60) + ",\"光明路路灯坏了，\n请尽快维修\"\n";
    }

    /** The CSV export under a connector named {@code name} on the stack's worker, run until every record is committed, then deleted. */
    private static void replay(LocalStack stack, String name, Path file, String topic) throws Exception {
        Map<String, String> m = PostSourceConnector.configuration(FileReplaySourceConnector.class, topic, topic + ".dlq");
        m.put(FileReplayConfig.FILE_PATH, file.toString());
        m.put(FileReplayConfig.FILE_FORMAT, "csv");
        m.put(FileReplayConfig.FILE_MAPPING, "id=留言编号,author=留言用户,title=留言主题,publishedAt=留言时间,text=留言详情,"
                + "source='citizen-message',account='site:zmhd'");
        m.put(FileReplayConfig.FILE_BATCH_SIZE, "7");
        EmbeddedConnect worker = stack.connect(0);
        worker.putConnector(name, m);
        FileReplayConnector replay = new FileReplayConnector(worker.client(), name, FileReplaySourceConnector.records(file, ReplayFormat.CSV));
        try {
            replay.awaitDone(TIMEOUT);
        } finally {
            replay.stop();
        }
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

        assertThat(FileReplaySourceConnector.records(file, ReplayFormat.CSV)).as("rows, the quoted line break inside one").isEqualTo(30);
        replay(stack, "replay-it-messages", file, topic);
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

        // The export grows while the connector is gone; created again under its name, it sends only the new rows.
        StringBuilder more = new StringBuilder();
        for (int n = 31; n <= 40; n++) {
            more.append(row(n));
        }
        Files.writeString(file, more, StandardOpenOption.APPEND);
        replay(stack, "replay-it-messages", file, topic);
        assertThat(TopicReader.deadLetters(stack.bootstrapServers(), topic + ".dlq", TIMEOUT)).hasSize(1);
        assertThat(TopicReader.readAll(stack.bootstrapServers(), topic, TIMEOUT)).hasSize(39);
    }
}
