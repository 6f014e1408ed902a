package dev.yuqing.connectors.rss;

import dev.yuqing.connectors.connect.PostIds;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A feed's cursor, kept by Connect as the source offset: the validators of the last document
 * whose items were all handled (for the conditional GET) and the keys of that document's items.
 * A feed shows its latest items, so remembering the last document's items is enough to send only
 * what is new; an item that drops out and comes back is sent again, with the same post id.
 *
 * @param etag         the ETag of the last document, or null
 * @param lastModified its Last-Modified, or null
 * @param seen         {@link #key} of each item of it
 */
record FeedState(String etag, String lastModified, Set<String> seen) {
    static final String ETAG = "etag";
    static final String LAST_MODIFIED = "last.modified";
    static final String SEEN = "seen";
    static final FeedState EMPTY = new FeedState(null, null, Set.of());

    FeedState {
        seen = Set.copyOf(seen);
    }

    static FeedState of(Map<String, Object> offset) {
        if (offset == null) {
            return EMPTY;
        }
        Object seen = offset.get(SEEN);
        Set<String> keys = new LinkedHashSet<>();
        if (seen instanceof String s && !s.isEmpty()) {
            keys.addAll(Arrays.asList(s.split(",")));
        }
        return new FeedState(string(offset.get(ETAG)), string(offset.get(LAST_MODIFIED)), keys);
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    Map<String, Object> toOffset() {
        Map<String, Object> m = new HashMap<>();
        if (etag != null) {
            m.put(ETAG, etag);
        }
        if (lastModified != null) {
            m.put(LAST_MODIFIED, lastModified);
        }
        m.put(SEEN, String.join(",", seen));
        return m;
    }

    /** An item's identity in 16 hex digits: of its id, else its link, else its whole XML. */
    static String key(FeedEntry e) {
        String identity = e.id() != null ? "id:" + e.id() : e.link() != null ? "link:" + e.link() : "xml:" + e.xml();
        return PostIds.sha256Hex(identity).substring(0, 16);
    }
}
