package dev.yuqing.connectors.http;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the wait before retry n is initial·2^(n−1), at most {@code max},
 * of which half is fixed and half random ("equal jitter"), so that tasks that failed together
 * (a site that was down for all of them) do not come back together.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, was " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    public Duration max() {
        return max;
    }

    /** The wait before retry number {@code retry} (1 for the first). */
    public Duration delay(int retry) {
        long ceiling = initial.toMillis();
        for (int i = 1; i < retry && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(ceiling - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
