package dev.yuqing.connectors.replay;

import static dev.yuqing.connectors.connect.StartedTasks.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.connectors.connect.StartedTasks;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.post.PostJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay task driven by hand, committing offsets as the worker would. */
class FileReplaySourceTaskTest {
    @TempDir
    Path dir;
    private final StartedTasks<FileReplaySourceTask> tasks = new StartedTasks<>(FileReplaySourceTask::new);

    @AfterEach
    void stop() {
        tasks.stopAll();
    }

    private static String post(int n) {
        return "{\"id\":\"weibo-" + n + "\",\"source\":\"weibo\",\"account\":\"weibo:city\",\"text\":\"第" + n + "条\","
                + "\"publishedAt\":\"2026-05-15T09:" + String.format("%02d", n % 60) + ":00+08:00\"}\n";
    }

    private FileReplaySourceTask task(Path file, Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of(FileReplayConfig.FILE_PATH, file.toString(), FileReplayConfig.FILE_BATCH_SIZE, "4",
                FileReplayConfig.FILE_POLL_INTERVAL_MS, "10"));
        props.putAll(extra);
        return tasks.start(props);
    }

    /** Polls until a poll returns nothing (the end of the file), committing what each poll returned. */
    private List<SourceRecord> drain(FileReplaySourceTask task) throws InterruptedException {
        List<SourceRecord> out = new ArrayList<>();
        List<SourceRecord> polled;
        while ((polled = task.poll()) != null) {
            tasks.context().commit(polled);
            out.addAll(polled);
        }
        return out;
    }

    @Test
    void sendsPostsDeadLettersTheRestAndResumesAfterARestart() throws Exception {
        Path file = Files.writeString(dir.resolve("posts.jsonl"), post(1) + "not json\n" + post(2)
                + "{\"id\":\"weibo-x\",\"source\":\"weibo\",\"account\":\"weibo:city\",\"publishedAt\":\"2026-05-15 09:00:00\"}\n" + post(3));
        List<SourceRecord> first = drain(task(file, Map.of()));
        assertThat(first).extracting(SourceRecord::topic).containsExactly("posts.raw", "posts.dlq", "posts.raw", "posts.dlq", "posts.raw");
        assertThat(first).extracting(StartedTasks::key).containsExactly("weibo-1", null, "weibo-2", "weibo-x", "weibo-3");
        assertThat(new PostJson().read((byte[]) first.get(0).value()).text()).isEqualTo("第1条");
        DeadLetter notJson = DeadLetter.fromJson((byte[]) first.get(1).value());
        assertThat(notJson.field()).isEqualTo("record");
        assertThat(notJson.reason()).startsWith("not JSON");
        assertThat(notJson.origin()).isEqualTo("posts.jsonl:2");
        DeadLetter noText = DeadLetter.fromJson((byte[]) first.get(3).value());
        assertThat(noText.field()).isEqualTo("text");
        assertThat(noText.reason()).isEqualTo("required");
        assertThat(first.get(4).sourceOffset().get("position")).isEqualTo(5L);
        assertThat(first.get(4).sourceOffset().keySet()).contains("fingerprint");
        assertThat(tasks.context().metric("posts-total")).isEqualTo(3L);
        assertThat(tasks.context().metric("dead-letters-total")).isEqualTo(2L);
        tasks.first().stop();

        // The export grows while the connector is down; the restarted task sends only the new lines.
        Files.writeString(file, post(4) + post(5), StandardOpenOption.APPEND);
        tasks.restart();
        FileReplaySourceTask again = task(file, Map.of());
        assertThat(drain(again)).extracting(StartedTasks::key).containsExactly("weibo-4", "weibo-5");

        // And again while it runs: it looks at the end of the file and reads on.
        Files.writeString(file, post(6), StandardOpenOption.APPEND);
        assertThat(drain(again)).extracting(StartedTasks::key).containsExactly("weibo-6");
    }

    @Test
    void mapsCsvWithTheFieldMapping() throws Exception {
        Path file = Files.writeString(dir.resolve("messages.csv"), "留言编号,留言用户,留言主题,留言时间,留言详情\n"
                + "1,A001,\"关于路灯的问题\",2019/4/25 9:32:09,\"光明路路灯坏了，\n请尽快维修\"\n13,只有两列\n");
        List<SourceRecord> out = drain(task(file, Map.of(FileReplayConfig.FILE_FORMAT, "csv", FileReplayConfig.FILE_MAPPING,
                "id=留言编号,author=留言用户,title=留言主题,publishedAt=留言时间,text=留言详情,source='citizen-message',account='site:zmhd'")));
        assertThat(out).hasSize(2);
        var post = new PostJson().read((byte[]) out.get(0).value());
        assertThat(post.text()).isEqualTo("光明路路灯坏了，\n请尽快维修");
        assertThat(post.source().code()).isEqualTo("citizen-message");
        assertThat(DeadLetter.fromJson((byte[]) out.get(1).value()).reason()).isEqualTo("has 2 columns, the header has 5");
    }

    @Test
    void pacesByPublishedTime() throws Exception {
        Path file = Files.writeString(dir.resolve("paced.jsonl"), post(1) + post(2)); // a minute apart
        FileReplaySourceTask task = task(file, Map.of(FileReplayConfig.FILE_SPEED, "200")); // 300 ms apart
        long start = System.nanoTime();
        List<SourceRecord> out = new ArrayList<>();
        while (out.size() < 2 && System.nanoTime() - start < 10_000_000_000L) {
            List<SourceRecord> polled = task.poll(); // null while the second post is not due yet
            if (polled != null) {
                out.addAll(polled);
            }
        }
        assertThat(out).hasSize(2);
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 5_000L);
    }

    @Test
    void refusesAnOffsetOfAnotherFile() throws Exception {
        Path file = Files.writeString(dir.resolve("posts.jsonl"), post(1) + post(2));
        drain(task(file, Map.of()));
        tasks.first().stop();
        Files.writeString(file, post(7) + post(8) + post(9)); // another export under the same name
        tasks.restart();
        assertThatThrownBy(() -> task(file, Map.of())).isInstanceOf(ConnectException.class)
                .hasMessageContaining("is not the file the stored offset belongs to")
                .hasMessageContaining("DELETE /connectors/NAME/offsets");
    }
}
