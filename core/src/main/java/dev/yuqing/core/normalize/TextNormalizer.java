package dev.yuqing.core.normalize;

import com.hankcs.hanlp.HanLP;
import java.util.Arrays;

/**
 * Undoes the disguises people put on words to slip past keyword filters, keeping a map back to
 * the original offsets: full-width to half-width, upper to lower case, traditional to simplified
 * Chinese, circled and other look-alike digits and letters to plain ones, and it drops what was
 * put between characters (spaces, punctuation, symbols, emoji, zero-width characters) and
 * collapses repeated Chinese characters. Lexicon terms go through the same normaliser, so a term and its
 * disguises meet in the same form. Thread-safe and stateless.
 */
public final class TextNormalizer {
    private static final char CJK_FIRST = '\u4e00';
    private static final char CJK_LAST = '\u9fff';

    /** Simplified form of each CJK unified ideograph; built once, then only read. */
    private static final class Simplified {
        static final char[] TABLE = build();

        private static char[] build() {
            char[] table = new char[CJK_LAST - CJK_FIRST + 1];
            for (int i = 0; i < table.length; i++) {
                // One character at a time: HanLP's phrase rules would change lengths and offsets.
                String one = HanLP.convertToSimplifiedChinese(String.valueOf((char) (CJK_FIRST + i)));
                table[i] = one.length() == 1 ? one.charAt(0) : (char) (CJK_FIRST + i);
            }
            return table;
        }
    }

    public NormalizedText normalize(String original) {
        int n = original.length();
        StringBuilder out = new StringBuilder(n);
        int[] starts = new int[n];
        int[] ends = new int[n];
        int len = 0;
        for (int i = 0; i < n; ) {
            int cp = original.codePointAt(i);
            int width = Character.charCount(cp);
            char c = fold(cp);
            if (c != 0) {
                if (len > 0 && out.charAt(len - 1) == c && isCjk(c)) {
                    // A repeated Chinese character: the kept one now covers it too. Latin letters
                    // and digits repeat in real words, numbers and URLs, so they stay.
                    ends[len - 1] = i + width;
                } else {
                    out.append(c);
                    starts[len] = i;
                    ends[len] = i + width;
                    len++;
                }
            }
            i += width;
        }
        return new NormalizedText(out.toString(), Arrays.copyOf(starts, len), Arrays.copyOf(ends, len));
    }

    /** Normalised form of a whole string, for lexicon terms. */
    public String normalizeTerm(String term) {
        return normalize(term).text();
    }

    private static boolean isCjk(char c) {
        return c >= CJK_FIRST && c <= CJK_LAST;
    }

    /** The plain form of one code point, or 0 to drop it. */
    static char fold(int cp) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            cp -= 0xFEE0; // full-width ASCII
        }
        if (cp >= 'A' && cp <= 'Z') {
            return (char) (cp + ('a' - 'A'));
        }
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            return (char) cp;
        }
        if (cp >= CJK_FIRST && cp <= CJK_LAST) {
            return Simplified.TABLE[cp - CJK_FIRST];
        }
        char lookAlike = lookAlike(cp);
        if (lookAlike != 0) {
            return lookAlike;
        }
        if (Character.isLetter(cp) && cp < 0x10000) {
            return Character.isUpperCase(cp) ? Character.toLowerCase((char) cp) : (char) cp; // other scripts, CJK extensions
        }
        return 0; // spaces, punctuation, symbols, emoji, control and zero-width characters
    }

    /** Digits and Latin letters in disguise: circled, parenthesised, full stop, mathematical. */
    private static char lookAlike(int cp) {
        if (cp >= 0x2460 && cp <= 0x2468) {
            return (char) ('1' + cp - 0x2460); // ①..⑨
        }
        if (cp >= 0x2474 && cp <= 0x247C) {
            return (char) ('1' + cp - 0x2474); // ⑴..⑼
        }
        if (cp >= 0x2488 && cp <= 0x2490) {
            return (char) ('1' + cp - 0x2488); // ⒈..⒐
        }
        if (cp >= 0x2776 && cp <= 0x277E) {
            return (char) ('1' + cp - 0x2776); // ❶..❾
        }
        if (cp == 0x24EA || cp == 0x3007) {
            return '0'; // ⓪ 〇
        }
        if (cp >= 0x24B6 && cp <= 0x24CF) {
            return (char) ('a' + cp - 0x24B6); // Ⓐ..Ⓩ
        }
        if (cp >= 0x24D0 && cp <= 0x24E9) {
            return (char) ('a' + cp - 0x24D0); // ⓐ..ⓩ
        }
        if (cp >= 0x1D400 && cp <= 0x1D6A3) {
            int k = (cp - 0x1D400) % 52; // mathematical bold, italic... A-Z a-z
            return (char) (k < 26 ? 'a' + k : 'a' + k - 26);
        }
        if (cp >= 0x1D7CE && cp <= 0x1D7FF) {
            return (char) ('0' + (cp - 0x1D7CE) % 10); // mathematical digits
        }
        return 0;
    }
}
