package dev.yuqing.local;

import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import java.time.Duration;

/** Settings of the embedded all-in-one. */
public final class LocalOptions {
    public static final ConfigKey<String> DATA_DIR = ConfigKey.string("local.data.dir", "yuqing-data",
            "directory for all local data: Kafka logs, Elasticsearch data, checkpoints, demo file and cursor");
    public static final ConfigKey<Integer> KAFKA_PORT = ConfigKey.integer("local.kafka.port", 9092, 0, 65535,
            "port of the embedded Kafka broker (0 for any free port)");
    public static final ConfigKey<Integer> ES_PORT = ConfigKey.integer("local.elasticsearch.port", 9200, 0, 65535,
            "HTTP port of the embedded Elasticsearch node (0 for any free port)");
    public static final ConfigKey<Integer> PARALLELISM = ConfigKey.integer("local.parallelism", 2, 1, 64,
            "parallelism of the jobs on the Flink MiniCluster");
    public static final ConfigKey<Integer> DEMO_POSTS = ConfigKey.integer("local.demo.posts", 2000, 0, 10_000_000,
            "posts in the generated synthetic demo scenario");
    public static final ConfigKey<Integer> DEMO_MALFORMED = ConfigKey.integer("local.demo.malformed", 16, 0, 1_000_000,
            "malformed lines mixed into the demo, to show the dead-letter topic");
    public static final ConfigKey<String> REPLAY_FILE = ConfigKey.optionalString("local.replay.file",
            "a JSON-lines file of posts to replay instead of the generated demo");
    public static final ConfigKey<Double> REPLAY_SPEED = ConfigKey.decimal("local.replay.speed", 0, 0, 1_000_000,
            "0 replays as fast as possible; N at N times real time by published time");
    public static final ConfigKey<Duration> CHECKPOINT_INTERVAL = ConfigKey.duration("local.checkpoint.interval", "5s", Duration.ofMillis(100),
            "checkpoint interval of the local jobs");
    public static final ConfigKey<Integer> ACK_PORT = ConfigKey.integer("local.ack.port", 8086, 0, 65535,
            "port of the endpoint where handlers acknowledge and resolve alerts (0 for any free port)");
    public static final ConfigKey<Integer> CONNECT_PORT = ConfigKey.integer("local.connect.port", 8083, 0, 65535,
            "port of the Kafka Connect worker's REST API, where the replay runs and more sources can be added (0 for any free port)");
    public static final ConfigKey<String> REGISTRY_FILE = ConfigKey.optionalString("local.registry.file",
            "your own sites, columns and accounts to inspect (JSON as core/src/main/resources/inspection/registry-demo.json), registered besides the demo's; a restart registers changes");
    public static final ConfigKey<Boolean> EXIT_WHEN_DONE = ConfigKey.bool("local.exit.when.done", false,
            "stop once the replay is done and everything is indexed (for scripted runs) instead of running until Ctrl-C");

    public static final ConfigDef DEF = new ConfigDef("local stack", DATA_DIR, KAFKA_PORT, ES_PORT, PARALLELISM, DEMO_POSTS,
            DEMO_MALFORMED, REPLAY_FILE, REPLAY_SPEED, CHECKPOINT_INTERVAL, ACK_PORT, CONNECT_PORT, REGISTRY_FILE, EXIT_WHEN_DONE);

    private LocalOptions() {}
}
