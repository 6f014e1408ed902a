package dev.yuqing.core.text;

/**
 * Folds full-width ASCII forms (０-９, Ａ-Ｚ, （）, －, ＠, ：…) and the ideographic space to their
 * ASCII equivalents, one character for one, so that offsets found in the folded text are offsets
 * into the original. Chinese input methods produce these forms, and pattern rules written for ASCII
 * would otherwise miss them.
 */
public final class HalfWidth {
    private static final char FULL_FIRST = '\uFF01';
    private static final char FULL_LAST = '\uFF5E';
    private static final int FULL_TO_ASCII = 0xFF01 - 0x21;
    private static final char IDEOGRAPHIC_SPACE = '\u3000';

    private HalfWidth() {
    }

    /** The text with full-width forms folded; always the same length as the input. */
    public static String fold(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char folded = fold(c);
            if (folded != c) {
                if (out == null) {
                    out = text.toCharArray();
                }
                out[i] = folded;
            }
        }
        return out == null ? text : new String(out);
    }

    public static char fold(char c) {
        if (c >= FULL_FIRST && c <= FULL_LAST) {
            return (char) (c - FULL_TO_ASCII);
        }
        return c == IDEOGRAPHIC_SPACE ? ' ' : c;
    }
}
