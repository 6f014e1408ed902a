package dev.yuqing.connectors.replay;

import dev.yuqing.connectors.connect.CommonSourceConfig;
import dev.yuqing.connectors.connect.ConfigValidators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.CaseInsensitiveValidString;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of {@link FileReplaySourceConnector}: one file per connector. */
public final class FileReplayConfig extends CommonSourceConfig {
    public static final String FILE_PATH = "file.path";
    public static final String FILE_FORMAT = "file.format";
    public static final String FILE_MAPPING = "file.mapping";
    public static final String FILE_SPEED = "file.speed";
    public static final String FILE_BATCH_SIZE = "file.batch.size";
    public static final String FILE_POLL_INTERVAL_MS = "file.poll.interval.ms";

    public static ConfigDef definition() {
        ConfigDef d = CommonSourceConfig.define()
                .define(FILE_PATH, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.nonBlank("/data/exports/weibo.jsonl"),
                        Importance.HIGH, "the JSON-lines or CSV file to read, on the worker that runs the task; "
                                + "lines appended to it later are read as they come");
        return defineRecords(d, FILE_FORMAT, FILE_MAPPING)
                .define(FILE_SPEED, Type.DOUBLE, 0.0, Range.between(0.0, 1_000_000.0), Importance.LOW,
                        "0 sends as fast as possible; N sends at N times real time by published time (demos)")
                .define(FILE_BATCH_SIZE, Type.INT, 500, Range.between(1, 100_000), Importance.LOW,
                        "records handed to the worker per poll at most")
                .define(FILE_POLL_INTERVAL_MS, Type.LONG, 1_000L, Range.between(10L, 3_600_000L), Importance.LOW,
                        "at the end of the file, milliseconds between two looks whether it grew");
    }

    /** Adds the keys of the records' format and their field mapping, for the connectors that read files (this one and the exports). */
    public static ConfigDef defineRecords(ConfigDef definition, String formatKey, String mappingKey) {
        return definition
                .define(formatKey, Type.STRING, "jsonl", CaseInsensitiveValidString.in("jsonl", "csv"), Importance.HIGH,
                        "jsonl (one JSON object a line) or csv (header row first, RFC 4180 quoting)")
                .define(mappingKey, Type.STRING, "", ConfigValidators.of("empty, or postField=sourceField pairs", FieldMapping::problem),
                        Importance.MEDIUM, "postField=sourceField pairs separated by commas, a quoted value a constant, a source field "
                                + "starting with / a JSON Pointer into a JSON line, such as id=mid,text=text,publishedAt=created_at,"
                                + "author=/user/screen_name,source='weibo',account='weibo:city'; empty reads each JSON line as a Post");
    }

    public FileReplayConfig(Map<String, String> props) {
        super(definition(), props);
    }

    public Path file() {
        return Path.of(getString(FILE_PATH)).toAbsolutePath().normalize();
    }

    public ReplayFormat format() {
        return ReplayFormat.valueOf(getString(FILE_FORMAT).toUpperCase(Locale.ROOT));
    }

    public FieldMapping mapping() {
        return FieldMapping.parse(getString(FILE_MAPPING));
    }

    public double speed() {
        return getDouble(FILE_SPEED);
    }

    public int batchSize() {
        return getInt(FILE_BATCH_SIZE);
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(FILE_POLL_INTERVAL_MS));
    }
}
