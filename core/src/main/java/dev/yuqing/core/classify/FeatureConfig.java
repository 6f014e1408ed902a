package dev.yuqing.core.classify;

import java.util.Set;
import java.util.TreeSet;

/**
 * How text becomes features. Saved inside each model file so a model is always scored with the
 * features it was trained on.
 *
 * @param hashBits        log2 of the number of hash buckets
 * @param maxCharNgram    longest character n-gram (1 to this)
 * @param negationWindow  how many words after a negation word are marked {@code NEG_}
 * @param negationWords   words that open a negation scope; empty disables negation marking
 * @param degreeWords     degree adverbs; the word after one is also emitted as {@code DEG_word}
 * @param positiveWords   sentiment lexicon, positive words: each adds {@code LEX_POS} (or {@code NEG_LEX_POS}
 *                        inside a negation scope); empty for models that do not use a lexicon
 * @param negativeWords   sentiment lexicon, negative words, likewise {@code LEX_NEG}
 */
public record FeatureConfig(int hashBits, int maxCharNgram, int negationWindow, Set<String> negationWords, Set<String> degreeWords,
                            Set<String> positiveWords, Set<String> negativeWords) {
    public FeatureConfig {
        if (hashBits < 4 || hashBits > 26) {
            throw new IllegalArgumentException("hashBits must be in [4, 26], was " + hashBits);
        }
        if (maxCharNgram < 1 || maxCharNgram > 5) {
            throw new IllegalArgumentException("maxCharNgram must be in [1, 5], was " + maxCharNgram);
        }
        if (negationWindow < 0) {
            throw new IllegalArgumentException("negationWindow must not be negative, was " + negationWindow);
        }
        // Sorted copies: the saved file (and so the model bytes) must not depend on set iteration order.
        negationWords = Set.copyOf(new TreeSet<>(negationWords));
        degreeWords = Set.copyOf(new TreeSet<>(degreeWords));
        positiveWords = Set.copyOf(new TreeSet<>(positiveWords));
        negativeWords = Set.copyOf(new TreeSet<>(negativeWords));
    }

    public int buckets() {
        return 1 << hashBits;
    }
}
