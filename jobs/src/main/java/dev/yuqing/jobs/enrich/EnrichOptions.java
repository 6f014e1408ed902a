package dev.yuqing.jobs.enrich;

import dev.yuqing.core.Topics;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import dev.yuqing.jobs.JobOptions;
import java.time.Duration;

/** Settings of {@link EnrichJob}, beside the {@link JobOptions} every job reads. */
public final class EnrichOptions {
    public static final ConfigKey<String> GROUP_ID = ConfigKey.string("enrich.group.id", "yuqing-enrich",
            "Kafka consumer group of the job; offsets are committed on each checkpoint");
    public static final ConfigKey<String> INPUT_TOPIC = ConfigKey.string("enrich.input.topic", Topics.POSTS_RAW,
            "topic of raw posts");
    public static final ConfigKey<String> OUTPUT_TOPIC = ConfigKey.string("enrich.output.topic", Topics.POSTS_ENRICHED,
            "topic of enriched posts");
    public static final ConfigKey<String> DLQ_TOPIC = ConfigKey.string("enrich.dlq.topic", Topics.POSTS_DLQ,
            "topic for records that are not valid posts or that Elasticsearch refuses");
    public static final ConfigKey<String> ALERTS_TOPIC = ConfigKey.string("enrich.alerts.topic", Topics.ALERTS,
            "topic for alerts raised by a post's content (harmful information, personal data, classified markings)");
    public static final ConfigKey<String> INDEX_PREFIX = ConfigKey.string("enrich.index.prefix", "yuqing-posts",
            "posts go to PREFIX-yyyy.MM by published month (China time)");
    public static final ConfigKey<Duration> DEDUP_TTL = ConfigKey.duration("enrich.dedup.ttl", "7d", Duration.ofMinutes(1),
            "how long a post id is remembered to drop repeats");

    public static final ConfigKey<String> LEXICON_DIR = ConfigKey.optionalString("enrich.lexicon.dir",
            "directory of harmful-content lexicons (one file per category, allow.txt, evidence.properties) replacing the shipped ones; reloaded on change");
    public static final ConfigKey<Duration> LEXICON_RELOAD = ConfigKey.duration("enrich.lexicon.reload.interval", "1m", Duration.ZERO,
            "how often the lexicon directory is checked for changes");

    public static final ConfigDef DEF = new ConfigDef("enrich job", JobOptions.with(
            GROUP_ID, INPUT_TOPIC, OUTPUT_TOPIC, DLQ_TOPIC, ALERTS_TOPIC, INDEX_PREFIX, DEDUP_TTL, LEXICON_DIR, LEXICON_RELOAD));

    private EnrichOptions() {}
}
