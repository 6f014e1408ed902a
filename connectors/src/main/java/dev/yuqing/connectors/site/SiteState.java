package dev.yuqing.connectors.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.yuqing.connectors.connect.PostIds;
import dev.yuqing.core.json.Json;
import java.io.IOException;
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
 * the column's latest update, and the links reported dead with the status they answered and the page
 * they were on, so that a link found alive again, or gone from its page, is reported so (its finding
 * closes) even after a restart.
 *
 * @param items  key → true when done, false when the message awaits its reply
 * @param newest the newest published time of the column's items, or null
 * @param dead   link key → the dead link, oldest report first
 */
record SiteState(Map<String, Boolean> items, Instant newest, Map<String, DeadLink> dead) {
    static final String SEEN = "seen";
    static final String NEWEST = "newest";
    /** Dead links before they kept their link and page: key:status, read so that they can still be reported alive. */
    static final String DEAD = "dead";
    /** Dead links as JSON [[link, page, status], ...]: links hold commas and colons. */
    static final String DEAD_LINKS = "deadLinks";

    /**
     * A link reported dead.
     *
     * @param link   the link as reported, null when an older offset kept only its key
     * @param page   the list page it was found on, null likewise
     * @param status the status it answered (0: no answer)
     */
    record DeadLink(String link, String page, int status) {}
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
        Map<String, DeadLink> dead = new LinkedHashMap<>();
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
                        dead.put(entry.substring(0, colon), new DeadLink(null, null, Integer.parseInt(entry.substring(colon + 1))));
                    } catch (IndexOutOfBoundsException | NumberFormatException e) {
                        // an offset set by hand: the link, if still dead, is reported again
                    }
                }
            }
            if (offset.get(DEAD_LINKS) instanceof String s && !s.isEmpty()) {
                try {
                    for (JsonNode e : Json.MAPPER.readTree(s)) {
                        String link = e.path(0).asText();
                        dead.put(key(URI.create(link)), new DeadLink(link, e.path(1).asText(), e.path(2).asInt()));
                    }
                } catch (IOException | IllegalArgumentException e) {
                    // an offset set by hand: the links, if still dead, are reported again
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
        StringBuilder legacy = new StringBuilder();
        ArrayNode links = Json.MAPPER.createArrayNode();
        dead.forEach((k, d) -> {
            if (d.link() == null) {
                legacy.append(legacy.isEmpty() ? "" : ",").append(k).append(':').append(d.status());
            } else {
                links.addArray().add(d.link()).add(d.page()).add(d.status());
            }
        });
        if (!legacy.isEmpty()) {
            m.put(DEAD, legacy.toString());
        }
        if (!links.isEmpty()) {
            m.put(DEAD_LINKS, links.toString());
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
        private final LinkedHashMap<String, DeadLink> dead;
        private final int max;

        private Builder(LinkedHashMap<String, Boolean> items, Instant newest, LinkedHashMap<String, DeadLink> dead, int max) {
            this.items = items;
            this.newest = newest;
            this.dead = dead;
            this.max = max;
        }

        /** The status the link was last reported dead with, or null when it was not (or was found alive since). */
        Integer deadStatus(String linkKey) {
            DeadLink d = dead.get(linkKey);
            return d == null ? null : d.status();
        }

        /** The link, found on {@code page}, was reported dead with {@code status}. */
        void dead(URI link, URI page, int status) {
            String k = key(link);
            dead.remove(k);
            dead.put(k, new DeadLink(link.toString(), page.toString(), status));
        }

        /** The link was found alive, or gone from its page. */
        void alive(String linkKey) {
            dead.remove(linkKey);
        }

        /** The dead links remembered, by key. */
        Map<String, DeadLink> deadLinks() {
            return java.util.Collections.unmodifiableMap(dead);
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
