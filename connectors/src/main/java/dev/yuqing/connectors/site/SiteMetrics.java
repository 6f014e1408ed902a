package dev.yuqing.connectors.site;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;

/** What a site task counts besides {@code SourceMetrics}: robots.txt skips, link checks, attachments, the column's latest update. */
final class SiteMetrics {
    private final AtomicLong robotsSkipped = new AtomicLong();
    private final AtomicLong linksChecked = new AtomicLong();
    private final AtomicLong deadLinks = new AtomicLong();
    private final AtomicLong attachmentsRead = new AtomicLong();
    private final AtomicLong attachmentsUnread = new AtomicLong();
    private final AtomicReference<Instant> latestUpdate = new AtomicReference<>();

    SiteMetrics(PluginMetrics metrics) {
        register(metrics, "robots-skipped-total", "item pages and links not fetched because robots.txt disallows them", robotsSkipped);
        register(metrics, "links-checked-total", "links whose status was checked (item pages included)", linksChecked);
        register(metrics, "dead-links-total", "checked links that answered 4xx or 5xx or not at all", deadLinks);
        register(metrics, "attachments-read-total", "attachments whose text went into their post", attachmentsRead);
        register(metrics, "attachments-unread-total", "attachments not read (too large, not downloaded, encrypted, damaged, no text): "
                + "each a dead letter", attachmentsUnread);
        metrics.addMetric(metrics.metricName("column-latest-update-ms",
                        "epoch milliseconds of the newest item time the column showed; -1 before the first", new LinkedHashMap<>()),
                (Gauge<Long>) (config, now) -> latestUpdate.get() == null ? -1L : latestUpdate.get().toEpochMilli());
    }

    private static void register(PluginMetrics metrics, String name, String description, AtomicLong counter) {
        metrics.addMetric(metrics.metricName(name, description, new LinkedHashMap<>()), (Gauge<Long>) (config, now) -> counter.get());
    }

    void robotsSkipped() {
        robotsSkipped.incrementAndGet();
    }

    void linkChecked(boolean dead) {
        linksChecked.incrementAndGet();
        if (dead) {
            deadLinks.incrementAndGet();
        }
    }

    void attachment(boolean read) {
        (read ? attachmentsRead : attachmentsUnread).incrementAndGet();
    }

    void latestUpdate(Instant at) {
        latestUpdate.set(at);
    }

    @Override
    public String toString() {
        return "robots-skipped " + robotsSkipped + ", links checked " + linksChecked + " (dead " + deadLinks + "), attachments read "
                + attachmentsRead + " (unread " + attachmentsUnread + ")";
    }
}
