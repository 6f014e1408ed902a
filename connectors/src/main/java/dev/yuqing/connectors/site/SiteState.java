package dev.yuqing.connectors.site;

import dev.yuqing.connectors.connect.PostIds;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A column's cursor, kept by Connect as the source offset: the item pages already read (a key per
 * page URL, most recently listed last, at most {@code max}), each either done or a board message
 * sent without a reply yet (fetched again until the reply appears), and the newest item time seen,
 * the column's latest update, and the links reported dead with the status they answered, so that a
 * link found alive again is reported alive (its finding closes) even after a restart.
 *
 * @param items  key → true when done, false when the message awaits its reply
 * @param newest the newest published time of the column's items, or null
 * @param dead   link key → the status it was reported dead with (0: no answer), oldest report first
 */
record SiteState(Map<String, Boolean> items, Instant newest, Map<String, Integer> dead) {
    static final String SEEN = "seen";
    static final String NEWEST = "newest";
    static final String DEAD = "dead";
    /** Dead links remembered at most; beyond, the oldest report is forgotten (it is reported again if still dead). */
    static final int DEAD_MAX = 1_000;
    /** Marks a key whose message awaits its reply. */
    private static final String AWAITING = "?";

    SiteState {
        items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
        dead = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dead));
    }

    static SiteState of(Map<String, Object> offset) {
        Map<String, Boolean> items = new LinkedHashMap<>();
        Instant newest = null;
        Map<String, Integer> dead = new LinkedHashMap<>();
        if (offset != null) {
            if (offset.get(SEEN) instanceof String s && !s.isEmpty()) {
                for (String k : s.split(",")) {
                    items.put(k.endsWith(AWAITING) ? k.substring(0, k.length() - 1) : k, !k.endsWith(AWAITING));
                }
            }
            if (offset.get(NEWEST) instanceof String s) {
                try {
                    newest = Instant.parse(s);
                } catch (DateTimeException e) {
                    newest = null; // an offset set by hand through the REST API: the next item time replaces it
                }
            }
            if (offset.get(DEAD) instanceof String s && !s.isEmpty()) {
                for (String entry : s.split(",")) {
                    int colon = entry.indexOf(':');
                    try {
                        dead.put(entry.substring(0, colon), Integer.parseInt(entry.substring(colon + 1)));
                    } catch (IndexOutOfBoundsException | NumberFormatException e) {
                        // an offset set by hand: the link, if still dead, is reported again
                    }
                }
            }
        }
        return new SiteState(items, newest, dead);
    }

    Map<String, Object> toOffset() {
        Map<String, Object> m = new HashMap<>();
        StringBuilder seen = new StringBuilder();
        items.forEach((k, done) -> seen.append(seen.isEmpty() ? "" : ",").append(k).append(done ? "" : AWAITING));
        m.put(SEEN, seen.toString());
        if (newest != null) {
            m.put(NEWEST, newest.toString());
        }
        if (!dead.isEmpty()) {
            StringBuilder d = new StringBuilder();
            dead.forEach((k, status) -> d.append(d.isEmpty() ? "" : ",").append(k).append(':').append(status));
            m.put(DEAD, d.toString());
        }
        return m;
    }

    /** An item page's or a link's identity in 16 hex digits: its URL, as listed. */
    static String key(URI item) {
        return PostIds.sha256Hex(item.toString()).substring(0, 16);
    }

    /** What the next state is built from: this one's items, in order. */
    Builder toBuilder(int max) {
        return new Builder(new LinkedHashMap<>(items), newest, new LinkedHashMap<>(dead), max);
    }

    /** The state after a poll: items read or listed again move to the end, the oldest beyond {@code max} are forgotten. */
    static final class Builder {
        private final LinkedHashMap<String, Boolean> items;
        private Instant newest;
        private final LinkedHashMap<String, Integer> dead;
        private final int max;

        private Builder(LinkedHashMap<String, Boolean> items, Instant newest, LinkedHashMap<String, Integer> dead, int max) {
            this.items = items;
            this.newest = newest;
            this.dead = dead;
            this.max = max;
        }

        /** The status the link was last reported dead with, or null when it was not (or was found alive since). */
        Integer deadStatus(String linkKey) {
            return dead.get(linkKey);
        }

        /** The link was reported dead with {@code status}; null: it was found alive. */
        void dead(String linkKey, Integer status) {
            dead.remove(linkKey);
            if (status != null) {
                dead.put(linkKey, status);
            }
        }

        /** Marks the key as still listed (or now read), at the recent end. */
        void put(String key, boolean done) {
            items.remove(key);
            items.put(key, done);
        }

        void published(Instant at) {
            if (newest == null || at.isAfter(newest)) {
                newest = at;
            }
        }

        SiteState build() {
            Iterator<String> oldest = items.keySet().iterator();
            for (int excess = items.size() - max; excess > 0; excess--) {
                oldest.next();
                oldest.remove();
            }
            Iterator<String> oldestDead = dead.keySet().iterator();
            for (int excess = dead.size() - DEAD_MAX; excess > 0; excess--) {
                oldestDead.next();
                oldestDead.remove();
            }
            return new SiteState(items, newest, dead);
        }
    }
}
