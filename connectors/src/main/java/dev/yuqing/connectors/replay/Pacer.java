package dev.yuqing.connectors.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.post.PostTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Says when each record is due so that records leave at {@code speed} times the pace of their
 * published times: at speed 60 an hour of posts takes a minute. Speed 0 means as fast as possible.
 * The first timed record fixes the origin; records without a time, or earlier than the origin, are
 * due at once.
 */
final class Pacer {
    private final double speed;
    private final LongSupplier nowMillis;
    private Instant origin;
    private long originMillis;

    Pacer(double speed, LongSupplier nowMillis) {
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("speed must be 0 or positive, was " + speed);
        }
        this.speed = speed;
        this.nowMillis = nowMillis;
    }

    /**
     * Milliseconds until the record published at {@code publishedAt} is due, 0 when it is (a
     * Connect task asks without sleeping, so that it can hand control back to its worker).
     */
    long delayMillis(Instant publishedAt) {
        if (speed == 0 || publishedAt == null) {
            return 0;
        }
        if (origin == null) {
            origin = publishedAt;
            originMillis = nowMillis.getAsLong();
            return 0;
        }
        long due = originMillis + (long) (Duration.between(origin, publishedAt).toMillis() / speed);
        return Math.max(0, due - nowMillis.getAsLong());
    }

    /** The published time for pacing; the post is validated elsewhere, here an unreadable time only means no wait. */
    static Instant publishedAt(JsonNode value) {
        return value != null && value.isTextual() ? PostTimes.parse(value.asText(), PostTimes.CHINA).orElse(null) : null;
    }
}
