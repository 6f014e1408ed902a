package dev.yuqing.core.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * HanLP segmentation, keywords and person / place / organisation names. Not serialisable (HanLP's segmenter
 * is not): create one per operator instance. Safe to share between threads.
 */
public final class TextAnalyzer {
    public static final int DEFAULT_KEYWORDS = 8;

    private final Segment segment;
    private final int keywordCount;

    public TextAnalyzer(int keywordCount) {
        if (keywordCount < 1) {
            throw new IllegalArgumentException("keywordCount must be at least 1, was " + keywordCount);
        }
        this.keywordCount = keywordCount;
        this.segment = HanLP.newSegment()
                .enableNameRecognize(true)
                .enablePlaceRecognize(true)
                .enableOrganizationRecognize(true);
    }

    public TextAnalyzer() {
        this(DEFAULT_KEYWORDS);
    }

    /** Analyses the title (when there is one) followed by the text. */
    public TextFeatures analyze(String title, String text) {
        String given = title == null || title.isBlank() ? text : title + "\n" + text;
        // Traditional characters segment badly with HanLP's simplified dictionaries.
        String all = HanLP.convertToSimplifiedChinese(given);
        Set<String> terms = new LinkedHashSet<>();
        Set<String> persons = new LinkedHashSet<>();
        Set<String> places = new LinkedHashSet<>();
        Set<String> orgs = new LinkedHashSet<>();
        for (Term term : segment.seg(all)) {
            String nature = term.nature == null ? "" : term.nature.toString();
            if (nature.startsWith("nr")) {
                persons.add(term.word);
            } else if (nature.startsWith("ns")) {
                places.add(term.word);
            } else if (nature.startsWith("nt") || nature.equals("nis")) { // nis: bureaus such as 水务局
                orgs.add(term.word);
            }
            if (isContentWord(term, nature)) {
                terms.add(term.word);
            }
        }
        List<String> keywords = new ArrayList<>();
        for (String k : HanLP.extractKeyword(all, keywordCount * 3)) {
            if (keywords.size() < keywordCount && isKeyword(k)) {
                keywords.add(k);
            }
        }
        return new TextFeatures(keywords, new ArrayList<>(terms), new ArrayList<>(persons), new ArrayList<>(places),
                new ArrayList<>(orgs), given.length());
    }

    /**
     * A keyword names something: at least two characters and a letter among them. TextRank also
     * returns markup (the {@code %} and {@code #} of Weibo's topic markers) and single characters
     * (说, 想, 吃), which made the trend job see bursts of nothing.
     */
    public static boolean isKeyword(String k) {
        return k.codePointCount(0, k.length()) >= 2 && k.codePoints().anyMatch(Character::isLetter);
    }

    private static boolean isContentWord(Term term, String nature) {
        if (nature.startsWith("w") || term.word.isBlank()) {
            return false; // punctuation
        }
        return CoreStopWordDictionary.shouldInclude(term);
    }
}
