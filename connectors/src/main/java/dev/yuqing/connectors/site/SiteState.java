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
 * the column's latest update.
 *
 * @param items  key → true when done, false when the message awaits its reply
 * @param newest the newest published time of the column's items, or null
 */
record SiteState(Map<String, Boolean> items, Instant newest) {
    static final String SEEN = "seen";
    static final String NEWEST = "newest";
    /** Marks a key whose message awaits its reply. */
    private static final String AWAITING = "?";

    SiteState {
        items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    static SiteState of(Map<String, Object> offset) {
        Map<String, Boolean> items = new LinkedHashMap<>();
        Instant newest = null;
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
        }
        return new SiteState(items, newest);
    }

    Map<String, Object> toOffset() {
        Map<String, Object> m = new HashMap<>();
        StringBuilder seen = new StringBuilder();
        items.forEach((k, done) -> seen.append(seen.isEmpty() ? "" : ",").append(k).append(done ? "" : AWAITING));
        m.put(SEEN, seen.toString());
        if (newest != null) {
            m.put(NEWEST, newest.toString());
        }
        return m;
    }

    /** An item page's identity in 16 hex digits: its URL, as listed. */
    static String key(URI item) {
        return PostIds.sha256Hex(item.toString()).substring(0, 16);
    }

    /** What the next state is built from: this one's items, in order. */
    Builder toBuilder(int max) {
        return new Builder(new LinkedHashMap<>(items), newest, max);
    }

    /** The state after a poll: items read or listed again move to the end, the oldest beyond {@code max} are forgotten. */
    static final class Builder {
        private final LinkedHashMap<String, Boolean> items;
        private Instant newest;
        private final int max;

        private Builder(LinkedHashMap<String, Boolean> items, Instant newest, int max) {
            this.items = items;
            this.newest = newest;
            this.max = max;
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
            return new SiteState(items, newest);
        }
    }
}
