package dev.yuqing.connectors.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A circuit breaker per host: after {@code failureThreshold} fetches in a row that failed (each
 * after its own retries), the host is left alone for {@code openFor}; requests meanwhile are
 * refused at once with the time to come back. Then one trial request goes out (half-open): its
 * success closes the circuit, its failure opens it again. A site that is down is thus asked once
 * per {@code openFor}, not once per item and retry.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    /**
     * @param failureThreshold failed fetches in a row that open the circuit
     * @param openFor          how long an open circuit refuses requests before a trial
     */
    public record Settings(int failureThreshold, Duration openFor) {
        public Settings {
            if (failureThreshold < 1 || openFor.isNegative()) {
                throw new IllegalArgumentException("a breaker needs a threshold >= 1 and a non-negative open time, was "
                        + failureThreshold + " and " + openFor);
            }
        }
    }

    /**
     * Why a request was not let through.
     *
     * @param reason    for the log and the fetch result
     * @param notBefore when the host may be asked again
     */
    public record Refused(String reason, Instant notBefore) {}

    /** One host's state: consecutive failures, until when it is open, whether its trial request is out. */
    private record Host(State state, int failures, Instant openUntil, boolean trialOut) {}

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Host> hosts = new HashMap<>();

    public CircuitBreaker(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** A breaker that never opens, for callers that do their own failure handling. */
    public static CircuitBreaker disabled(Clock clock) {
        return new CircuitBreaker(new Settings(Integer.MAX_VALUE, Duration.ZERO), clock);
    }

    /** Empty when a request to {@code host} may go out now (then report its outcome), else why not. */
    public synchronized Optional<Refused> check(String host) {
        Host h = hosts.get(host);
        if (h == null || h.state() == State.CLOSED) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (h.state() == State.OPEN) {
            if (now.isBefore(h.openUntil())) {
                return Optional.of(new Refused("circuit open for " + host + " after " + h.failures()
                        + " failed fetches in a row; not requested before " + h.openUntil(), h.openUntil()));
            }
            hosts.put(host, new Host(State.HALF_OPEN, h.failures(), h.openUntil(), true));
            return Optional.empty();
        }
        if (h.trialOut()) {
            // The trial decides; until it does, the others wait no longer than one more open period.
            return Optional.of(new Refused("circuit half-open for " + host + ": a trial request is under way", now));
        }
        hosts.put(host, new Host(State.HALF_OPEN, h.failures(), h.openUntil(), true));
        return Optional.empty();
    }

    /** The host answered (any answer that says it is up, 4xx included). */
    public synchronized void success(String host) {
        hosts.remove(host); // closed with no failures is the absent state: the map stays as small as the failing hosts
    }

    /** A fetch of the host failed after its retries (5xx, 429, timeout, connection refused). */
    public synchronized void failure(String host) {
        Host h = hosts.get(host);
        int failures = h == null ? 1 : h.failures() + 1;
        boolean open = (h != null && h.state() == State.HALF_OPEN) || failures >= settings.failureThreshold();
        hosts.put(host, open ? new Host(State.OPEN, failures, clock.instant().plus(settings.openFor()), false)
                : new Host(State.CLOSED, failures, null, false));
    }

    /** A request let through ended without an outcome (the task stopped): a trial may go out again. */
    public synchronized void abandoned(String host) {
        Host h = hosts.get(host);
        if (h != null && h.state() == State.HALF_OPEN) {
            hosts.put(host, new Host(State.HALF_OPEN, h.failures(), h.openUntil(), false));
        }
    }

    public synchronized State state(String host) {
        Host h = hosts.get(host);
        if (h == null) {
            return State.CLOSED;
        }
        return h.state() == State.OPEN && !clock.instant().isBefore(h.openUntil()) ? State.HALF_OPEN : h.state();
    }
}
