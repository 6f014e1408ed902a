package dev.yuqing.jobs.kafka;

/**
 * A Kafka record as it arrived, before anything is parsed, so a record that fails later can be
 * dead-lettered byte for byte with where it came from.
 */
public record RawRecord(String topic, int partition, long offset, String key, byte[] value) {

    public String origin() {
        return topic + "/" + partition + "@" + offset;
    }
}
