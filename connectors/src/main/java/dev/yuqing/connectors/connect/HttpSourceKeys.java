package dev.yuqing.connectors.connect;

import dev.yuqing.connectors.http.AddressPolicy;
import dev.yuqing.connectors.http.Backoff;
import dev.yuqing.connectors.http.CircuitBreaker;
import dev.yuqing.connectors.http.HttpFetcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The keys of every connector that polls an HTTP source (poll interval, timeout, User-Agent,
 * retries, circuit breaker, the hosts it may reach, and the health topic of {@link SourceHealth}), declared once here so
 * that the connectors describe and check them alike.
 */
public final class HttpSourceKeys {
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String HTTP_TIMEOUT_MS = "http.timeout.ms";
    public static final String HTTP_USER_AGENT = "http.user.agent";
    public static final String RETRY_MAX_ATTEMPTS = "retry.max.attempts";
    public static final String RETRY_BACKOFF_INITIAL_MS = "retry.backoff.initial.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final String BREAKER_FAILURE_THRESHOLD = "breaker.failure.threshold";
    public static final String BREAKER_OPEN_MS = "breaker.open.ms";
    public static final String HTTP_ALLOWED_HOSTS = AddressPolicy.ALLOWED_KEY;
    public static final String HTTP_DENIED_HOSTS = AddressPolicy.DENIED_KEY;

    private static final long HOUR_MS = 3_600_000;

    private HttpSourceKeys() {}

    /**
     * Adds the keys to {@code definition}.
     *
     * @param pollDescription  what one poll does, for the poll interval's description
     * @param userAgentDefault the User-Agent when none is configured
     */
    public static ConfigDef define(ConfigDef definition, String pollDescription, String userAgentDefault) {
        return define(definition, 300_000L, pollDescription, userAgentDefault);
    }

    /** As {@link #define(ConfigDef, String, String)}, polling every {@code pollIntervalMs} by default. */
    public static ConfigDef define(ConfigDef definition, long pollIntervalMs, String pollDescription, String userAgentDefault) {
        // Each of these connectors reads one account's source, so each sends heartbeats.
        SourceHealth.define(definition)
                .define(POLL_INTERVAL_MS, Type.LONG, pollIntervalMs, Range.between(100L, 24 * HOUR_MS), Importance.MEDIUM,
                        "milliseconds between two polls of the source; " + pollDescription)
                .define(HTTP_TIMEOUT_MS, Type.LONG, 30_000L, Range.between(100L, 600_000L), Importance.LOW,
                        "milliseconds allowed to connect, and again for the answer's headers, before the attempt counts as failed")
                .define(RETRY_MAX_ATTEMPTS, Type.INT, 5, Range.between(1, 20), Importance.LOW,
                        "attempts per request on 429, 5xx, timeouts and connection failures, the first included; "
                                + "after the last the request is given up until the next poll")
                .define(RETRY_BACKOFF_INITIAL_MS, Type.LONG, 1_000L, Range.between(1L, HOUR_MS), Importance.LOW,
                        "milliseconds before the first retry, doubled for each further one, with jitter")
                .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 60_000L, Range.between(1L, HOUR_MS), Importance.LOW,
                        "longest wait between two attempts, at least retry.backoff.initial.ms; "
                                + "a Retry-After longer than this ends the request and delays the next poll to it")
                .define(BREAKER_FAILURE_THRESHOLD, Type.INT, 5, Range.between(1, 1000), Importance.LOW,
                        "requests to one host in a row that failed after their retries (5xx, 429, timeouts, connection failures) "
                                + "before the host's circuit opens and further requests to it fail at once")
                .define(BREAKER_OPEN_MS, Type.LONG, 300_000L, Range.between(0L, 24 * HOUR_MS), Importance.LOW,
                        "milliseconds an open circuit refuses requests to its host; then one trial request decides whether it closes");
        defineHosts(definition);
        return defineUserAgent(definition, userAgentDefault);
    }

    /** Adds the address policy's keys ({@link AddressPolicy}), for every connector that fetches over HTTP. */
    public static ConfigDef defineHosts(ConfigDef definition) {
        return definition.define(HTTP_ALLOWED_HOSTS, Type.STRING, "", hostEntries(), Importance.MEDIUM,
                "hosts fetched although their addresses are not public: by default a URL (the source's, a link's, a redirect's) "
                        + "whose host resolves to a loopback, private, shared (100.64.0.0/10), link-local, multicast or unique-local "
                        + "address is refused, logged once and counted, never fetched; comma-separated host names "
                        + "(*.example.gov.cn for the names below it), IP addresses and CIDR ranges such as 10.1.0.0/16; "
                        + "a test site on this machine needs 127.0.0.1")
                .define(HTTP_DENIED_HOSTS, Type.STRING, "", hostEntries(), Importance.LOW,
                "hosts never fetched, whatever their address and " + HTTP_ALLOWED_HOSTS + " say: comma-separated host names "
                        + "(*.example.gov.cn for the names below it), IP addresses and CIDR ranges, matched against the name "
                        + "and every address it resolves to");
    }

    private static ConfigDef.Validator hostEntries() {
        return ConfigValidators.of("empty, or comma-separated host names, IP addresses and CIDR ranges such as www.example.gov.cn, 127.0.0.1, 10.1.0.0/16",
                AddressPolicy::entriesProblem);
    }

    /** Adds {@code http.user.agent} alone, for a connector that fetches without polling (the site probe). */
    public static ConfigDef defineUserAgent(ConfigDef definition, String userAgentDefault) {
        return definition.define(HTTP_USER_AGENT, Type.STRING, userAgentDefault,
                ConfigValidators.nonBlank("Yuqing/1.0 (+https://www.example.gov.cn/about)"), Importance.LOW,
                "User-Agent header of every request; name the office and a contact so that site operators can reach it");
    }

    /**
     * A fetcher that asks once, without retries or a circuit breaker: for a probe, which measures
     * one load each time and must not skip a host that failed before.
     *
     * @param timeout connect timeout, and the time allowed for the headers
     */
    public static HttpFetcher singleLoadFetcher(Duration timeout, String userAgent, String accept, StopSignal stop, Clock clock,
                                                AddressPolicy policy) {
        // The backoff is never used with one attempt; the fetcher needs one all the same.
        return new HttpFetcher(new HttpFetcher.Settings(timeout, userAgent, accept, 1),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), new Random()), stop, clock, policy);
    }

    /**
     * The parsed values.
     *
     * @param pollInterval   time between two polls
     * @param timeout        connect timeout, and the time allowed for the headers
     * @param userAgent      the User-Agent header
     * @param maxAttempts    attempts per request, the first included
     * @param backoffInitial wait before the first retry
     * @param backoffMax     longest wait between two attempts
     * @param breaker        when a host's circuit opens and for how long
     * @param allowedHosts   http.allowed.hosts as configured
     * @param deniedHosts    http.denied.hosts as configured
     */
    public record Values(Duration pollInterval, Duration timeout, String userAgent, int maxAttempts, Duration backoffInitial, Duration backoffMax,
                         CircuitBreaker.Settings breaker, String allowedHosts, String deniedHosts) {
        public static Values of(AbstractConfig c) {
            return new Values(Duration.ofMillis(c.getLong(POLL_INTERVAL_MS)), Duration.ofMillis(c.getLong(HTTP_TIMEOUT_MS)),
                    c.getString(HTTP_USER_AGENT), c.getInt(RETRY_MAX_ATTEMPTS),
                    Duration.ofMillis(c.getLong(RETRY_BACKOFF_INITIAL_MS)), Duration.ofMillis(c.getLong(RETRY_BACKOFF_MAX_MS)),
                    new CircuitBreaker.Settings(c.getInt(BREAKER_FAILURE_THRESHOLD), Duration.ofMillis(c.getLong(BREAKER_OPEN_MS))),
                    c.getString(HTTP_ALLOWED_HOSTS), c.getString(HTTP_DENIED_HOSTS));
        }

        /** A policy of the hosts the task may fetch: one per task, shared by its fetchers, so that each refused host is logged once. */
        public AddressPolicy policy() {
            return AddressPolicy.of(allowedHosts, deniedHosts);
        }

        /**
         * These values with a single attempt per request: for a fetcher whose failures are reported
         * at once (a dead-link check) rather than retried.
         */
        public Values singleAttempt() {
            return new Values(pollInterval, timeout, userAgent, 1, backoffInitial, backoffMax, breaker, allowedHosts, deniedHosts);
        }

        /**
         * A fetcher with these timeouts, retries, a circuit breaker and an address policy of its own,
         * sending {@code headers} with every request.
         */
        public HttpFetcher fetcher(String accept, Map<String, String> headers, StopSignal stop, Clock clock) {
            return fetcher(accept, headers, stop, clock, new CircuitBreaker(breaker, clock), policy());
        }

        /**
         * A fetcher sharing {@code breaker} and {@code policy} (one each per task: the hosts it reads).
         * Its backoff draws from a {@link Random}, which threads may share: the site task fetches pages from a pool.
         */
        public HttpFetcher fetcher(String accept, Map<String, String> headers, StopSignal stop, Clock clock, CircuitBreaker breaker,
                                   AddressPolicy policy) {
            return new HttpFetcher(new HttpFetcher.Settings(timeout, userAgent, accept, maxAttempts, headers),
                    new Backoff(backoffInitial, backoffMax, new Random()), stop, clock, breaker, policy);
        }

        /**
         * The source's URL (the value of {@code key}) is not refused by the address policy when its
         * host is an IP address, which is known without DNS: a test site on 127.0.0.1 without
         * http.allowed.hosts is said at validation rather than found in the log.
         */
        public void checkSource(Map<String, ConfigValue> values, String key, URI url) {
            policy().literalRefusal(url).ifPresent(reason -> values.get(key).addErrorMessage(key + " " + url + " would never be fetched: "
                    + reason + "; add " + url.getHost() + " to " + HTTP_ALLOWED_HOSTS + " if the connector must read it"));
        }

        /** The check across keys: the backoff maximum is not below the initial backoff. */
        public void check(Map<String, ConfigValue> values) {
            if (backoffMax.compareTo(backoffInitial) < 0) {
                values.get(RETRY_BACKOFF_MAX_MS).addErrorMessage(RETRY_BACKOFF_MAX_MS + " (" + backoffMax.toMillis()
                        + ") is below " + RETRY_BACKOFF_INITIAL_MS + " (" + backoffInitial.toMillis() + "); raise it or lower the initial backoff");
            }
        }
    }
}
