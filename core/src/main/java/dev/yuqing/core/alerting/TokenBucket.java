package dev.yuqing.core.alerting;

/**
 * A token bucket per channel: {@code capacity} messages at once, refilled at {@code rate}
 * per second. Callers reserve a token and are told how long to wait for it, so messages are
 * delayed rather than dropped. Time is passed in (nanoseconds of a monotonic clock) so the logic
 * is testable; thread-safe.
 */
public final class TokenBucket {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    public TokenBucket(RateLimit limit, long nowNanos) {
        this.capacity = limit.burst();
        this.perNano = (double) limit.messages() / limit.per().toNanos();
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes a token, going into debt when none is left; returns the nanoseconds to wait before sending. */
    public synchronized long reserve(long nowNanos) {
        refill(nowNanos);
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
    }

    /** Tokens available now (negative while reservations are outstanding). */
    public synchronized double available(long nowNanos) {
        refill(nowNanos);
        return tokens;
    }

    private void refill(long nowNanos) {
        if (nowNanos > last) {
            tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
            last = nowNanos;
        }
    }
}
