package dev.yuqing.connectors.probe;

import dev.yuqing.connectors.connect.PostIds;
import java.time.Duration;
import java.time.Instant;

/**
 * When each site is probed: {@code perDay} times a day at even intervals, counted from the epoch
 * (so from midnight UTC), each site at an offset of its own within the interval, from a hash of its
 * id: the sites' probes spread over the interval instead of starting at the same instant, and a
 * site keeps its times across restarts.
 */
final class ProbeSchedule {
    private static final long DAY_MS = 86_400_000L;
    private final long intervalMs;

    ProbeSchedule(int perDay) {
        if (perDay < 1) {
            throw new IllegalArgumentException("probes per day must be at least 1, not " + perDay);
        }
        this.intervalMs = DAY_MS / perDay;
    }

    Duration interval() {
        return Duration.ofMillis(intervalMs);
    }

    /** The site's offset within each interval. */
    Duration offset(String siteId) {
        long hash = Long.parseLong(PostIds.sha256Hex(siteId).substring(0, 15), 16); // 60 bits: never negative
        return Duration.ofMillis(hash % intervalMs);
    }

    /** The site's first probe time strictly after {@code t}. */
    Instant after(String siteId, Instant t) {
        long offset = offset(siteId).toMillis();
        long slot = Math.floorDiv(t.toEpochMilli() - offset, intervalMs) + 1;
        return Instant.ofEpochMilli(slot * intervalMs + offset);
    }

    /**
     * The next probe time of a site after a restart: the one kept in the offset (a probe missed while
     * the task was down is made at once, not skipped), unless it lies further ahead than one interval
     * (probe.per.day was raised): then the site's next time after {@code now}. A site never probed
     * (none kept) is probed at once: whoever adds a site wants to know now whether it answers.
     */
    Instant resume(String siteId, Instant kept, Instant now) {
        if (kept == null) {
            return now;
        }
        if (kept.isAfter(now.plusMillis(intervalMs))) {
            return after(siteId, now);
        }
        return kept;
    }
}
