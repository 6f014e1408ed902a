package dev.yuqing.connectors.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.yuqing.core.Topics;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.source.SourceHeartbeat;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A polling task's heartbeat: after each poll that asked its source, one {@link SourceHeartbeat}
 * to {@code health.topic} keyed by the account, saying whether the source was read and when it
 * last was, so that inspection tells a column that stopped publishing from one no longer read.
 *
 * <p>The heartbeat is the poll's last record, in the task's own source partition, carrying the
 * offset the poll ends with (what its last record would carry anyway) plus {@value #LAST_SUCCESS}:
 * Connect commits it in order after the poll's posts, so it never moves the posts' cursor ahead of
 * them, and the last success survives a restart.
 */
public final class SourceHealth {
    public static final String HEALTH_TOPIC = "health.topic";
    /** The offset key of the last successful read. */
    static final String LAST_SUCCESS = "lastSuccess";

    private final String topic;
    private final String account;
    private final String connector;
    private final Clock clock;
    private Instant lastSuccess;

    /**
     * @param topic     the health topic; empty: no heartbeats
     * @param connector the connector's name
     * @param offset    the offset the task starts from (null: none), for the last success
     */
    public SourceHealth(String topic, String account, String connector, Map<String, Object> offset, Clock clock) {
        this.topic = topic;
        this.account = account;
        this.connector = connector;
        this.clock = clock;
        this.lastSuccess = offset != null && offset.get(LAST_SUCCESS) instanceof String s ? parse(s) : null;
    }

    /** Adds {@code health.topic} to a connector's definition: every connector that polls one account's source has it. */
    public static ConfigDef define(ConfigDef definition) {
        return definition.define(HEALTH_TOPIC, Type.STRING, Topics.SOURCE_HEALTH, ConfigValidators.optionalTopicName(), Importance.LOW,
                "topic for the task's heartbeat after each poll of its source, as JSON SourceHeartbeat keyed by the account "
                        + "(whether the source was read, the error if not, the last successful read), so that inspection can "
                        + "report a source not read instead of a column not updated; empty: no heartbeats");
    }

    /** The configured health topic, empty when heartbeats are off. */
    public static String topic(AbstractConfig config) {
        return config.getString(HEALTH_TOPIC);
    }

    /** The connector's name from a task's properties (Connect puts it there), else {@code fallback}. */
    public static String connectorName(Map<String, String> props, String fallback) {
        String name = props.get("name");
        return name == null || name.isBlank() ? fallback : name;
    }

    /** The last successful read, if any is known. */
    public Instant lastSuccess() {
        return lastSuccess;
    }

    /**
     * The poll's records followed by its heartbeat (none when heartbeats are off); null when there
     * is nothing to send, as a task's {@code poll()} returns it.
     *
     * @param records   the poll's records, or null
     * @param error     why the source was not read; null when it was (even without anything new)
     * @param partition the task's source partition
     * @param offset    the offset the poll ends with
     */
    public List<SourceRecord> after(List<SourceRecord> records, String error, Map<String, ?> partition, Map<String, ?> offset) {
        Instant now = clock.instant();
        if (error == null) {
            lastSuccess = now;
        }
        if (topic.isEmpty()) {
            return records == null || records.isEmpty() ? null : records;
        }
        SourceHeartbeat beat = new SourceHeartbeat(account, connector, now, error == null, error == null ? "" : error, lastSuccess);
        byte[] value;
        try {
            value = Json.MAPPER.writeValueAsBytes(beat);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a SourceHeartbeat always serialises", e);
        }
        Map<String, Object> withLast = new HashMap<>(offset);
        if (lastSuccess != null) {
            withLast.put(LAST_SUCCESS, lastSuccess.toString());
        }
        List<SourceRecord> out = records == null ? new ArrayList<>() : new ArrayList<>(records);
        out.add(new SourceRecord(partition, withLast, topic, null, Schema.OPTIONAL_BYTES_SCHEMA,
                account.getBytes(StandardCharsets.UTF_8), Schema.BYTES_SCHEMA, value, null));
        return out;
    }

    private static Instant parse(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeException e) {
            return null; // an offset set by hand: the next successful read sets it
        }
    }
}
