package dev.yuqing.core.harmful;

/**
 * One lexicon term found in a text.
 *
 * @param term  the lexicon term
 * @param found the text as it stood in the post (maybe disguised)
 * @param start offset of {@code found} in the original text
 * @param end   end offset (exclusive)
 */
public record HarmfulMatch(HarmfulCategory category, String term, String found, int start, int end, double weight) {}
