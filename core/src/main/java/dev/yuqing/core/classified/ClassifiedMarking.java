package dev.yuqing.core.classified;

import java.util.Objects;
import java.util.Set;

/**
 * A classification marking (密级标志) found in a text.
 *
 * @param level  绝密, 机密 or 秘密 for a security classification, 内部 for internal-use markings
 *               such as 内部资料 or 不得外传
 * @param marker the marking as written, e.g. 机密★10年, 【秘密】, 内部资料
 * @param start  offset of the marking's first character
 * @param end    offset after its last character (exclusive)
 */
public record ClassifiedMarking(String level, String marker, int start, int end) {
    public static final String TOP_SECRET = "绝密";
    public static final String SECRET = "机密";
    public static final String CONFIDENTIAL = "秘密";
    public static final String INTERNAL = "内部";
    public static final Set<String> LEVELS = Set.of(TOP_SECRET, SECRET, CONFIDENTIAL, INTERNAL);

    public ClassifiedMarking {
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("unknown level '" + level + "' (expected one of " + LEVELS + ")");
        }
        Objects.requireNonNull(marker, "marker");
        if (start < 0 || end - start != marker.length()) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") does not fit marker '" + marker + "'");
        }
    }
}
