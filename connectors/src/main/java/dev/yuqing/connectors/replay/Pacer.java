package dev.yuqing.connectors.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.post.PostTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Holds records back so that they leave at {@code speed} times the pace of their published times:
 * at speed 60 an hour of posts takes a minute. Speed 0 means as fast as possible. The first timed
 * record fixes the origin; records without a time, or earlier than the origin, are not held.
 */
final class Pacer {
    /** Sleeps; a separate interface so that tests run the pacer on a fake clock. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private static final long MAX_SLEEP_MILLIS = 200; // so that stop() is noticed promptly

    private final double speed;
    private final LongSupplier nowMillis;
    private final Sleeper sleeper;
    private final BooleanSupplier running;
    private Instant origin;
    private long originMillis;

    Pacer(double speed, LongSupplier nowMillis, Sleeper sleeper, BooleanSupplier running) {
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("speed must be 0 or positive, was " + speed);
        }
        this.speed = speed;
        this.nowMillis = nowMillis;
        this.sleeper = sleeper;
        this.running = running;
    }

    /** Returns when the record published at {@code publishedAt} is due (null: at once). */
    void await(Instant publishedAt) throws InterruptedException {
        long wait = delayMillis(publishedAt);
        while (wait > 0 && running.getAsBoolean()) {
            sleeper.sleep(Math.min(wait, MAX_SLEEP_MILLIS));
            wait = delayMillis(publishedAt);
        }
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
