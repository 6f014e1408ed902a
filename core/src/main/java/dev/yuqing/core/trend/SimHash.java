package dev.yuqing.core.trend;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * 64-bit SimHash (Charikar): each feature's hash votes on every bit, and the sign of the votes
 * gives the fingerprint. Texts that share most features differ in few bits. Features are the
 * post's segmented terms, or the character bigrams of its text when it has none.
 */
public final class SimHash {
    /** Fingerprints at most this many bits apart are near-duplicates. */
    public static final int NEAR_DUPLICATE_DISTANCE = 3;

    private SimHash() {}

    public static long of(List<String> features) {
        int[] votes = new int[64];
        for (String f : features) {
            long h = hash(f);
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1L) == 1L ? 1 : -1;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    /** By terms when there are any, else by character bigrams of the text. */
    public static long of(List<String> terms, String text) {
        return terms == null || terms.isEmpty() ? of(bigrams(text)) : of(terms);
    }

    /** Overlapping pairs of non-white-space characters; a single character stands for itself. */
    public static List<String> bigrams(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int[] cps = text.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
        if (cps.length == 1) {
            out.add(new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        return out;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    public static boolean nearDuplicate(long a, long b) {
        return distance(a, b) <= NEAR_DUPLICATE_DISTANCE;
    }

    /** Bands {@link #bandKeys} cuts a fingerprint into: one more than the near-duplicate distance. */
    public static final int BANDS = NEAR_DUPLICATE_DISTANCE + 1;

    /**
     * The fingerprint cut into {@link #BANDS} bands of 16 bits, each tagged with its position. Two
     * near-duplicates differ in at most {@link #NEAR_DUPLICATE_DISTANCE} bits, which touch at most
     * that many bands, so they share at least one key (pigeonhole): an index by these keys finds
     * every near-duplicate without comparing against all fingerprints.
     */
    public static long[] bandKeys(long fingerprint) {
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            keys[band] = ((long) band << 16) | ((fingerprint >>> (16 * band)) & 0xffffL);
        }
        return keys;
    }

    /**
     * FNV-1a over UTF-8, then the SplitMix64 finaliser: FNV alone leaves the high bits of short
     * strings poorly mixed, which would bias their votes.
     */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
