package dev.yuqing.jobs.alerting;

import dev.yuqing.core.alerting.Notification;
import java.time.Instant;

/**
 * How a delivery ended.
 *
 * @param attempts tries made, the last one included
 * @param error    why the last try failed; null when delivered
 */
public record DeliveryResult(String channel, Notification notification, boolean delivered, int attempts, String error, Instant at) {
}
