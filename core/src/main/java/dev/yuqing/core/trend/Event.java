package dev.yuqing.core.trend;

import dev.yuqing.core.alert.AlertLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts about one happening: near-duplicates and posts sharing a bursting keyword.
 *
 * @param id                 stable for the event's life: derived from its first post
 * @param title              the first post's title, or the start of its text
 * @param keywords           most frequent keywords, most frequent first
 * @param sources            distinct source types, {@code regions} distinct regions (both bounded)
 * @param negative           posts by sentiment: {@code negative}, {@code neutral}, {@code positive} (the sentiment mix)
 * @param representatives    the first posts of the event (bounded)
 * @param reach              summed engagement (likes, comments, shares) of its posts
 * @param harmful            posts flagged as harmful information
 * @param growth             posts in the latest window over posts in the window before
 * @param negativeBaseline   share of negative posts among all posts, as normal (EWMA), when the event was last updated
 * @param level              warning level, null when below blue
 * @param peakLevel          the highest level the event has reached, null if none: a wave's level falls as its growth does
 */
public record Event(String id, String title, List<String> keywords, Instant firstSeen, Instant lastSeen, long volume,
                    List<String> sources, List<String> regions, long negative, long neutral, long positive,
                    List<RepresentativePost> representatives, long reach, long harmful, double growth, double negativeBaseline,
                    AlertLevel level, AlertLevel peakLevel) {
    public Event {
        // Mutable copies: Flink's Kryo fallback copies lists by adding to them.
        keywords = new ArrayList<>(keywords);
        sources = new ArrayList<>(sources);
        regions = new ArrayList<>(regions);
        representatives = new ArrayList<>(representatives);
    }

    public double negativeShare() {
        return volume == 0 ? 0 : (double) negative / volume;
    }

    public EventMetrics metrics() {
        return new EventMetrics(volume, growth, negativeShare(),
                volume == 0 ? 0 : (double) harmful / volume, reach);
    }
}
