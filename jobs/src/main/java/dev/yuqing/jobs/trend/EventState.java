package dev.yuqing.jobs.trend;

import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.sentiment.SentimentLabel;
import dev.yuqing.core.trend.Event;
import dev.yuqing.core.trend.RepresentativePost;
import dev.yuqing.core.trend.SpaceSaving;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One open event as {@link ClusterEvents} keeps it. Every collection is bounded, so an event's
 * state does not grow with its volume: keywords in a Space-Saving sketch, a few fingerprints,
 * sources, regions and representative posts.
 */
final class EventState implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int MAX_FINGERPRINTS = 16;
    static final int MAX_REPRESENTATIVES = 10;
    static final int MAX_LABELS = 20;
    static final int KEYWORD_COUNTERS = 64;
    static final int TOP_KEYWORDS = 10;
    private static final int TITLE_LENGTH = 60;

    final String id;
    final String title;
    final long firstSeen;
    long lastSeen;
    long volume;
    long negative;
    long neutral;
    long positive;
    long reach;
    long harmful;
    /** The highest warning level the event has reached; null below blue. */
    AlertLevel peak;
    final List<Long> fingerprints = new ArrayList<>();
    final LinkedHashSet<String> sources = new LinkedHashSet<>();
    final LinkedHashSet<String> regions = new LinkedHashSet<>();
    final List<RepresentativePost> representatives = new ArrayList<>();
    final SpaceSaving<String> keywords = new SpaceSaving<>(KEYWORD_COUNTERS);
    // Posts in the current growth slot (one trend window long) and in the slot before it.
    long slot;
    long slotCount;
    long previousSlotCount;

    EventState(EnrichedPost first, long timestamp) {
        this.id = "event:" + first.post().id();
        this.title = headline(first);
        this.firstSeen = timestamp;
        this.lastSeen = timestamp;
    }

    /** The post's title, else the start of its text; masked, as events are indexed and sent to handlers. */
    private static String headline(EnrichedPost e) {
        Post p = e.post();
        String t = p.title() != null ? e.analysis().maskedTitle() : e.analysis().maskedText();
        if (t == null) {
            t = p.title() != null ? p.title() : p.text();
        }
        return t.length() <= TITLE_LENGTH ? t : t.substring(0, TITLE_LENGTH) + "…";
    }

    boolean nearDuplicateOf(long fingerprint, int maxDistance) {
        for (long f : fingerprints) {
            if (Long.bitCount(f ^ fingerprint) <= maxDistance) {
                return true;
            }
        }
        return false;
    }

    /** Counts the post in; true when its fingerprint was new and kept (to be indexed). */
    boolean add(EnrichedPost e, long fingerprint, List<String> postKeywords, long timestamp, long slotMillis) {
        Post p = e.post();
        volume++;
        lastSeen = Math.max(lastSeen, timestamp);
        SentimentLabel label = e.analysis().sentiment() == null ? SentimentLabel.NEUTRAL : e.analysis().sentiment().label();
        switch (label) {
            case NEGATIVE -> negative++;
            case POSITIVE -> positive++;
            default -> neutral++;
        }
        reach += p.engagement().total();
        if (e.analysis().harmful() != null && e.analysis().harmful().flagged()) {
            harmful++;
        }
        boolean kept = fingerprints.size() < MAX_FINGERPRINTS && !fingerprints.contains(fingerprint);
        if (kept) {
            fingerprints.add(fingerprint);
        }
        if (sources.size() < MAX_LABELS) {
            sources.add(p.source().code());
        }
        if (p.region() != null && regions.size() < MAX_LABELS) {
            regions.add(p.region());
        }
        if (representatives.size() < MAX_REPRESENTATIVES) {
            representatives.add(new RepresentativePost(p.id(), headline(e), p.url()));
        }
        postKeywords.forEach(keywords::offer);
        long s = timestamp / slotMillis;
        if (volume == 1 || s == slot + 1) {
            previousSlotCount = volume == 1 ? 0 : slotCount;
            slotCount = 1;
            slot = s;
        } else if (s == slot) {
            slotCount++;
        } else if (s > slot + 1) {
            previousSlotCount = 0;
            slotCount = 1;
            slot = s;
        } else if (s == slot - 1) {
            previousSlotCount++; // a late post of the previous slot
        }
        return kept;
    }

    double growth() {
        return (double) slotCount / Math.max(1, previousSlotCount);
    }

    /** Takes {@code level} as the event's peak when it is higher; true when it was. */
    boolean raisePeak(AlertLevel level) {
        if (level == null || (peak != null && level.compareTo(peak) <= 0)) {
            return false;
        }
        peak = level;
        return true;
    }

    Event toEvent(double negativeBaseline, AlertLevel level) {
        return new Event(id, title, keywords.top(TOP_KEYWORDS).stream().map(SpaceSaving.HeavyHitter::key).toList(),
                Instant.ofEpochMilli(firstSeen), Instant.ofEpochMilli(lastSeen), volume, List.copyOf(sources), List.copyOf(regions),
                negative, neutral, positive, representatives, reach, harmful, growth(), negativeBaseline, level, peak);
    }
}
