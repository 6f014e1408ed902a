package dev.yuqing.connectors.http;

import dev.yuqing.connectors.connect.ConfigValidators;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The keys of every connector that reads over HTTP (timeouts, retries, circuit breaker), declared
 * once here and added to each connector's definition.
 */
public final class HttpKeys {
    public static final String HTTP_TIMEOUT_MS = "http.timeout.ms";
    public static final String HTTP_USER_AGENT = "http.user.agent";
    public static final String RETRY_MAX_ATTEMPTS = "retry.max.attempts";
    public static final String RETRY_BACKOFF_INITIAL_MS = "retry.backoff.initial.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final String BREAKER_FAILURE_THRESHOLD = "breaker.failure.threshold";
    public static final String BREAKER_OPEN_MS = "breaker.open.ms";

    private static final long HOUR_MS = 3_600_000;

    /**
     * The settings these keys give.
     *
     * @param timeout   connect timeout, and the time for the answer's headers
     * @param userAgent the User-Agent header
     */
    public record Values(Duration timeout, String userAgent, int maxAttempts, Duration backoffInitial, Duration backoffMax,
                         CircuitBreaker.Settings breaker) {
        public static Values of(AbstractConfig c) {
            return new Values(Duration.ofMillis(c.getLong(HTTP_TIMEOUT_MS)), c.getString(HTTP_USER_AGENT), c.getInt(RETRY_MAX_ATTEMPTS),
                    Duration.ofMillis(c.getLong(RETRY_BACKOFF_INITIAL_MS)), Duration.ofMillis(c.getLong(RETRY_BACKOFF_MAX_MS)),
                    new CircuitBreaker.Settings(c.getInt(BREAKER_FAILURE_THRESHOLD), Duration.ofMillis(c.getLong(BREAKER_OPEN_MS))));
        }
    }

    private HttpKeys() {}

    /** Adds the keys to {@code def}; {@code userAgent} is the connector's default User-Agent. */
    public static ConfigDef define(ConfigDef def, String userAgent) {
        return def
                .define(HTTP_TIMEOUT_MS, Type.LONG, 30_000L, Range.between(100L, 600_000L), Importance.LOW,
                        "milliseconds allowed to connect, and again for the answer's headers, before the attempt counts as failed")
                .define(HTTP_USER_AGENT, Type.STRING, userAgent,
                        ConfigValidators.nonBlank("Yuqing/1.0 (+https://www.example.gov.cn/about)"), Importance.LOW,
                        "User-Agent header of every request; name the office and a contact so that site operators can reach it")
                .define(RETRY_MAX_ATTEMPTS, Type.INT, 5, Range.between(1, 20), Importance.LOW,
                        "attempts per fetch on 429, 5xx, timeouts and connection failures, the first included; "
                                + "after the last the fetch is given up until the next poll")
                .define(RETRY_BACKOFF_INITIAL_MS, Type.LONG, 1_000L, Range.between(1L, HOUR_MS), Importance.LOW,
                        "milliseconds before the first retry, doubled for each further one, with jitter")
                .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 60_000L, Range.between(1L, HOUR_MS), Importance.LOW,
                        "longest wait between two attempts, at least retry.backoff.initial.ms; "
                                + "a Retry-After longer than this ends the fetch and delays the next poll to it")
                .define(BREAKER_FAILURE_THRESHOLD, Type.INT, 5, Range.between(1, 1000), Importance.LOW,
                        "fetches of one host in a row that failed after their retries (5xx, 429, timeouts, connection failures) "
                                + "before the host's circuit opens and further requests to it fail at once")
                .define(BREAKER_OPEN_MS, Type.LONG, 300_000L, Range.between(0L, 24 * HOUR_MS), Importance.LOW,
                        "milliseconds an open circuit refuses requests to its host; then one trial request decides whether it closes");
    }

    /** The checks across these keys, for the connector's {@code check}. */
    public static void check(AbstractConfig c, Map<String, ConfigValue> values) {
        long initial = c.getLong(RETRY_BACKOFF_INITIAL_MS);
        long max = c.getLong(RETRY_BACKOFF_MAX_MS);
        if (max < initial) {
            values.get(RETRY_BACKOFF_MAX_MS).addErrorMessage(RETRY_BACKOFF_MAX_MS + " (" + max + ") is below "
                    + RETRY_BACKOFF_INITIAL_MS + " (" + initial + "); raise it or lower the initial backoff");
        }
    }
}
