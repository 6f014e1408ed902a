package dev.yuqing.jobs.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes an element to one topic with a string key (may be null) and its JSON as value. The record
 * is stamped when written, not with the element's event time: an alert from a replay of old posts,
 * or from a timer far ahead, would otherwise be refused by the broker (more than an hour in the
 * future) or deleted at once by time-based retention (long past). Event time travels in the JSON.
 */
public final class KeyedJsonSerializer<T> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    /** The element's JSON; a named interface so that it is serialisable. */
    @FunctionalInterface
    public interface ToJson<T> extends java.io.Serializable {
        byte[] toJson(T element);
    }

    private final String topic;
    private final KeySelector<T, String> key;
    private final ToJson<T> value;

    public KeyedJsonSerializer(String topic, KeySelector<T, String> key, ToJson<T> value) {
        this.topic = topic;
        this.key = key;
        this.value = value;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        String k;
        try {
            k = key.getKey(element);
        } catch (Exception e) {
            throw new IllegalStateException("key of " + element + " could not be read", e);
        }
        return new ProducerRecord<>(topic, null, null, k == null ? null : k.getBytes(StandardCharsets.UTF_8), value.toJson(element));
    }
}
