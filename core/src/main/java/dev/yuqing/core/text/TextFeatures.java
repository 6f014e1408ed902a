package dev.yuqing.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * What segmentation finds in a post's title and text.
 *
 * @param keywords the post's keywords, most important first (TextRank)
 * @param terms    the distinct content words in order of first use (no punctuation or stop words)
 * @param persons  person names HanLP recognised
 * @param places   place names HanLP recognised
 * @param organizations organisation names HanLP recognised
 * @param length   characters of text analysed
 */
public record TextFeatures(List<String> keywords, List<String> terms, List<String> persons, List<String> places,
                           List<String> organizations, int length) {
    public TextFeatures {
        // Mutable copies: Flink's Kryo fallback cannot copy the unmodifiable lists of List.of/toList.
        keywords = new ArrayList<>(keywords);
        terms = new ArrayList<>(terms);
        persons = new ArrayList<>(persons);
        places = new ArrayList<>(places);
        organizations = new ArrayList<>(organizations);
    }
}
