package dev.yuqing.jobs.kafka;

import java.util.Properties;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The Kafka sources and sinks the jobs use, configured the same way everywhere. */
public final class KafkaTopics {
    private KafkaTopics() {}

    /**
     * Raw records of a topic, resuming from the group's committed offsets (committed on each
     * checkpoint) and starting from the earliest record for a new group.
     */
    public static KafkaSource<RawRecord> rawSource(String bootstrap, String topic, String groupId) {
        return source(bootstrap, topic, groupId, new RawRecordDeserializer());
    }

    /** Like {@link #rawSource}, with the job's own deserializer. */
    @SuppressWarnings("deprecation") // Kafka 4 deprecates OffsetResetStrategy; the connector still takes it
    public static <T> KafkaSource<T> source(String bootstrap, String topic, String groupId, KafkaRecordDeserializationSchema<T> deserializer) {
        return KafkaSource.<T>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(deserializer)
                .setProperty("partition.discovery.interval.ms", "30000")
                // Only what a transaction committed: the upstream job's exactly-once sink or Connect's
                // exactly-once source leave the records of aborted attempts behind.
                .setProperty("isolation.level", "read_committed")
                .build();
    }

    /**
     * How a job writes to Kafka: exactly once (Kafka transactions committed with each checkpoint,
     * so that a job restored from a checkpoint writes nothing twice; downstream readers see a record
     * once its checkpoint completes) or at least once (records visible at once, repeated after a
     * restore; readers must then de-duplicate by key).
     */
    public enum Delivery { EXACTLY_ONCE, AT_LEAST_ONCE }

    /**
     * Where and how one job's sinks write.
     *
     * @param transactionalIdPrefix unique per job on the Kafka cluster and stable across its restarts and
     *                              upgrades: a restored job aborts the transactions its earlier run left open under it
     */
    public record SinkSettings(String bootstrapServers, Delivery delivery, String transactionalIdPrefix) {
        public SinkSettings {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalArgumentException("bootstrapServers must be set");
            }
            if (delivery == Delivery.EXACTLY_ONCE && (transactionalIdPrefix == null || transactionalIdPrefix.isBlank())) {
                throw new IllegalArgumentException("exactly-once delivery needs a transactional id prefix");
            }
        }
    }

    /**
     * A brokers' default longest transaction (transaction.max.timeout.ms, 15 min); the sink's own
     * default (1 h) is refused by such a broker. A transaction spans one checkpoint interval.
     */
    static final String TRANSACTION_TIMEOUT_MS = "900000";

    /** A JSON sink keyed by {@code key}, delivering as {@code sink} says; each topic its own transactions. */
    public static <T> KafkaSink<T> jsonSink(SinkSettings sink, String topic, KeySelector<T, String> key, KeyedJsonSerializer.ToJson<T> value) {
        Properties p = new Properties();
        p.setProperty("enable.idempotence", "true");
        p.setProperty("acks", "all");
        p.setProperty("linger.ms", "20");
        var builder = KafkaSink.<T>builder()
                .setBootstrapServers(sink.bootstrapServers())
                .setRecordSerializer(new KeyedJsonSerializer<>(topic, key, value));
        if (sink.delivery() == Delivery.EXACTLY_ONCE) {
            p.setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS);
            builder.setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).setTransactionalIdPrefix(sink.transactionalIdPrefix() + "-" + topic);
        } else {
            builder.setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE);
        }
        return builder.setKafkaProducerConfig(p).build();
    }
}
