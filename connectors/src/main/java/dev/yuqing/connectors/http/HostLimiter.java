package dev.yuqing.connectors.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Politeness per host: at most {@code maxConcurrent} requests to one host at a time, and their
 * starts at least {@code minDelay} apart. Small government sites run on one server; a crawler
 * that fetches a column's twenty pages at once looks like an attack to their firewalls.
 */
public final class HostLimiter {
    /** Waits; true when the wait ended because the task is stopping. */
    @FunctionalInterface
    public interface Sleeper {
        boolean sleep(Duration duration) throws InterruptedException;
    }

    /** A turn at a host; closing it lets the next request to the host go. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final Duration minDelay;
    private final int maxConcurrent;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextStart = new HashMap<>();

    public HostLimiter(Duration minDelay, int maxConcurrent, Clock clock, Sleeper sleeper) {
        if (minDelay.isNegative() || maxConcurrent < 1) {
            throw new IllegalArgumentException("a host limiter needs a delay >= 0 and at least one request at a time, was "
                    + minDelay + " and " + maxConcurrent);
        }
        this.minDelay = minDelay;
        this.maxConcurrent = maxConcurrent;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits for a turn at {@code host}; null when the task stopped meanwhile. */
    public Permit acquire(String host) throws InterruptedException {
        Semaphore slots = inFlight.computeIfAbsent(host, h -> new Semaphore(maxConcurrent, true));
        slots.acquire();
        Instant now;
        Instant start;
        synchronized (nextStart) {
            now = clock.instant();
            Instant next = nextStart.get(host);
            start = next == null || next.isBefore(now) ? now : next;
            nextStart.put(host, start.plus(minDelay));
        }
        Duration wait = Duration.between(now, start);
        if (!wait.isZero() && sleeper.sleep(wait)) {
            slots.release();
            return null;
        }
        return slots::release;
    }
}
