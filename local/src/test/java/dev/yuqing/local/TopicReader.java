package dev.yuqing.local;

import dev.yuqing.core.deadletter.DeadLetter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the committed records of a topic from the start to its current end (the last stable offset). */
final class TopicReader {
    private TopicReader() {}

    static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic, Duration timeout) throws IOException {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        // Transactional writers (the jobs' exactly-once sinks, Connect's exactly-once sources) leave aborted records behind.
        p.put("isolation.level", "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("could not read " + topic + " to its end within " + timeout);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
            return out;
        }
    }

    static List<DeadLetter> deadLetters(String bootstrap, String topic, Duration timeout) throws IOException {
        return readAll(bootstrap, topic, timeout).stream().map(r -> {
            try {
                return DeadLetter.fromJson(r.value());
            } catch (IOException e) {
                throw new UncheckedIOException("not a dead letter at " + r.topic() + "/" + r.partition() + "@" + r.offset(), e);
            }
        }).toList();
    }
}
