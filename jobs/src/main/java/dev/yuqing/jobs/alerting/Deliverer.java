package dev.yuqing.jobs.alerting;

import dev.yuqing.core.alerting.ChannelDef;
import dev.yuqing.core.alerting.ChannelKind;
import dev.yuqing.core.alerting.RoutingRules;
import dev.yuqing.core.alerting.TokenBucket;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to webhook, robot and e-mail channels: waits for the channel's rate limit, sends, and
 * on failure tries again with exponential backoff until the attempts are spent. Never fails its
 * future: the result says whether the notification got through. Plain Java, so it is tested
 * against real local servers without Flink.
 */
public final class Deliverer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);

    private final RoutingRules routing;
    private final DeliverySettings settings;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new HashMap<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService mailThreads;
    private final HttpSender http;
    private final MailSender mail;

    public Deliverer(RoutingRules routing, DeliverySettings settings, Clock clock) {
        this.routing = routing;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "alert-delivery-retries"));
        this.mailThreads = Executors.newFixedThreadPool(2, r -> daemon(r, "alert-delivery-smtp"));
        this.http = new HttpSender(HttpClient.newBuilder().connectTimeout(settings.sendTimeout()).build(), settings.sendTimeout(), clock);
        boolean anyMail = routing.channels().values().stream().anyMatch(c -> c.kind() == ChannelKind.EMAIL);
        this.mail = anyMail ? new MailSender(settings.smtp(), settings.sendTimeout(), mailThreads) : null;
        long now = System.nanoTime();
        routing.channels().values().forEach(c -> buckets.put(c.name(), new TokenBucket(c.rate() != null ? c.rate() : settings.defaultRate(), now)));
    }

    public CompletableFuture<DeliveryResult> deliver(Delivery d) {
        ChannelDef channel = routing.channel(d.channel());
        ChannelSender sender = switch (channel.kind()) {
            case EMAIL -> mail;
            case KAFKA -> throw new IllegalArgumentException("kafka channel " + channel + " is a sink of the job, not delivered here");
            default -> http;
        };
        CompletableFuture<DeliveryResult> result = new CompletableFuture<>();
        attempt(d, channel, sender, 1, result);
        return result;
    }

    private void attempt(Delivery d, ChannelDef channel, ChannelSender sender, int attempt, CompletableFuture<DeliveryResult> result) {
        long wait = buckets.get(channel.name()).reserve(System.nanoTime());
        scheduler.schedule(() -> {
            CompletableFuture<Void> sent;
            try {
                sent = sender.send(channel, d.notification());
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((ok, error) -> {
                if (error == null) {
                    result.complete(new DeliveryResult(d.channel(), d.notification(), true, attempt, null, clock.instant()));
                    return;
                }
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
                if (attempt >= settings.backoff().attempts()) {
                    LOG.warn("Giving up on {} to {} after {} attempts: {}", d.notification().alertIds(), channel, attempt, reason);
                    result.complete(new DeliveryResult(d.channel(), d.notification(), false, attempt, reason, clock.instant()));
                    return;
                }
                Duration backoff = settings.backoff().delayAfter(attempt);
                LOG.info("Delivery of {} to {} failed (attempt {}), retrying in {}: {}", d.notification().alertIds(), channel, attempt, backoff, reason);
                scheduler.schedule(() -> attempt(d, channel, sender, attempt + 1, result), backoff.toMillis(), TimeUnit.MILLISECONDS);
            });
        }, wait, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        mailThreads.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
