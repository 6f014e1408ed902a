package dev.yuqing.core.alerting;

import java.io.Serializable;
import java.time.Duration;

/** Retries with exponential backoff: {@code initial}, doubled each attempt, at most {@code max}; {@code attempts} tries in all. */
public record Backoff(int attempts, Duration initial, Duration max) implements Serializable {
    public Backoff {
        if (attempts < 1 || initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs attempts ≥ 1 and 0 ≤ initial ≤ max");
        }
    }

    /** Wait before try {@code attempt + 1}, after {@code attempt} (≥ 1) failures. */
    public Duration delayAfter(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 30);
        long millis = initial.toMillis() > max.toMillis() / factor ? max.toMillis() : initial.toMillis() * factor;
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** The longest all attempts can wait in total, not counting the attempts themselves. */
    public Duration totalDelay() {
        Duration sum = Duration.ZERO;
        for (int i = 1; i < attempts; i++) {
            sum = sum.plus(delayAfter(i));
        }
        return sum;
    }
}
