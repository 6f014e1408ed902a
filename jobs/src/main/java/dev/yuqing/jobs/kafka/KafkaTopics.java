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
                .build();
    }

    /** At-least-once JSON sink; consumers de-duplicate by key. */
    public static <T> KafkaSink<T> jsonSink(String bootstrap, String topic, KeySelector<T, String> key, KeyedJsonSerializer.ToJson<T> value) {
        Properties p = new Properties();
        p.setProperty("enable.idempotence", "true");
        p.setProperty("acks", "all");
        p.setProperty("linger.ms", "20");
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrap)
                .setKafkaProducerConfig(p)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer(new KeyedJsonSerializer<>(topic, key, value))
                .build();
    }
}
