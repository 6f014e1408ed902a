package dev.yuqing.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class KeyedJsonSerializerTest {
    @Test
    void recordsAreStampedWhenWrittenNotWithTheirEventTime() {
        KeyedJsonSerializer<String> s = new KeyedJsonSerializer<>("alerts", v -> "k-" + v, v -> v.getBytes(StandardCharsets.UTF_8));
        // An alert found in a replay of 2018 posts, or raised by a timer a year ahead: the broker
        // refuses timestamps over an hour in the future, and time retention deletes old ones at once.
        ProducerRecord<byte[], byte[]> r = s.serialize("{}", null, 1_524_000_000_000L);
        assertThat(r.timestamp()).isNull();
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("k-{}");
        assertThat(r.topic()).isEqualTo("alerts");
    }
}
