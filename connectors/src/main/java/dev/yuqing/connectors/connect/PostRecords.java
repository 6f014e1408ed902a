package dev.yuqing.connectors.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.post.InvalidPostException;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.PostJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a source read into Connect records: a valid post to the posts topic as JSON
 * {@link Post} keyed by its id, anything else to the dead-letter topic as a {@link DeadLetter}
 * with the field and the reason. A task can write to Kafka only through its records, so the dead
 * letter is a record too, and carries the source offset like a post: once it is written, the
 * item counts as handled and is not read again after a restart.
 */
public final class PostRecords {
    private static final Logger LOG = LoggerFactory.getLogger(PostRecords.class);
    /** Keys are the post id's UTF-8 bytes (absent for a dead letter without one). */
    static final Schema KEY_SCHEMA = Schema.OPTIONAL_BYTES_SCHEMA;
    /** Values are the JSON bytes, written as they are by the ByteArrayConverter the connectors require. */
    static final Schema VALUE_SCHEMA = Schema.BYTES_SCHEMA;

    /**
     * Where a record stands in its source, for Connect's offset store.
     *
     * @param partition the source (a feed URL, a file)
     * @param offset    the source's cursor after this record
     */
    public record Position(Map<String, ?> partition, Map<String, ?> offset) {}

    private final PostJson json = new PostJson();
    private final String topic;
    private final String dlqTopic;
    private final SourceMetrics metrics;
    private final Clock clock;

    public PostRecords(String topic, String dlqTopic, SourceMetrics metrics, Clock clock) {
        this.topic = topic;
        this.dlqTopic = dlqTopic;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * A post record when {@code fields} make a valid post (core's {@link PostJson} checks every
     * field, as the job would), else a dead letter naming the field.
     *
     * @param origin where the item came from, for the dead letter (file:line, feed#item-3)
     * @param raw    the item as the source gave it, for the dead letter
     */
    public SourceRecord post(ObjectNode fields, String origin, byte[] raw, Position position) {
        Post post;
        try {
            post = json.read(fields);
        } catch (InvalidPostException e) {
            JsonNode id = fields.get("id");
            return deadLetter(e.field(), e.reason(), origin, id == null || !id.isValueNode() ? null : id.asText(), raw, position);
        }
        metrics.post(post.publishedAt(), clock.instant());
        return new SourceRecord(position.partition(), position.offset(), topic, null,
                KEY_SCHEMA, post.id().getBytes(StandardCharsets.UTF_8), VALUE_SCHEMA, json.write(post), null);
    }

    /** A dead-letter record (stage {@code connector}) for an item that cannot become a post. */
    public SourceRecord deadLetter(String field, String reason, String origin, String key, byte[] raw, Position position) {
        DeadLetter dl = DeadLetter.of("connector", field, reason, origin, key, raw, clock.instant());
        metrics.deadLetter();
        LOG.warn("Dead-lettered {}: {}: {}", origin, field, reason);
        return new SourceRecord(position.partition(), position.offset(), dlqTopic, null,
                KEY_SCHEMA, key == null ? null : key.getBytes(StandardCharsets.UTF_8), VALUE_SCHEMA, dl.toJson(), null);
    }
}
