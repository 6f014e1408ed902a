package dev.yuqing.jobs.alerting;

import dev.yuqing.core.alerting.Backoff;
import dev.yuqing.core.alerting.RateLimit;
import java.io.Serializable;
import java.time.Duration;

/**
 * How deliveries are made: retries, the rate limit of channels that set none, the time one send
 * may take, and the SMTP server.
 */
public record DeliverySettings(Backoff backoff, RateLimit defaultRate, Duration sendTimeout, SmtpSettings smtp) implements Serializable {

    /** The longest a delivery can take: every backoff, every send timing out, and room for rate-limit waits. */
    public Duration longestDelivery() {
        return backoff.totalDelay().plus(sendTimeout.multipliedBy(2L * backoff.attempts())).plus(Duration.ofMinutes(5));
    }
}
