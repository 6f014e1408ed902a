package dev.yuqing.core.harmful;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import dev.yuqing.core.normalize.NormalizedText;
import dev.yuqing.core.normalize.TextNormalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds harmful content with an Aho-Corasick double-array trie over normalised text, so the usual
 * disguises (symbols between characters, full-width, traditional characters, case, repeats) do not
 * hide a term. Keyword lists alone flag too much, so three context rules cut false positives:
 * <ul>
 *   <li>a term inside an allow-listed phrase (反诈宣传, 远离毒品...) does not count, nor one that
 *       spans a Chinese clause break (the end of one clause and the start of the next);</li>
 *   <li>a short Chinese term (two characters) counts only as a whole word of HanLP's segmentation,
 *       and a Latin or digit term only between non-alphanumeric neighbours (so "sb" in "usb" and a
 *       domain inside a longer one do not count);</li>
 *   <li>a category is flagged only when its distinct terms reach the category's evidence weight.</li>
 * </ul>
 * Immutable and thread-safe; build a new one to reload the lexicons.
 */
public final class HarmfulDetector {
    private static final int SHORT_TERM = 2;
    private static final String CLAUSE_BREAKS = "，。！？；：、\n\r";

    private record Entry(HarmfulCategory category, String term, double weight) {}

    private final TextNormalizer normalizer = new TextNormalizer();
    private final AhoCorasickDoubleArrayTrie<List<Entry>> terms = new AhoCorasickDoubleArrayTrie<>();
    private final AhoCorasickDoubleArrayTrie<String> allowed = new AhoCorasickDoubleArrayTrie<>();
    private final Map<HarmfulCategory, Double> evidence;
    private final Segment segment;
    private final int termCount;

    public HarmfulDetector(Lexicon lexicon) {
        TreeMap<String, List<Entry>> byForm = new TreeMap<>();
        lexicon.terms().forEach((category, list) -> {
            for (Lexicon.Term t : list) {
                String form = normalizer.normalizeTerm(t.text());
                if (!form.isEmpty()) {
                    byForm.computeIfAbsent(form, k -> new ArrayList<>()).add(new Entry(category, t.text(), t.weight()));
                }
            }
        });
        if (byForm.isEmpty()) {
            throw new IllegalArgumentException("the harmful-content lexicon has no terms");
        }
        terms.build(byForm);
        termCount = byForm.size();
        TreeMap<String, String> allow = new TreeMap<>();
        for (String phrase : lexicon.allowed()) {
            String form = normalizer.normalizeTerm(phrase);
            if (!form.isEmpty()) {
                allow.put(form, phrase);
            }
        }
        allow.putIfAbsent("\u0000", "\u0000"); // HanLP's trie refuses an empty map
        allowed.build(allow);
        evidence = new EnumMap<>(lexicon.evidence());
        segment = HanLP.newSegment().enableNameRecognize(false);
    }

    /** The shipped lexicons. */
    public static HarmfulDetector standard() {
        return new HarmfulDetector(Lexicon.fromClasspath());
    }

    public int termCount() {
        return termCount;
    }

    public HarmfulResult detect(String text) {
        if (text == null || text.isEmpty()) {
            return new HarmfulResult(List.of(), List.of());
        }
        NormalizedText n = normalizer.normalize(text);
        String norm = n.text();
        BitSet allowedChars = new BitSet(norm.length());
        allowed.parseText(norm, (begin, end, phrase) -> allowedChars.set(begin, end));
        BitSet[] wordBounds = {null};

        List<HarmfulMatch> matches = new ArrayList<>();
        terms.parseText(norm, (begin, end, entries) -> {
            if (allowedChars.nextClearBit(begin) >= end) {
                return; // wholly inside an allow-listed phrase
            }
            int start = n.originalStart(begin);
            int stop = n.originalEnd(end);
            if (spansClauseBreak(text, start, stop)) {
                return; // the end of one clause and the start of the next are not a word
            }
            if (isAsciiAlnum(norm.charAt(begin))) {
                if ((begin > 0 && isAsciiAlnum(norm.charAt(begin - 1))) || (end < norm.length() && isAsciiAlnum(norm.charAt(end)))) {
                    return;
                }
            } else if (end - begin <= SHORT_TERM) {
                if (wordBounds[0] == null) {
                    wordBounds[0] = wordBoundaries(norm);
                }
                if (!wordBounds[0].get(begin) || !wordBounds[0].get(end)) {
                    return;
                }
            }
            for (Entry e : entries) {
                matches.add(new HarmfulMatch(e.category(), e.term(), text.substring(start, stop), start, stop, e.weight()));
            }
        });
        matches.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        return new HarmfulResult(verdicts(matches), matches);
    }

    private List<HarmfulVerdict> verdicts(List<HarmfulMatch> matches) {
        Map<HarmfulCategory, Map<String, Double>> distinct = new EnumMap<>(HarmfulCategory.class);
        for (HarmfulMatch m : matches) {
            distinct.computeIfAbsent(m.category(), c -> new LinkedHashMap<>()).merge(m.term(), m.weight(), Math::max);
        }
        List<HarmfulVerdict> out = new ArrayList<>();
        distinct.forEach((category, termWeights) -> {
            double score = termWeights.values().stream().mapToDouble(Double::doubleValue).sum();
            if (score >= evidence.getOrDefault(category, Lexicon.DEFAULT_EVIDENCE)) {
                out.add(new HarmfulVerdict(category, category.severity(), score, new ArrayList<>(termWeights.keySet())));
            }
        });
        return out;
    }

    /** Offsets where a word of HanLP's segmentation starts or ends. */
    private BitSet wordBoundaries(String norm) {
        BitSet b = new BitSet(norm.length() + 1);
        int offset = 0;
        for (Term t : segment.seg(norm)) {
            b.set(offset);
            offset += t.word.length();
        }
        b.set(offset);
        return b;
    }

    /** Chinese clause punctuation and line breaks; ASCII punctuation is a common disguise, so it is not one. */
    private static boolean spansClauseBreak(String text, int start, int stop) {
        for (int i = start; i < stop; i++) {
            if (CLAUSE_BREAKS.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
