package dev.yuqing.local.cluster;

import dev.yuqing.core.deadletter.DeadLetter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The committed records of a topic counted by key (or another identity), read from the start to the last stable offset:
 * more records than keys means something was written twice.
 *
 * @param counts records per key
 */
public record KeyTally(String topic, Map<String, Integer> counts) {
    /** What makes two records the same. */
    public interface Identity {
        String of(ConsumerRecord<byte[], byte[]> record);
    }

    /** The record key. */
    public static final Identity KEY = r -> r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);

    /** A dead letter's stage, reason and raw bytes: malformed lines may share a key, or have none. */
    public static final Identity DEAD_LETTER = r -> {
        try {
            DeadLetter d = DeadLetter.fromJson(r.value());
            return d.stage() + " | " + d.reason() + " | " + d.raw();
        } catch (IOException e) {
            return "unreadable at " + r.partition() + "@" + r.offset();
        }
    };

    public static KeyTally read(String bootstrapServers, String topic, Duration timeout) {
        return read(bootstrapServers, topic, timeout, KEY);
    }

    public static KeyTally read(String bootstrapServers, String topic, Duration timeout, Identity identity) {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    counts.merge(identity.of(r), 1, Integer::sum);
                }
            }
        }
        return new KeyTally(topic, counts);
    }

    public long records() {
        return counts.values().stream().mapToLong(Integer::longValue).sum();
    }

    public int keys() {
        return counts.size();
    }

    /** Records beyond the first of their key. */
    public long repeats() {
        return records() - keys();
    }
}
