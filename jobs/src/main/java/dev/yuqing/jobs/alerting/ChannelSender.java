package dev.yuqing.jobs.alerting;

import dev.yuqing.core.alerting.ChannelDef;
import dev.yuqing.core.alerting.Notification;
import java.util.concurrent.CompletableFuture;

/** Sends one notification once to one channel; the future fails with the reason when the channel refuses. */
@FunctionalInterface
public interface ChannelSender {
    CompletableFuture<Void> send(ChannelDef channel, Notification notification);
}
