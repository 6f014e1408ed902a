package dev.yuqing.connectors.api;

import dev.yuqing.connectors.connect.PostIds;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An API listing's cursor, kept by Connect as the source offset: the keys of the items sent
 * recently (oldest first, at most api.seen.max), and, as the paging mode needs, the highest
 * native id sent (since-id) or the cursor to start the next poll at (cursor).
 *
 * @param seen   {@link #key} of each recently handled item, oldest first
 * @param since  the highest native id handled, or null
 * @param cursor the cursor of the next request, or null
 */
record ApiState(Set<String> seen, String since, String cursor) {
    static final String SEEN = "seen";
    static final String SINCE = "since";
    static final String CURSOR = "cursor";

    ApiState {
        seen = Collections.unmodifiableSet(new LinkedHashSet<>(seen));
    }

    static ApiState of(Map<String, Object> offset) {
        if (offset == null) {
            return new ApiState(Set.of(), null, null);
        }
        Set<String> keys = new LinkedHashSet<>();
        if (offset.get(SEEN) instanceof String s && !s.isEmpty()) {
            keys.addAll(Arrays.asList(s.split(",")));
        }
        return new ApiState(keys, string(offset.get(SINCE)), string(offset.get(CURSOR)));
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    Map<String, Object> toOffset() {
        Map<String, Object> m = new HashMap<>();
        m.put(SEEN, String.join(",", seen));
        if (since != null) {
            m.put(SINCE, since);
        }
        if (cursor != null) {
            m.put(CURSOR, cursor);
        }
        return m;
    }

    /** This state with {@code keys} as the most recent, the oldest dropped beyond {@code max}. */
    ApiState remember(Collection<String> keys, int max, String since, String cursor) {
        LinkedHashSet<String> s = new LinkedHashSet<>(seen);
        for (String k : keys) {
            s.remove(k); // seen again: now among the most recent
            s.add(k);
        }
        Iterator<String> oldest = s.iterator();
        for (int drop = s.size() - max; drop > 0; drop--) {
            oldest.next();
            oldest.remove();
        }
        return new ApiState(s, since, cursor);
    }

    /** An item's identity in 16 hex digits: of its native id, else of its whole JSON. */
    static String key(String nativeId, com.fasterxml.jackson.databind.JsonNode item) {
        // The JSON is written out only for an item without an id: most of a poll's items are known ones.
        return PostIds.sha256Hex(nativeId != null ? "id:" + nativeId : "json:" + item).substring(0, 16);
    }

    /** Native ids compared as numbers when both are integers (most APIs), else as text. */
    static int compareIds(String a, String b) {
        if (a.matches("-?\\d{1,200}") && b.matches("-?\\d{1,200}")) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        return a.compareTo(b);
    }
}
