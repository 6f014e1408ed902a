package dev.yuqing.bench;

import dev.yuqing.core.harmful.HarmfulCategory;
import dev.yuqing.core.harmful.Lexicon;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The shipped harmful-content lexicon as plain term lists, for both detectors and for sampling. */
public record HarmfulTerms(Map<HarmfulCategory, List<String>> byCategory) {

    /** Every term of lexicons/harmful/*.txt (weights stripped, comments skipped), as core reads them. */
    public static HarmfulTerms shipped() {
        Lexicon lexicon = Lexicon.fromClasspath();
        Map<HarmfulCategory, List<String>> out = new java.util.EnumMap<>(HarmfulCategory.class);
        lexicon.terms().forEach((category, terms) -> out.put(category, terms.stream().map(Lexicon.Term::text).toList()));
        return new HarmfulTerms(out);
    }

    /** Distinct terms of all categories, in file order. */
    public List<String> all() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        byCategory.values().forEach(all::addAll);
        return new ArrayList<>(all);
    }

    /**
     * {@code perCategory} terms of each category, drawn with {@code random}. Stratified because
     * URLs are 93% of the lexicon, and a plain sample would test little but URLs.
     */
    public List<String> sample(int perCategory, Random random) {
        LinkedHashSet<String> picked = new LinkedHashSet<>();
        byCategory.forEach((category, terms) -> {
            List<String> shuffled = new ArrayList<>(terms);
            java.util.Collections.shuffle(shuffled, random);
            shuffled.stream().filter(t -> !picked.contains(t)).limit(perCategory).forEach(picked::add);
        });
        return new ArrayList<>(picked);
    }
}
