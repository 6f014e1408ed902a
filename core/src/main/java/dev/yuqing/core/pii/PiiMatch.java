package dev.yuqing.core.pii;

import java.util.Objects;

/**
 * Personal data found in a text.
 *
 * @param type   what was found
 * @param start  offset of the first character in the text searched
 * @param end    offset after the last character (exclusive)
 * @param masked the value with most of it replaced by '*'; the raw value is deliberately not kept,
 *               so that a match can be logged or stored without leaking what it found
 */
public record PiiMatch(PiiType type, int start, int end, String masked) {
    public PiiMatch {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(masked, "masked");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
