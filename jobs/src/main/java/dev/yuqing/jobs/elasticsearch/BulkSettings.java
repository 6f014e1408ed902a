package dev.yuqing.jobs.elasticsearch;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the sink batches and retries.
 *
 * @param maxActions     documents per bulk request
 * @param maxBytes       bytes per bulk request
 * @param maxConcurrent  bulk requests in flight at once
 * @param flushInterval  longest time a document waits in the buffer
 * @param maxRetries     retries of a document after a transient failure (429, 5xx, connection)
 * @param initialBackoff first retry delay; doubles each retry, at most 30 s
 */
public record BulkSettings(int maxActions, long maxBytes, int maxConcurrent, Duration flushInterval, int maxRetries,
                           Duration initialBackoff) implements Serializable {
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public static final BulkSettings DEFAULTS = new BulkSettings(1000, 5L << 20, 2, Duration.ofSeconds(1), 8, Duration.ofMillis(200));

    public BulkSettings {
        require(maxActions >= 1, "maxActions must be at least 1, was " + maxActions);
        require(maxBytes >= 1024, "maxBytes must be at least 1024, was " + maxBytes);
        require(maxConcurrent >= 1, "maxConcurrent must be at least 1, was " + maxConcurrent);
        require(flushInterval != null && !flushInterval.isNegative() && !flushInterval.isZero(), "flushInterval must be positive, was " + flushInterval);
        require(maxRetries >= 0, "maxRetries must not be negative, was " + maxRetries);
        require(initialBackoff != null && !initialBackoff.isNegative(), "initialBackoff must not be negative, was " + initialBackoff);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Delay before retry number {@code attempt} (0-based). */
    Duration backoff(int attempt) {
        Duration d = initialBackoff.multipliedBy(1L << Math.min(attempt, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
