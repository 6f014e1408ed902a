package dev.yuqing.connectors.exports;

import dev.yuqing.connectors.connect.CommonSourceConfig;
import dev.yuqing.connectors.connect.ConfigValidators;
import dev.yuqing.connectors.replay.FieldMapping;
import dev.yuqing.connectors.replay.FileReplayConfig;
import dev.yuqing.connectors.replay.ReplayFormat;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.CaseInsensitiveValidString;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of {@link ExportDirectorySourceConnector}: one directory of export files per connector. */
public final class ExportDirectoryConfig extends CommonSourceConfig {
    public static final String EXPORT_DIR = "export.dir";
    public static final String EXPORT_GLOB = "export.glob";
    public static final String EXPORT_FORMAT = "export.format";
    public static final String EXPORT_MAPPING = "export.mapping";
    public static final String EXPORT_ORDER = "export.order";
    public static final String EXPORT_BATCH_SIZE = "export.batch.size";
    public static final String EXPORT_POLL_INTERVAL_MS = "export.poll.interval.ms";

    /** The order in which the files of the directory are read. */
    public enum Order {
        /** By file name: exports named by date or sequence number. */
        NAME,
        /** By last-modified time, then name. */
        MODIFIED
    }

    public static ConfigDef definition() {
        ConfigDef d = CommonSourceConfig.define()
                .define(EXPORT_DIR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.nonBlank("/data/exports/weibo"), Importance.HIGH,
                        "the directory the exports are dropped into, on the worker that runs the task (in a distributed cluster, "
                                + "a directory every worker sees); its files that match export.glob are read, new ones as they come")
                .define(EXPORT_GLOB, Type.STRING, "*.jsonl", ConfigValidators.of("a file-name glob such as *.jsonl or weibo-*.{jsonl,json}",
                        ExportDirectoryConfig::globProblem), Importance.HIGH,
                        "which files of the directory to read, a glob of their names such as *.jsonl or weibo-*.csv; "
                                + "sub-directories are not read");
        return FileReplayConfig.defineRecords(d, EXPORT_FORMAT, EXPORT_MAPPING)
                .define(EXPORT_ORDER, Type.STRING, "name", CaseInsensitiveValidString.in("name", "modified"), Importance.LOW,
                        "name: files are read in the order of their names (exports named by date); "
                                + "modified: in the order of their last-modified times, then names")
                .define(EXPORT_BATCH_SIZE, Type.INT, 500, Range.between(1, 100_000), Importance.LOW,
                        "records handed to the worker per poll at most")
                .define(EXPORT_POLL_INTERVAL_MS, Type.LONG, 5_000L, Range.between(10L, 3_600_000L), Importance.LOW,
                        "when every file is read, milliseconds between two looks for new files and for lines appended to the old ones");
    }

    private static String globProblem(String glob) {
        if (glob.isBlank() || glob.contains("/")) {
            return "must be a glob of file names without a directory, such as *.jsonl";
        }
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
            return null;
        } catch (PatternSyntaxException e) {
            return "is not a glob (" + e.getDescription() + "); write it as *.jsonl or weibo-*.{jsonl,json}";
        }
    }

    public ExportDirectoryConfig(Map<String, String> props) {
        super(definition(), props);
    }

    public Path dir() {
        return Path.of(getString(EXPORT_DIR)).toAbsolutePath().normalize();
    }

    public String glob() {
        return getString(EXPORT_GLOB);
    }

    public ReplayFormat format() {
        return ReplayFormat.valueOf(getString(EXPORT_FORMAT).toUpperCase(Locale.ROOT));
    }

    public FieldMapping mapping() {
        return FieldMapping.parse(getString(EXPORT_MAPPING));
    }

    public Order order() {
        return Order.valueOf(getString(EXPORT_ORDER).toUpperCase(Locale.ROOT));
    }

    public int batchSize() {
        return getInt(EXPORT_BATCH_SIZE);
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(EXPORT_POLL_INTERVAL_MS));
    }
}
