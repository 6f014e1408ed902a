package dev.yuqing.connectors.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReaderTest {
    @TempDir
    Path dir;

    @Test
    void theCompleteLengthEndsAtTheLastLineFeedAndTheReaderReadsNoFurther() throws Exception {
        Path none = Files.writeString(dir.resolve("none.jsonl"), "{\"id\":\"a\"");
        assertThat(RecordReader.completeLength(none)).isZero();
        // The unfinished line is longer than the 8 KiB the search reads from the end at a time.
        String done = "{\"id\":\"a\"}\n{\"id\":\"b\"}\n";
        Path f = Files.writeString(dir.resolve("p.jsonl"), done + "{\"id\":\"c\",\"text\":\"" + "长".repeat(10_000));
        long complete = RecordReader.completeLength(f);
        assertThat(complete).isEqualTo(done.length());
        try (RecordReader r = RecordReader.open(f, ReplayFormat.JSONL, complete)) {
            assertThat(r.skip(5)).isEqualTo(2);
        }
    }

    @Test
    void jsonLinesReportsBadLinesWithTheirLineNumber() throws Exception {
        Path f = Files.writeString(dir.resolve("p.jsonl"), "{\"id\":\"a\"}\nnot json\n\n[1]\n{\"id\":\"b\"}\n");
        try (RecordReader r = RecordReader.open(f, ReplayFormat.JSONL)) {
            assertThat(r.next().fields().get("id").asText()).isEqualTo("a");
            FileRecord bad = r.next();
            assertThat(bad.problem()).startsWith("not JSON");
            assertThat(bad.origin()).isEqualTo("p.jsonl:2");
            assertThat(new String(bad.raw(), "UTF-8")).isEqualTo("not json");
            assertThat(r.next().problem()).isEqualTo("blank line");
            assertThat(r.next().problem()).isEqualTo("not a JSON object");
            FileRecord last = r.next();
            assertThat(last.position()).isEqualTo(5);
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void csvQuotesMultiLineFieldsAndFlagsRowsOfTheWrongWidth() throws Exception {
        Path f = Files.writeString(dir.resolve("m.csv"), "留言编号,留言详情\nm1,\"第一行\n第二行，有逗号\"\nm2,a,extra\nm3,ok\n");
        try (RecordReader r = RecordReader.open(f, ReplayFormat.CSV)) {
            assertThat(r.next().fields().get("留言详情").asText()).isEqualTo("第一行\n第二行，有逗号");
            assertThat(r.next().problem()).isEqualTo("has 3 columns, the header has 2");
            assertThat(r.next().fields().get("留言编号").asText()).isEqualTo("m3");
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void skipResumesAfterTheGivenRecords() throws Exception {
        Path f = Files.writeString(dir.resolve("p.jsonl"), "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\"}\n");
        try (RecordReader r = RecordReader.open(f, ReplayFormat.JSONL)) {
            assertThat(r.skip(2)).isEqualTo(2);
            assertThat(r.next().fields().get("id").asText()).isEqualTo("c");
        }
        try (RecordReader r = RecordReader.open(f, ReplayFormat.JSONL)) {
            assertThat(r.skip(5)).isEqualTo(3);
        }
    }
}
