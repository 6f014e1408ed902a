package dev.yuqing.connectors.exports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.connect.PostIds;
import dev.yuqing.connectors.connect.StartedTasks;
import dev.yuqing.core.deadletter.DeadLetter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export task driven by hand on a real directory, committing offsets as the worker would. */
class ExportDirectorySourceTaskTest {
    @TempDir
    Path dir;
    private final StartedTasks<ExportDirectorySourceTask> tasks = new StartedTasks<>(ExportDirectorySourceTask::new);

    @AfterEach
    void stop() {
        tasks.stopAll();
    }

    /** A line of a Weibo export. */
    static String weibo(int n) {
        return "{\"mid\":\"" + n + "\",\"text\":\"第" + n + "条\",\"created_at\":\"2026-05-15 09:" + String.format("%02d", n % 60)
                + ":00\",\"user\":{\"screen_name\":\"网友" + n + "\"}}\n";
    }

    private ExportDirectorySourceTask task(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of(ExportDirectoryConfig.EXPORT_DIR, dir.toString(),
                ExportDirectoryConfig.EXPORT_MAPPING, "id=mid,text=text,publishedAt=created_at,author=/user/screen_name,source='weibo',account='weibo:city'",
                ExportDirectoryConfig.EXPORT_POLL_INTERVAL_MS, "10"));
        props.putAll(extra);
        return tasks.start(props);
    }

    /** Polls until two polls in a row return nothing (every file read), committing what each poll returned. */
    private List<SourceRecord> drain(ExportDirectorySourceTask task) throws InterruptedException {
        List<SourceRecord> out = new ArrayList<>();
        for (int empty = 0; empty < 2; ) {
            List<SourceRecord> polled = task.poll();
            if (polled == null) {
                empty++;
            } else {
                empty = 0;
                tasks.context().commit(polled);
                out.addAll(polled);
            }
        }
        return out;
    }

    private static List<String> keys(List<SourceRecord> records) {
        return records.stream().map(StartedTasks::key).toList();
    }

    private static DeadLetter deadLetter(SourceRecord r) throws IOException {
        assertThat(r.topic()).isEqualTo("posts.dlq");
        return DeadLetter.fromJson((byte[]) r.value());
    }

    @Test
    void readsTheFilesInNameOrderThenNewOnesAndResumesWithoutResending() throws Exception {
        Files.writeString(dir.resolve("weibo-0502.jsonl"), weibo(3) + "{\"mid\":\"4\"\n" + weibo(5));
        Files.writeString(dir.resolve("weibo-0501.jsonl"), weibo(1) + weibo(2));
        Files.writeString(dir.resolve("notes.txt"), "not an export\n");
        List<SourceRecord> first = drain(task(Map.of()));
        assertThat(keys(first)).containsExactly("1", "2", "3", null, "5");
        DeadLetter bad = deadLetter(first.get(3));
        assertThat(bad.origin()).isEqualTo("weibo-0502.jsonl:2");
        assertThat(bad.reason()).startsWith("not JSON");
        Path may1 = dir.resolve("weibo-0501.jsonl");
        assertThat(first.get(1).sourcePartition()).isEqualTo(Map.of("file", may1.toAbsolutePath().toString()));
        long size = Files.size(may1);
        String fingerprint = PostIds.sha256Hex(Files.readString(may1)); // the whole file: shorter than 64 KiB
        assertThat(first.get(1).sourceOffset()).isEqualTo(Map.of("records", 2L, "bytes", size, "fingerprint", fingerprint, "fingerprint.bytes", size));
        assertThat(first.get(0).sourceOffset()).as("not the last record of its file")
                .isEqualTo(Map.of("records", 1L, "bytes", 0L, "fingerprint", fingerprint, "fingerprint.bytes", size));

        // A new file, and a line appended to an old one, while the task runs.
        Files.writeString(dir.resolve("weibo-0503.jsonl"), weibo(6));
        Files.writeString(dir.resolve("weibo-0501.jsonl"), weibo(7), StandardOpenOption.APPEND);
        assertThat(keys(drain(tasks.first()))).containsExactly("7", "6");

        // After a restart only what came since is read.
        tasks.first().stop();
        tasks.restart();
        Files.writeString(dir.resolve("weibo-0504.jsonl"), weibo(8));
        ExportDirectorySourceTask restarted = task(Map.of());
        assertThat(keys(drain(restarted))).containsExactly("8");
        assertThat(tasks.context().metric("items-total")).as("finished files are not read again").isEqualTo(1L);
    }

    @Test
    void aLineStillBeingWrittenIsReadOnceItEnds() throws Exception {
        Path file = Files.writeString(dir.resolve("douyin.jsonl"), weibo(1) + "{\"mid\":\"2\",\"te");
        ExportDirectorySourceTask task = task(Map.of());
        assertThat(keys(drain(task))).containsExactly("1");
        Files.writeString(file, "xt\":\"第2条\",\"created_at\":\"2026-05-15 10:00:00\"}\n", StandardOpenOption.APPEND);
        assertThat(keys(drain(task))).containsExactly("2");
    }

    @Test
    void aRestartInTheMiddleOfAFileResumesAfterTheLastRecordWritten() throws Exception {
        Files.writeString(dir.resolve("wechat.jsonl"), weibo(1) + weibo(2) + weibo(3) + weibo(4) + weibo(5));
        ExportDirectorySourceTask task = task(Map.of(ExportDirectoryConfig.EXPORT_BATCH_SIZE, "2"));
        List<SourceRecord> firstBatch = new ArrayList<>();
        while (firstBatch.isEmpty()) {
            List<SourceRecord> polled = task.poll();
            if (polled != null) {
                firstBatch.addAll(polled);
            }
        }
        tasks.context().commit(firstBatch);
        assertThat(keys(firstBatch)).containsExactly("1", "2");
        task.stop();
        tasks.restart();
        assertThat(keys(drain(task(Map.of())))).containsExactly("3", "4", "5");
    }

    @Test
    void readsCsvWithAMappingAndDeadLettersAFileWhoseHeaderLacksAColumn() throws Exception {
        Map<String, String> csv = Map.of(ExportDirectoryConfig.EXPORT_FORMAT, "csv", ExportDirectoryConfig.EXPORT_GLOB, "*.csv",
                ExportDirectoryConfig.EXPORT_MAPPING, "id=编号,text=内容,publishedAt=时间,source='wechat',account='wechat:city'");
        Files.writeString(dir.resolve("a.csv"), "编号,内容,时间\nw1,\"停水, 通知\",2026-05-15 09:00:00\nw2,只有两列\n");
        Files.writeString(dir.resolve("b.csv"), "编号,正文,时间\nw3,x,2026-05-15 09:00:00\n");
        List<SourceRecord> out = drain(task(csv));
        assertThat(keys(out)).containsExactly("w1", null, null);
        assertThat(deadLetter(out.get(1))).satisfies(d -> {
            assertThat(d.origin()).isEqualTo("a.csv:record 2");
            assertThat(d.reason()).isEqualTo("has 2 columns, the header has 3");
        });
        assertThat(deadLetter(out.get(2))).satisfies(d -> {
            assertThat(d.field()).isEqualTo("header");
            assertThat(d.origin()).isEqualTo("b.csv");
            assertThat(d.reason()).startsWith("column '内容' is not in the header [编号, 正文, 时间]");
        });
        tasks.restart();
        assertThat(drain(task(csv))).as("the unreadable file counts as read").isEmpty();
    }

    /** A line of a Weibo export with a long text, so that one record takes more bytes than several of {@link #weibo(int)}. */
    private static String longWeibo(int n) {
        return "{\"mid\":\"" + n + "\",\"text\":\"" + "长".repeat(300) + "\",\"created_at\":\"2026-05-15 11:00:00\"}\n";
    }

    /** Writes {@code text} as the whole of {@code file}, as an export tool that overwrites its export does. */
    private static void overwrite(Path file, String text, String modified) throws IOException {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified))); // not left to the file system's clock granularity
    }

    @Test
    void aFileReplacedByAnotherOfTheSameNameIsReadFromItsStartAndOneThatGrewIsResumed() throws Exception {
        Path file = Files.writeString(dir.resolve("weibo-daily.jsonl"), weibo(1) + weibo(2));
        ExportDirectorySourceTask task = task(Map.of());
        assertThat(keys(drain(task))).containsExactly("1", "2");

        overwrite(file, weibo(3) + weibo(4) + weibo(5), "2026-05-16T00:00:00Z");
        assertThat(keys(drain(task))).as("more records than the old file").containsExactly("3", "4", "5");
        overwrite(file, longWeibo(6), "2026-05-17T00:00:00Z");
        assertThat(keys(drain(task))).as("fewer records, more bytes").containsExactly("6");
        overwrite(file, weibo(7), "2026-05-18T00:00:00Z");
        assertThat(keys(drain(task))).as("fewer records, fewer bytes").containsExactly("7");
        Files.writeString(file, weibo(8), StandardOpenOption.APPEND);
        assertThat(keys(drain(task))).as("grown only: resumed").containsExactly("8");

        // Replaced while the connector is down: the committed offset belongs to the old file.
        task.stop();
        tasks.restart();
        overwrite(file, weibo(9) + weibo(1) + weibo(2), "2026-05-19T00:00:00Z");
        ExportDirectorySourceTask restarted = task(Map.of());
        assertThat(keys(drain(restarted))).containsExactly("9", "1", "2");
        Files.writeString(file, weibo(3), StandardOpenOption.APPEND);
        assertThat(keys(drain(restarted))).as("grown only: resumed").containsExactly("3");
        restarted.stop();
        tasks.restart();
        Files.writeString(file, weibo(4), StandardOpenOption.APPEND);
        assertThat(keys(drain(task(Map.of())))).as("grown while down: resumed").containsExactly("4");
    }

    @Test
    void aFileReplacedByAnotherOfTheSameLengthIsReadAgainButAFinishedOneIsNot() throws Exception {
        Path file = Files.writeString(dir.resolve("weibo-daily.jsonl"), weibo(1) + weibo(2));
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-05-15T00:00:00Z")));
        ExportDirectorySourceTask task = task(Map.of());
        assertThat(keys(drain(task))).containsExactly("1", "2");
        overwrite(file, weibo(3) + weibo(4), "2026-05-16T00:00:00Z");
        assertThat(Files.size(file)).as("the same length").isEqualTo((weibo(1) + weibo(2)).getBytes(StandardCharsets.UTF_8).length);
        assertThat(keys(drain(task))).containsExactly("3", "4");
        assertThat(drain(task)).as("read once").isEmpty();

        task.stop();
        tasks.restart();
        assertThat(drain(task(Map.of()))).as("a finished file is not read again after a restart").isEmpty();
        tasks.restart();
        overwrite(file, weibo(5) + weibo(6), "2026-05-17T00:00:00Z");
        assertThat(keys(drain(task(Map.of())))).as("replaced while the connector was down").containsExactly("5", "6");
    }

    @Test
    void anOffsetWrittenBeforeFingerprintsIsResumedByRecordsAndBytes() throws Exception {
        Path file = Files.writeString(dir.resolve("weibo-0501.jsonl"), weibo(1) + weibo(2) + weibo(3));
        Map<String, String> partition = Map.of("file", file.toAbsolutePath().toString());
        long twoLines = (weibo(1) + weibo(2)).getBytes(StandardCharsets.UTF_8).length;
        tasks.context().commit(List.of(new SourceRecord(partition, Map.of("records", 2L, "bytes", twoLines), "posts.raw", null, null)));
        List<SourceRecord> out = drain(task(Map.of()));
        assertThat(keys(out)).containsExactly("3");
        assertThat(tasks.context().metric("items-total")).isEqualTo(1L);
        assertThat(out.get(0).sourceOffset().get("records")).isEqualTo(3L);
        assertThat(out.get(0).sourceOffset().keySet()).as("written anew with the fingerprint").contains("fingerprint", "fingerprint.bytes");
    }

    @Test
    void readsByModificationTimeWhenAskedTo() throws Exception {
        Path b = Files.writeString(dir.resolve("b.jsonl"), weibo(1));
        Path a = Files.writeString(dir.resolve("a.jsonl"), weibo(2));
        Files.setLastModifiedTime(b, FileTime.from(Instant.parse("2026-05-01T00:00:00Z")));
        Files.setLastModifiedTime(a, FileTime.from(Instant.parse("2026-05-02T00:00:00Z")));
        assertThat(keys(drain(task(Map.of(ExportDirectoryConfig.EXPORT_ORDER, "modified"))))).containsExactly("1", "2");
    }
}
