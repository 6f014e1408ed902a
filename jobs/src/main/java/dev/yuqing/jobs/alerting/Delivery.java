package dev.yuqing.jobs.alerting;

import dev.yuqing.core.alerting.Notification;

/** A notification on its way to one channel. */
public record Delivery(String channel, Notification notification) {
}
