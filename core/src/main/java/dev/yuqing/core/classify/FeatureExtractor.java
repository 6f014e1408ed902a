package dev.yuqing.core.classify;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns text into hashed features: character 1..n-grams of the normalised text, HanLP words, words
 * inside a negation scope ({@code NEG_word}) and words after a degree adverb ({@code DEG_word}).
 * Safe to share between threads: the HanLP segment is configured once and only read afterwards.
 */
public final class FeatureExtractor {
    static final String NEGATION_PREFIX = "NEG_";
    static final String DEGREE_PREFIX = "DEG_";
    static final String LEXICON_POSITIVE = "LEX_POS";
    static final String LEXICON_NEGATIVE = "LEX_NEG";
    private static final String WORD_PREFIX = "w:";
    private static final String CHAR_PREFIX = "c:";

    private final FeatureConfig config;
    private final Segment segment;

    public FeatureExtractor(FeatureConfig config) {
        this.config = config;
        // Name recognition costs time and adds nothing to sentiment or offensiveness features.
        this.segment = HanLP.newSegment()
                .enableNameRecognize(false)
                .enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false)
                .enablePlaceRecognize(false)
                .enableOrganizationRecognize(false);
    }

    public FeatureConfig config() {
        return config;
    }

    /** The feature names of a text (before hashing), in order of extraction; repeats are kept. */
    public List<String> features(String text) {
        String s = SocialTextCleaner.normalize(text);
        List<String> out = new ArrayList<>(s.length() * (config.maxCharNgram() + 1));
        addCharNgrams(s, out);
        if (!s.isEmpty()) {
            addWords(segment.seg(s), out);
        }
        return out;
    }

    /** The hashed, L2-normalised feature vector of a text; values are 1 + ln(count) before normalising. */
    public SparseVector vectorize(String text) {
        List<String> names = features(text);
        int[] hashed = new int[names.size()];
        int mask = config.buckets() - 1;
        for (int i = 0; i < hashed.length; i++) {
            hashed[i] = bucket(names.get(i)) & mask;
        }
        Arrays.sort(hashed);
        int distinct = 0;
        int[] idx = new int[hashed.length];
        float[] val = new float[hashed.length];
        for (int i = 0; i < hashed.length; ) {
            int j = i;
            while (j < hashed.length && hashed[j] == hashed[i]) {
                j++;
            }
            idx[distinct] = hashed[i];
            val[distinct] = (float) (1 + Math.log(j - i));
            distinct++;
            i = j;
        }
        double norm = 0;
        for (int i = 0; i < distinct; i++) {
            norm += val[i] * val[i];
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < distinct; i++) {
            val[i] *= scale;
        }
        return new SparseVector(Arrays.copyOf(idx, distinct), Arrays.copyOf(val, distinct));
    }

    private void addCharNgrams(String s, List<String> out) {
        for (int start = 0; start < s.length(); start++) {
            for (int n = 1; n <= config.maxCharNgram() && start + n <= s.length(); n++) {
                char last = s.charAt(start + n - 1);
                if (Character.isWhitespace(last)) {
                    break; // n-grams do not span the gaps left by removed tags, URLs and mentions
                }
                out.add(CHAR_PREFIX + s.substring(start, start + n));
            }
        }
    }

    private void addWords(List<Term> terms, List<String> out) {
        int negationLeft = 0;
        boolean afterDegree = false;
        for (Term term : terms) {
            String word = term.word;
            if (word.isBlank()) {
                continue;
            }
            if (isPunctuation(term)) {
                // A clause boundary ends a negation scope: "不贵，但难吃" does not negate 难吃.
                negationLeft = 0;
                afterDegree = false;
                out.add(WORD_PREFIX + word);
                continue;
            }
            out.add(WORD_PREFIX + word);
            if (config.negationWords().contains(word)) {
                negationLeft = config.negationWindow();
                continue;
            }
            String polarity = config.positiveWords().contains(word) ? LEXICON_POSITIVE
                    : config.negativeWords().contains(word) ? LEXICON_NEGATIVE : null;
            String negated = negationLeft > 0 ? NEGATION_PREFIX : "";
            if (negationLeft > 0) {
                out.add(NEGATION_PREFIX + word);
                negationLeft--;
            }
            if (polarity != null) {
                out.add(negated + polarity);
            }
            if (afterDegree) {
                out.add(DEGREE_PREFIX + word);
                if (polarity != null) {
                    out.add(DEGREE_PREFIX + negated + polarity);
                }
                afterDegree = false;
            }
            if (config.degreeWords().contains(word)) {
                afterDegree = true;
            }
        }
    }

    private static boolean isPunctuation(Term term) {
        if (term.nature != null && term.nature.toString().startsWith("w")) {
            return true;
        }
        for (int i = 0; i < term.word.length(); i++) {
            int type = Character.getType(term.word.charAt(i));
            boolean punct = type >= Character.DASH_PUNCTUATION && type <= Character.OTHER_PUNCTUATION
                    || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION;
            if (!punct) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a over UTF-8 bytes with a murmur3 finaliser: stable across JVMs, unlike identity hashes. */
    static int bucket(String feature) {
        int h = 0x811C9DC5;
        for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
