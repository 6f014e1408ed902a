package dev.yuqing.connectors.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.connect.ConfigProblems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each configuration error of the file replay connector names the key and the fix. */
class FileReplayConfigTest {
    @TempDir
    Path dir;
    private Path csv;
    private final FileReplaySourceConnector connector = new FileReplaySourceConnector();
    private final ConfigProblems problems = new ConfigProblems(connector, this::valid);

    @BeforeEach
    void file() throws Exception {
        csv = Files.writeString(dir.resolve("m.csv"), "留言编号,留言详情\nm1,ok\n");
    }

    private Map<String, String> valid() {
        return ConfigProblems.base(FileReplaySourceConnector.class, Map.of(
                FileReplayConfig.FILE_PATH, csv.toString(),
                FileReplayConfig.FILE_FORMAT, "CSV",
                FileReplayConfig.FILE_MAPPING, "id=留言编号,text=留言详情,source='citizen-message',account='site:zmhd',publishedAt='2026-05-15 09:00'"));
    }

    @Test
    void aValidConfigurationHasNoProblems() {
        assertThat(connector.problems(valid())).isEmpty();
    }

    @Test
    void aMissingOrUnreadableFile() {
        assertThat(problems.with(FileReplayConfig.FILE_PATH, null)).singleElement().asString().startsWith("file.path is required: the JSON-lines or CSV file");
        Path missing = dir.resolve("nope.csv");
        assertThat(problems.with(FileReplayConfig.FILE_PATH, missing.toString())).containsExactly("file.path: cannot read '" + missing
                + "' on this worker; give the path of a readable file (in a distributed cluster, on every worker)");
    }

    @Test
    void anUnknownFormat() {
        assertThat(problems.with(FileReplayConfig.FILE_FORMAT, "xlsx")).singleElement().asString()
                .startsWith("Invalid value xlsx for configuration file.format: String must be one of (case insensitive): ")
                .contains("JSONL").contains("CSV");
    }

    @Test
    void aMappingToAnUnknownPostField() {
        assertThat(problems.with(FileReplayConfig.FILE_MAPPING, "body=留言详情")).singleElement().asString()
                .startsWith("Invalid value body=留言详情 for configuration file.mapping: mapping names unknown post field 'body' (known: [");
    }

    @Test
    void aMappingFromAColumnTheCsvLacks() {
        assertThat(problems.with(FileReplayConfig.FILE_MAPPING, "id=编号,text=留言详情")).containsExactly(
                "file.mapping: column '编号' is not in the header [留言编号, 留言详情] of " + csv + "; name one of its columns");
    }

    @Test
    void aSpeedBelowZero() {
        assertThat(problems.with(FileReplayConfig.FILE_SPEED, "-1")).containsExactly(
                "Invalid value -1.0 for configuration file.speed: Value must be at least 0.0");
    }
}
