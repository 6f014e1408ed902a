package dev.yuqing.connectors.connect;

import dev.yuqing.connectors.http.HttpFetcher;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * Counts what one task did with its source. The counts are registered with the worker's plugin
 * metrics (JMX {@code kafka.connect:type=plugins,connector=…,task=…}, attributes such as
 * {@code posts-total}) and summed up in the task's log lines.
 */
public final class SourceMetrics {
    private final AtomicLong fetches = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    /** Publication time (epoch ms) of the post sent last; 0 before the first. */
    private final AtomicLong lastPublished = new AtomicLong();
    /** How long after its publication the post sent last was sent, in ms. */
    private final AtomicLong lag = new AtomicLong();

    /** Registers the counts; {@code metrics} is the task context's (Connect 4.1 and later). */
    public SourceMetrics(PluginMetrics metrics) {
        register(metrics, "fetches-total", "requests of the source (a conditional GET that found nothing new included)", fetches);
        register(metrics, "not-modified-total", "fetches the source answered with 304 Not Modified", notModified);
        register(metrics, "failures-total", "fetches or reads that failed after their retries", failures);
        register(metrics, "refused-total", "URLs not fetched because http.allowed.hosts, http.denied.hosts or the default refusal "
                + "of addresses that are not public refused them or a redirect's target", refused);
        register(metrics, "items-total", "items read from the source, new or not", items);
        register(metrics, "posts-total", "new posts sent to the posts topic", posts);
        register(metrics, "duplicates-total", "items skipped because an earlier fetch already sent them", duplicates);
        register(metrics, "dead-letters-total", "items sent to the dead-letter topic because they cannot become posts", deadLetters);
        register(metrics, "lag-ms", "milliseconds between the publication of the post sent last and its sending: how far behind its source the connector runs", lag);
        register(metrics, "last-published-ms", "publication time (epoch milliseconds) of the post sent last; 0 before the first", lastPublished);
    }

    private static void register(PluginMetrics metrics, String name, String description, AtomicLong counter) {
        metrics.addMetric(metrics.metricName(name, description, new LinkedHashMap<>()), (Gauge<Long>) (config, now) -> counter.get());
    }

    /** A URL refused without a fetch to count (a robots.txt whose redirect is refused). */
    public void refused() {
        refused.incrementAndGet();
    }

    public void notModified() {
        notModified.incrementAndGet();
    }

    public void failure() {
        failures.incrementAndGet();
    }

    /**
     * A fetch's result: a fetch, unless the address policy refused the URL before any request; a
     * refusal (of the URL or of where it redirects) is counted as such.
     */
    public void fetched(HttpFetcher.Result result) {
        if (result instanceof HttpFetcher.Refused refused) {
            refused();
            if (refused.attempts() == 0) {
                return;
            }
        }
        fetches.incrementAndGet();
    }

    public void item() {
        items.incrementAndGet();
    }

    /** A post sent, published at {@code published} and sent at {@code now}. */
    public void post(java.time.Instant published, java.time.Instant now) {
        posts.incrementAndGet();
        lastPublished.set(published.toEpochMilli());
        lag.set(Math.max(0, now.toEpochMilli() - published.toEpochMilli()));
    }

    public void duplicate() {
        duplicates.incrementAndGet();
    }

    public void deadLetter() {
        deadLetters.incrementAndGet();
    }

    @Override
    public String toString() {
        String read = "items " + items + ", posts " + posts + ", duplicates " + duplicates + ", dead letters " + deadLetters
                + (posts.get() == 0 ? "" : ", lag " + java.time.Duration.ofMillis(lag.get()).toSeconds() + " s");
        // Sources read without requests (files) have no fetches to speak of.
        return fetches.get() == 0 && failures.get() == 0 && refused.get() == 0 ? read
                : "fetches " + fetches + " (not modified " + notModified + ", failed " + failures + ")"
                + (refused.get() == 0 ? "" : ", refused " + refused) + ", " + read;
    }
}
