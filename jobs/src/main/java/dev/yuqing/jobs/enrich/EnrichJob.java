package dev.yuqing.jobs.enrich;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.jobs.JobOptions;
import dev.yuqing.jobs.Jobs;
import dev.yuqing.jobs.elasticsearch.ElasticsearchSink;
import dev.yuqing.jobs.kafka.KafkaTopics;
import dev.yuqing.jobs.kafka.PartitionKeys;
import dev.yuqing.jobs.kafka.RawRecord;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * posts.raw → parse and validate (invalid → posts.dlq) → de-duplicate by id → analysis
 * (segmentation, keywords, harmful content) → Elasticsearch and posts.enriched; content alerts → alerts. The job takes its source and sinks, so tests run
 * the same topology on other ends; {@link #main} only wires.
 */
public final class EnrichJob {
    public static final String NAME = "yuqing-enrich";
    private static final Logger LOG = LoggerFactory.getLogger(EnrichJob.class);

    private final Source<RawRecord, ?, ?> source;
    private final Sink<EnrichedPost> index;
    private final Sink<EnrichedPost> enriched;
    private final Sink<DeadLetter> deadLetters;
    private final Sink<Alert> alerts;
    private final Duration dedupTtl;
    private final AnalyzePost analyze;

    public EnrichJob(Source<RawRecord, ?, ?> source, Sink<EnrichedPost> index, Sink<EnrichedPost> enriched,
                     Sink<DeadLetter> deadLetters, Sink<Alert> alerts, Duration dedupTtl, AnalyzePost analyze) {
        this.source = source;
        this.index = index;
        this.enriched = enriched;
        this.deadLetters = deadLetters;
        this.alerts = alerts;
        this.dedupTtl = dedupTtl;
        this.analyze = analyze;
    }

    /** Adds the topology to {@code env}. */
    public void build(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<ParsedPost> posts = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "posts.raw").uid("enrich-raw-source")
                .process(new ParsePost()).name("parse and validate").uid("enrich-parse");
        posts.getSideOutput(ParsePost.DEAD_LETTERS).sinkTo(deadLetters).name("dead letters").uid("enrich-dead-letter-sink");

        // One partition of posts.raw, one subtask, in its order, to the same partition of posts.enriched (see DeduplicatePosts).
        PartitionKeys partitions = PartitionKeys.of(parallelismOf(env), PartitionKeys.MAX_PARALLELISM);
        DataStream<EnrichedPost> analysed = posts
                .keyBy(p -> partitions.keyOf(p.partition(), p.post().id()), Types.INT)
                .process(new DeduplicatePosts(dedupTtl)).name("de-duplicate").uid("enrich-dedup-by-bucket")
                .setMaxParallelism(PartitionKeys.MAX_PARALLELISM)
                .map(analyze).name("analyse text").uid("enrich-analyze");
        analysed.sinkTo(index).name("elasticsearch").uid("enrich-es-sink");
        analysed.sinkTo(enriched).name("posts.enriched").uid("enrich-enriched-sink");
        analysed.flatMap(new ContentAlertsFunction()).name("content alerts").uid("enrich-content-alerts")
                .sinkTo(alerts).name("alerts").uid("enrich-alerts-sink");
    }

    /**
     * The parallelism the partitions are spread for. Left to the cluster's default (-1), it is not
     * known here: the order holds all the same (each partition's keys share one key group), but the
     * partitions may then crowd on few subtasks.
     */
    private static int parallelismOf(StreamExecutionEnvironment env) {
        if (env.getParallelism() < 1) {
            LOG.warn("No parallelism set for {}: its posts.raw partitions may crowd on few subtasks; set parallelism.default", NAME);
            return 1;
        }
        return env.getParallelism();
    }

    /** The job on Kafka and Elasticsearch as configured. */
    public static EnrichJob fromConfig(Config c) {
        String bootstrap = c.get(JobOptions.KAFKA_BOOTSTRAP);
        KafkaTopics.SinkSettings sink = JobOptions.sinkSettings(c, c.get(EnrichOptions.GROUP_ID));
        String dlq = c.get(EnrichOptions.DLQ_TOPIC);
        ElasticsearchSink<EnrichedPost> es = ElasticsearchSink.<EnrichedPost>builder()
                .connection(JobOptions.esConnection(c))
                .mapper(new PostDocuments(c.get(EnrichOptions.INDEX_PREFIX)))
                .settings(JobOptions.bulkSettings(c))
                .failureHandler(new DeadLetterHandler(bootstrap, dlq))
                .build();
        return new EnrichJob(
                KafkaTopics.rawSource(bootstrap, c.get(EnrichOptions.INPUT_TOPIC), c.get(EnrichOptions.GROUP_ID)),
                es,
                KafkaTopics.jsonSink(sink, c.get(EnrichOptions.OUTPUT_TOPIC), e -> e.post().id(), EnrichedPost::toJson),
                KafkaTopics.jsonSink(sink, dlq, DeadLetter::key, DeadLetter::toJson),
                KafkaTopics.jsonSink(sink, c.get(EnrichOptions.ALERTS_TOPIC), Alert::id, Alert::toJson),
                c.get(EnrichOptions.DEDUP_TTL),
                new AnalyzePost(c.get(EnrichOptions.LEXICON_DIR), c.get(EnrichOptions.LEXICON_RELOAD)));
    }

    public static void main(String[] args) throws Exception {
        Jobs.run(EnrichOptions.DEF, args, NAME, c -> fromConfig(c)::build);
    }
}
