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
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.elasticsearch.client.ResponseException;

/** How far a running pipeline got, read from Kafka and Elasticsearch: the embedded stack's and the cluster rig's status line. */
public final class PipelineStatus {
    private final Admin admin;
    private final ElasticsearchClient client;

    public PipelineStatus(Admin admin, ElasticsearchClient client) {
        this.admin = admin;
        this.client = client;
    }

    /** Records in a topic so far (the sum of its partitions' end offsets). */
    public long topicSize(String topic) throws IOException {
        try {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> request = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().values().stream().mapToLong(i -> i.offset()).sum();
        } catch (ExecutionException e) {
            throw new IOException("reading the size of " + topic + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Records of {@code topic} that consumer group {@code group} has not committed yet. The
     * enrichment job commits on each completed checkpoint, after its sinks flushed, so 0 means
     * everything in the topic is in Elasticsearch and the dead-letter topic.
     */
    public long lag(String group, String topic) throws IOException {
        try {
            long committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
            return topicSize(topic) - committed;
        } catch (ExecutionException e) {
            throw new IOException("reading the offsets of group " + group + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
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

}
