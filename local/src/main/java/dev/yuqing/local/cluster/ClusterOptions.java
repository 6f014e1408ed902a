package dev.yuqing.local.cluster;

import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import java.time.Duration;

/** Settings of the cluster rig's command ({@link ClusterRun}). */
public final class ClusterOptions {
    public static final ConfigKey<String> DATA_DIR = ConfigKey.string("cluster.data.dir", "target/yuqing-cluster",
            "directory of the rig's services (data, logs, configuration); emptied at start");
    public static final ConfigKey<Integer> DEMO_POSTS = ConfigKey.integer("cluster.demo.posts", 2000, 0, 10_000_000,
            "posts in the generated synthetic demo the rig replays");
    public static final ConfigKey<Integer> DEMO_MALFORMED = ConfigKey.integer("cluster.demo.malformed", 16, 0, 1_000_000,
            "malformed lines mixed into the demo: they must all reach the dead-letter topic, each once");
    public static final ConfigKey<Integer> PARTS = ConfigKey.integer("cluster.replay.parts", 1, 1, 100_000,
            "the demo file grows by this many parts, one each cluster.replay.part.interval, as an export would: posts keep flowing while faults strike");
    public static final ConfigKey<Duration> PART_INTERVAL = ConfigKey.duration("cluster.replay.part.interval", "15s", Duration.ZERO,
            "time between two parts of the demo file");
    public static final ConfigKey<Integer> TASK_MANAGERS = ConfigKey.integer("cluster.taskmanagers", 2, 1, 16,
            "TaskManager processes of the Flink session cluster");
    public static final ConfigKey<Integer> SLOTS = ConfigKey.integer("cluster.slots", 4, 1, 64,
            "task slots of each TaskManager; the four jobs need four times cluster.parallelism in all");
    public static final ConfigKey<Integer> PARALLELISM = ConfigKey.integer("cluster.parallelism", 2, 1, 64,
            "parallelism of each job");
    public static final ConfigKey<Duration> CHECKPOINT_INTERVAL = ConfigKey.duration("cluster.checkpoint.interval", "5s", Duration.ofMillis(100),
            "the jobs' checkpoint interval (compose uses 10s)");
    public static final ConfigKey<Boolean> FAULTS = ConfigKey.bool("cluster.faults", false,
            "during the replay, kill -9 a TaskManager, stop Elasticsearch for cluster.fault.es.down, restart the broker and kill -9 the "
                    + "Connect worker, one each cluster.fault.interval, and report what was lost or doubled and how long recovery took");
    public static final ConfigKey<Duration> FAULT_INTERVAL = ConfigKey.duration("cluster.fault.interval", "60s", Duration.ZERO,
            "time before the first fault and between two faults");
    public static final ConfigKey<Duration> ES_DOWN = ConfigKey.duration("cluster.fault.es.down", "60s", Duration.ZERO,
            "how long Elasticsearch stays stopped");
    public static final ConfigKey<Boolean> EXIT_WHEN_DONE = ConfigKey.bool("cluster.exit.when.done", false,
            "stop once everything is replayed and settled, after the report, instead of running until Ctrl-C");

    public static final ConfigDef DEF = new ConfigDef("cluster rig", DATA_DIR, DEMO_POSTS, DEMO_MALFORMED, PARTS, PART_INTERVAL, TASK_MANAGERS,
            SLOTS, PARALLELISM, CHECKPOINT_INTERVAL, FAULTS, FAULT_INTERVAL, ES_DOWN, EXIT_WHEN_DONE);

    private ClusterOptions() {}
}
