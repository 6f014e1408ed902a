package dev.yuqing.connectors.replay;

import dev.yuqing.core.config.CommonOptions;
import dev.yuqing.core.Topics;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import java.time.Duration;

/** Settings of the file replay connector. */
public final class ReplayOptions {
    public static final ConfigKey<String> FILE = ConfigKey.string("replay.file", null,
            "the JSON-lines or CSV file to replay").required();
    public static final ConfigKey<ReplayFormat> FORMAT = ConfigKey.enumeration("replay.format", ReplayFormat.class, ReplayFormat.JSONL,
            "file format: jsonl (one JSON object a line) or csv (header row first)");
    public static final ConfigKey<String> MAPPING = ConfigKey.string("replay.mapping", "-",
            "postField=sourceField pairs (a quoted value is a constant); '-' passes JSON through unchanged");
    public static final ConfigKey<Double> SPEED = ConfigKey.decimal("replay.speed", 0, 0, 1_000_000,
            "0 replays as fast as possible; N replays at N times real time by published time");
    public static final ConfigKey<String> CURSOR_FILE = ConfigKey.string("replay.cursor.file", "-",
            "where the replay position is kept; '-' means the data file's name plus .cursor");
    public static final ConfigKey<String> TOPIC = ConfigKey.string("replay.topic", Topics.POSTS_RAW,
            "topic the posts go to, keyed by post id");
    public static final ConfigKey<String> DLQ_TOPIC = ConfigKey.string("replay.dlq.topic", Topics.POSTS_DLQ,
            "topic for records the connector cannot read, with the reason");
    public static final ConfigKey<Integer> BATCH = ConfigKey.integer("replay.batch.records", 500, 1, 1_000_000,
            "records sent between two flushes of the producer and saves of the cursor");
    public static final ConfigKey<Duration> FLUSH_INTERVAL = ConfigKey.duration("replay.flush.interval", "1s", Duration.ofMillis(10),
            "longest time between two saves of the cursor while pacing");

    public static final ConfigDef DEF = new ConfigDef("replay connector",
            CommonOptions.KAFKA_BOOTSTRAP, FILE, FORMAT, MAPPING, SPEED, CURSOR_FILE, TOPIC, DLQ_TOPIC, BATCH, FLUSH_INTERVAL);

    private ReplayOptions() {}
}
