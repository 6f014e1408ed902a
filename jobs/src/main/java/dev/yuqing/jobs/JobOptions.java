package dev.yuqing.jobs;

import dev.yuqing.core.config.CommonOptions;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.config.ConfigKey;
import dev.yuqing.dashboards.EsConnection;
import dev.yuqing.jobs.elasticsearch.BulkSettings;
import dev.yuqing.jobs.kafka.KafkaTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Settings every job reads: where Kafka and Elasticsearch are, checkpoints, bulk indexing. */
public final class JobOptions {
    public static final ConfigKey<String> KAFKA_BOOTSTRAP = CommonOptions.KAFKA_BOOTSTRAP;
    public static final ConfigKey<String> ES_URLS = CommonOptions.ES_URLS;
    public static final ConfigKey<String> ES_USERNAME = CommonOptions.ES_USERNAME;
    public static final ConfigKey<String> ES_PASSWORD = CommonOptions.ES_PASSWORD;
    public static final ConfigKey<Boolean> ES_APPLY_TEMPLATES = ConfigKey.bool("elasticsearch.apply.templates", true,
            "apply the index templates before the job starts writing");
    public static final ConfigKey<Duration> CHECKPOINT_INTERVAL = ConfigKey.duration("checkpoint.interval", "10s", Duration.ofMillis(100),
            "time between checkpoints; Elasticsearch and Kafka sinks flush on each");
    public static final ConfigKey<Duration> BUFFER_TIMEOUT = ConfigKey.duration("flink.buffer.timeout", "10ms", Duration.ZERO,
            "longest a record waits in a network buffer at each exchange between operators (Flink's execution.buffer-timeout.interval, 100 ms by default there); 0 sends every record at once, at some cost in throughput");
    public static final ConfigKey<String> CHECKPOINT_DIR = ConfigKey.optionalString("checkpoint.dir",
            "checkpoint storage URI: a shared file system path such as file:///data/checkpoints, or S3-compatible storage such as "
                    + "s3://bucket/yuqing/checkpoints (the cluster needs Flink's S3 filesystem plugin and its s3.* settings); empty keeps the cluster's setting");
    public static final ConfigKey<String> SAVEPOINT_DIR = ConfigKey.optionalString("checkpoint.savepoint.dir",
            "where savepoints go when none is named (stop-with-savepoint before an upgrade), a URI as for checkpoint.dir such as "
                    + "s3://bucket/yuqing/savepoints; empty keeps the cluster's setting");
    /** Where keyed state lives between checkpoints. */
    public enum StateBackend { CLUSTER, HASHMAP, ROCKSDB }

    public static final ConfigKey<StateBackend> STATE_BACKEND = ConfigKey.enumeration("state.backend", StateBackend.class, StateBackend.CLUSTER,
            "where keyed state lives: hashmap (on the heap: fastest, bounded by memory), rocksdb (on local disk: state larger than memory, "
                    + "incremental checkpoints), cluster (the cluster's own setting; the MiniCluster's is hashmap)");
    public static final ConfigKey<Boolean> STATE_INCREMENTAL = ConfigKey.bool("state.backend.incremental", true,
            "with rocksdb, checkpoint only the files changed since the last checkpoint (recovery reads more files, checkpoints write far less)");
    public static final ConfigKey<Integer> BULK_MAX_ACTIONS = ConfigKey.integer("elasticsearch.bulk.max.actions", 1000, 1, 100_000,
            "documents per bulk request");
    public static final ConfigKey<Duration> BULK_FLUSH_INTERVAL = ConfigKey.duration("elasticsearch.bulk.flush.interval", "1s", Duration.ofMillis(1),
            "longest time a document waits before its bulk request is sent");
    public static final ConfigKey<Integer> BULK_MAX_RETRIES = ConfigKey.integer("elasticsearch.bulk.max.retries", 8, 0, 100,
            "retries of a document after 429, 5xx or connection failures before the job fails");
    public static final ConfigKey<Duration> BULK_BACKOFF = ConfigKey.duration("elasticsearch.bulk.backoff", "200ms", Duration.ZERO,
            "first retry delay, doubled each retry up to 30s");

    public static final ConfigKey<KafkaTopics.Delivery> KAFKA_DELIVERY = ConfigKey.enumeration("kafka.delivery", KafkaTopics.Delivery.class,
            KafkaTopics.Delivery.EXACTLY_ONCE, "how the job writes its Kafka topics: exactly_once (Kafka transactions committed with each "
                    + "checkpoint: nothing written twice after a failure, and readers see a record once its checkpoint completes, so "
                    + "each job between a post and its alert adds up to one checkpoint interval) or at_least_once (seen at once, "
                    + "repeated after a failure)");

    public static final ConfigKey<Duration> WATERMARK_IDLE_TIMEOUT = ConfigKey.duration("watermark.idle.timeout", "5m", Duration.ofSeconds(1),
            "a posts.enriched partition without posts for this long stops holding event time back (trend and inspection jobs); "
                    + "an outage of the enrichment shorter than this changes no result, a longer one can make posts that waited arrive late. "
                    + "Partitions quiet for a while hold back the close of windows (and their alerts) at most this long");

    private static final List<ConfigKey<?>> COMMON = List.of(KAFKA_BOOTSTRAP, KAFKA_DELIVERY, WATERMARK_IDLE_TIMEOUT, ES_URLS, ES_USERNAME, ES_PASSWORD, ES_APPLY_TEMPLATES,
            CHECKPOINT_INTERVAL, BUFFER_TIMEOUT, CHECKPOINT_DIR, SAVEPOINT_DIR, STATE_BACKEND, STATE_INCREMENTAL, BULK_MAX_ACTIONS, BULK_FLUSH_INTERVAL, BULK_MAX_RETRIES, BULK_BACKOFF);

    private JobOptions() {}

    /** The common keys followed by a job's own. */
    public static ConfigKey<?>[] with(ConfigKey<?>... own) {
        List<ConfigKey<?>> all = new ArrayList<>(COMMON);
        all.addAll(Arrays.asList(own));
        return all.toArray(ConfigKey<?>[]::new);
    }

    /** How a job whose consumer group is {@code groupId} writes Kafka: its transactions are named after the group. */
    public static KafkaTopics.SinkSettings sinkSettings(Config c, String groupId) {
        return new KafkaTopics.SinkSettings(c.get(KAFKA_BOOTSTRAP), c.get(KAFKA_DELIVERY), groupId);
    }

    public static EsConnection esConnection(Config c) {
        return EsConnection.of(c.get(ES_URLS), c.get(ES_USERNAME), c.get(ES_PASSWORD));
    }

    public static BulkSettings bulkSettings(Config c) {
        return new BulkSettings(c.get(BULK_MAX_ACTIONS), BulkSettings.DEFAULTS.maxBytes(), BulkSettings.DEFAULTS.maxConcurrent(),
                c.get(BULK_FLUSH_INTERVAL), c.get(BULK_MAX_RETRIES), c.get(BULK_BACKOFF));
    }
}
