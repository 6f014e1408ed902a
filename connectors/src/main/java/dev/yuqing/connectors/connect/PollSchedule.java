package dev.yuqing.connectors.connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a polling task next asks its source: every poll interval, or later when the source asked
 * for it (a long Retry-After). A task's {@code poll()} waits here at most a second at a time, so
 * that it hands control back to the worker (pause, offset commits) and stops at once.
 */
public final class PollSchedule {
    private static final Duration MAX_IDLE = Duration.ofSeconds(1);

    private final Duration interval;
    private final StopSignal stop;
    private final Clock clock;
    private Instant next;

    public PollSchedule(Duration interval, StopSignal stop, Clock clock) {
        this.interval = interval;
        this.stop = stop;
        this.clock = clock;
        this.next = clock.instant();
    }

    /**
     * True when the source is due (and the task not stopped); the task then asks it and calls
     * {@link #asked}. Else waits until it is due, at most a second, and returns false.
     */
    public boolean due() throws InterruptedException {
        Duration wait = Duration.between(clock.instant(), next);
        if (!wait.isNegative() && !wait.isZero()) {
            stop.await(wait.compareTo(MAX_IDLE) < 0 ? wait : MAX_IDLE);
            return false;
        }
        if (stop.isStopped()) {
            return false;
        }
        return true;
    }

    /** The source was asked (retries and paging included): the next time is one interval from now, or later if it asked so. */
    public void asked() {
        notBefore(clock.instant().plus(interval));
    }

    /** Not before {@code notBefore} (null: no wish), when that is later than planned; before or after {@link #asked}. */
    public void notBefore(Instant notBefore) {
        if (notBefore != null && notBefore.isAfter(next)) {
            next = notBefore;
        }
    }

    /** The time the source is next asked. */
    public Instant next() {
        return next;
    }
}
