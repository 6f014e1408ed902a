package dev.yuqing.core.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.summary.TextRankKeyword;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HanLP segmentation, keywords and person / place / organisation names. Not serialisable (HanLP's segmenter
 * is not): create one per operator instance. Safe to share between threads.
 *
 * <p>Keywords are TextRank's best-ranked words that are not {@link CommonWords}: everyday words
 * (真的, 今天, 觉得) rank high in any short post, and the trend job took them for bursts.
 */
public final class TextAnalyzer {
    public static final int DEFAULT_KEYWORDS = 8;

    /** Best rank first; equal ranks by word, so the keywords do not depend on hash order. */
    private static final Comparator<Map.Entry<String, Float>> BEST_FIRST =
            Map.Entry.<String, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    private final Segment segment;
    private final int keywordCount;
    private final CommonWords commonWords;

    /** With the shipped common-word list. */
    public TextAnalyzer(int keywordCount) {
        this(keywordCount, CommonWords.standard());
    }

    public TextAnalyzer(int keywordCount, CommonWords commonWords) {
        if (keywordCount < 1) {
            throw new IllegalArgumentException("keywordCount must be at least 1, was " + keywordCount);
        }
        this.keywordCount = keywordCount;
        this.commonWords = Objects.requireNonNull(commonWords, "commonWords");
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
        // Every word TextRank ranks, not a top-n: after the common words are gone, up to
        // keywordCount must remain. (HanLP.extractKeyword is this ranking cut to its top n.)
        List<String> keywords = new TextRankKeyword().getTermAndRank(all).entrySet().stream()
                .sorted(BEST_FIRST)
                .map(Map.Entry::getKey)
                .filter(k -> isKeyword(k) && !commonWords.contains(k))
                .limit(keywordCount)
                .collect(Collectors.toCollection(ArrayList::new));
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
