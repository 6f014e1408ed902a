package dev.yuqing.local;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import dev.yuqing.core.Topics;
import dev.yuqing.dashboards.IndexTemplates;
import dev.yuqing.jobs.enrich.EnrichOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.elasticsearch.client.ResponseException;

/** How far a running pipeline got, read from Kafka and Elasticsearch: the embedded stack's and the cluster rig's status line. */
public final class PipelineStatus implements AutoCloseable {
    /**
     * A gap between a group's offset and the end up to this many offsets is read to count its
     * records (it may hold only commit markers); a wider one is taken as records, markers and all:
     * a backlog, whose exact size does not matter, is not read every time the status is asked.
     */
    private static final long SCAN_LIMIT = 1_000;

    private final String bootstrapServers;
    private final Admin admin;
    private final ElasticsearchClient client;
    /** Guarded by this, as the consumers below. */
    private final Map<String, CommittedCount> counters = new java.util.HashMap<>();
    private KafkaConsumer<byte[], byte[]> scanner;

    public PipelineStatus(String bootstrapServers, Admin admin, ElasticsearchClient client) {
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
        this.client = client;
    }

    /**
     * Records in a topic so far that a read_committed consumer sees. Not the end offsets: transactional
     * writers (the jobs' exactly-once sinks, Connect's exactly-once sources) leave commit markers and
     * aborted records that take offsets but are no records. Counted incrementally, each record once.
     */
    public synchronized long topicSize(String topic) throws IOException {
        CommittedCount counter = counters.get(topic);
        if (counter == null) {
            counter = new CommittedCount(new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer()), topic);
            counters.put(topic, counter);
        }
        return counter.count();
    }

    /**
     * Committed records of {@code topic} after the offsets consumer group {@code group} committed. The
     * enrichment job commits on each completed checkpoint, after its sinks flushed, so 0 means
     * everything in the topic is in Elasticsearch and the dead-letter topic. A commit marker after a
     * group's committed offset is no record, so it counts nothing (Flink's Kafka source commits the
     * offset after its last record, not after the marker).
     */
    public synchronized long lag(String group, String topic) throws IOException {
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        } catch (ExecutionException e) {
            throw new IOException("reading the offsets of group " + group + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (scanner == null) {
            scanner = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        try {
            List<TopicPartition> partitions = scanner.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            if (!scanner.assignment().equals(new java.util.HashSet<>(partitions))) {
                scanner.assign(partitions);
            }
            Map<TopicPartition, Long> end = scanner.endOffsets(partitions);
            long behind = 0;
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata at = committed.get(tp);
                long from = at == null ? 0 : at.offset();
                if (from < end.get(tp)) {
                    behind += recordsBetween(tp, from, end.get(tp));
                }
            }
            return behind;
        } catch (KafkaException e) {
            throw new IOException("reading " + topic + " failed", e);
        }
    }

    /** Committed records in [from, to) of one partition; a gap wider than {@link #SCAN_LIMIT} is estimated by offsets. */
    private long recordsBetween(TopicPartition tp, long from, long to) {
        if (to - from > SCAN_LIMIT) {
            return to - from;
        }
        scanner.pause(scanner.assignment());
        scanner.resume(List.of(tp));
        scanner.seek(tp, from);
        long records = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (scanner.position(tp) < to) {
            if (System.nanoTime() > deadline) {
                return records + (to - scanner.position(tp));
            }
            for (var r : scanner.poll(Duration.ofMillis(200)).records(tp)) {
                if (r.offset() < to) {
                    records++;
                }
            }
        }
        return records;
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    }

    /** Reads one topic from the start with read_committed, counting records; each call continues where the last stopped. */
    private static final class CommittedCount {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final String topic;
        private long count;

        CommittedCount(KafkaConsumer<byte[], byte[]> consumer, String topic) {
            this.consumer = consumer;
            this.topic = topic;
        }

        long count() throws IOException {
            try {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
                if (!consumer.assignment().containsAll(partitions)) {
                    List<TopicPartition> added = partitions.stream().filter(tp -> !consumer.assignment().contains(tp)).toList();
                    List<TopicPartition> all = new java.util.ArrayList<>(consumer.assignment());
                    all.addAll(added);
                    consumer.assign(all);
                    consumer.seekToBeginning(added);
                }
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                    count += consumer.poll(Duration.ofMillis(200)).count();
                }
                return count;
            } catch (KafkaException e) {
                throw new IOException("counting the records of " + topic + " failed", e);
            }
        }
    }

    /** Documents searchable in the posts indices now. */
    public long indexedPosts() throws IOException {
        return count(IndexTemplates.POSTS + "-*");
    }

    /**
     * Documents in the indices {@code pattern} matches. The sink creates monthly indices as posts
     * come, and a count that meets one whose shard has not started fails (503): it waits for their
     * shards first, and when an index was created between that wait and the count, waits and
     * counts again, for at most 30 s in all.
     */
    long count(String pattern) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            client.cluster().health(h -> h.index(pattern).waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("30s")));
            try {
                return client.count(c -> c.index(pattern)).count();
            } catch (ResponseException e) {
                if (e.getResponse().getStatusLine().getStatusCode() != 503 || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    /** Makes everything indexed so far searchable. */
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(IndexTemplates.POSTS + "-*").allowNoIndices(true));
    }

    /** What the one-line status shows; {@code behind} counts posts the enrichment has not checkpointed yet. */
    public record Summary(long postsIn, long indexed, long deadLetters, long alerts, long behind) {
        @Override
        public String toString() {
            return "posts in " + postsIn + " | indexed " + indexed + " | dead letters " + deadLetters + " | alerts " + alerts
                    + " | behind " + behind;
        }
    }

    public Summary summary() throws IOException {
        return new Summary(topicSize(Topics.POSTS_RAW), indexedPosts(), topicSize(Topics.POSTS_DLQ), topicSize(Topics.ALERTS),
                lag(EnrichOptions.GROUP_ID.defaultValue(), Topics.POSTS_RAW));
    }


    /** Closes its consumers; the admin and Elasticsearch clients belong to the caller. */
    @Override
    public synchronized void close() {
        counters.values().forEach(c -> c.consumer.close(Duration.ofSeconds(5)));
        counters.clear();
        if (scanner != null) {
            scanner.close(Duration.ofSeconds(5));
            scanner = null;
        }
    }
}
