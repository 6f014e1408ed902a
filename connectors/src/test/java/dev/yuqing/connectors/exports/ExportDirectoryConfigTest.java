package dev.yuqing.connectors.exports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.connect.ConfigProblems;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each configuration error gives a message that names the key and says how to fix it. */
class ExportDirectoryConfigTest {
    @TempDir
    Path dir;
    private final ExportDirectorySourceConnector connector = new ExportDirectorySourceConnector();
    private final ConfigProblems problems = new ConfigProblems(connector, this::valid);

    private Map<String, String> valid() {
        return ConfigProblems.base(ExportDirectorySourceConnector.class, Map.of(
                ExportDirectoryConfig.EXPORT_DIR, dir.toString(),
                ExportDirectoryConfig.EXPORT_MAPPING, "id=mid,text=text,publishedAt=created_at,source='weibo',account='weibo:city'"));
    }

    @Test
    void aValidConfigurationHasNoProblems() {
        assertThat(connector.problems(valid())).isEmpty();
        connector.start(valid());
        assertThat(connector.taskConfigs(3)).containsExactly(valid());
    }

    @Test
    void aMissingOrAbsentDirectory() {
        assertThat(problems.with(ExportDirectoryConfig.EXPORT_DIR, null)).singleElement().asString()
                .startsWith("export.dir is required: the directory the exports are dropped into");
        Path absent = dir.resolve("absent");
        assertThat(problems.with(ExportDirectoryConfig.EXPORT_DIR, absent.toString())).containsExactly("export.dir: '" + absent
                + "' is not a readable directory on this worker; create it or give the directory the exports are dropped into"
                + " (in a distributed cluster, one every worker sees)");
    }

    @Test
    void aGlobThatIsNotOneOrNamesADirectory() {
        assertThat(problems.with(ExportDirectoryConfig.EXPORT_GLOB, "weibo-[.jsonl")).singleElement().asString()
                .startsWith("Invalid value weibo-[.jsonl for configuration export.glob: is not a glob (")
                .endsWith("); write it as *.jsonl or weibo-*.{jsonl,json}");
        assertThat(problems.with(ExportDirectoryConfig.EXPORT_GLOB, "weibo/*.jsonl")).containsExactly("Invalid value weibo/*.jsonl for "
                + "configuration export.glob: must be a glob of file names without a directory, such as *.jsonl");
    }

    @Test
    void anUnknownFormatOrderOrMappingField() {
        assertThat(problems.with(ExportDirectoryConfig.EXPORT_FORMAT, "xlsx")).singleElement().asString()
                .startsWith("Invalid value xlsx for configuration export.format: String must be one of (case insensitive): ");
        assertThat(problems.with(ExportDirectoryConfig.EXPORT_ORDER, "size")).singleElement().asString()
                .startsWith("Invalid value size for configuration export.order: String must be one of (case insensitive): ");
        assertThat(problems.with(ExportDirectoryConfig.EXPORT_MAPPING, "id=mid,content=text")).singleElement().asString()
                .startsWith("Invalid value id=mid,content=text for configuration export.mapping: mapping names unknown post field 'content'");
    }

    @Test
    void aMisspeltKey() {
        assertThat(problems.with("export.directory", dir.toString())).singleElement().asString()
                .startsWith("unknown key export.directory for ExportDirectorySourceConnector; known keys: ");
    }
}
