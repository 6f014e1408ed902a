package dev.yuqing.core.harmful;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import dev.yuqing.core.train.CsvReader;

/**
 * Builds the shipped lexicons: the shared keyword lists (konsheng/Sensitive-lexicon, MIT) and the
 * hand-written seeds, normalised and de-duplicated, with every shared-list term dropped that fires
 * on clean text (half of the 80k reviews of the shared sentiment corpora; the other half measures
 * the false positives that remain), and every term of {@code exclude.txt} (everyday words of
 * government text). Seeds are kept: they were chosen by hand. A development tool: the project never reads the shared data at run time.
 *
 * <pre>
 * mvn -B -q -pl core compile exec:java -Dexec.mainClass=dev.yuqing.core.harmful.LexiconBuilder \
 *     -Dexec.args="../shared/data core/src/lexicon/seed core/src/main/resources/lexicons/harmful"
 * </pre>
 */
public final class LexiconBuilder {
    /** Shared list file → category. */
    static final Map<String, HarmfulCategory> SHARED = Map.of(
            "色情类型.txt", HarmfulCategory.PORNOGRAPHY,
            "色情词库.txt", HarmfulCategory.PORNOGRAPHY,
            "暴恐词库.txt", HarmfulCategory.TERRORISM,
            "涉枪涉爆.txt", HarmfulCategory.WEAPONS,
            "广告类型.txt", HarmfulCategory.SPAM_AD,
            "非法网址.txt", HarmfulCategory.ILLEGAL_URL);
    static final List<String> CLEAN = List.of("sentiment/ChnSentiCorp_htl_all.csv", "sentiment/waimai_10k.csv",
            "sentiment/online_shopping_10_cats.csv");

    private LexiconBuilder() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: LexiconBuilder <shared data dir> <seed dir> <output dir>");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path seeds = Path.of(args[1]);
        Path out = Path.of(args[2]);

        Map<HarmfulCategory, Map<String, Lexicon.Term>> candidates = new EnumMap<>(HarmfulCategory.class);
        for (var e : new TreeMap<>(SHARED).entrySet()) {
            for (String line : Files.readAllLines(data.resolve("lexicons/harmful").resolve(e.getKey()), StandardCharsets.UTF_8)) {
                String term = line.replace("\uFEFF", "").strip();
                add(candidates, e.getValue(), new Lexicon.Term(term, sharedWeight(e.getValue(), term)));
            }
        }
        Lexicon seed = Lexicon.fromDirectory(seeds);
        seed.terms().forEach((c, terms) -> terms.forEach(t -> add(candidates, c, t)));

        Set<String> excluded = new HashSet<>();
        for (String line : Files.readAllLines(seeds.resolve("exclude.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                excluded.add(line.strip());
            }
        }

        List<String> clean = new ArrayList<>();
        for (String f : CLEAN) {
            clean.addAll(reviews(data.resolve(f)));
        }
        List<String> pruneHalf = new ArrayList<>();
        List<String> heldOut = new ArrayList<>();
        for (String t : clean) {
            ((t.hashCode() & 1) == 0 ? pruneHalf : heldOut).add(t);
        }

        // Every candidate as evidence on its own, to see which terms fire on clean text.
        Map<HarmfulCategory, List<Lexicon.Term>> all = new EnumMap<>(HarmfulCategory.class);
        candidates.forEach((c, m) -> all.put(c, List.copyOf(m.values())));
        Map<HarmfulCategory, Double> zero = new EnumMap<>(HarmfulCategory.class);
        for (HarmfulCategory c : HarmfulCategory.values()) {
            zero.put(c, 0.0);
        }
        HarmfulDetector probe = new HarmfulDetector(new Lexicon(all, seed.allowed(), zero));
        Map<String, Integer> firing = new HashMap<>();
        for (String t : pruneHalf) {
            Set<String> seen = new HashSet<>();
            for (HarmfulMatch m : probe.detect(t).matches()) {
                if (seen.add(m.category() + "\t" + m.term())) {
                    firing.merge(m.category() + "\t" + m.term(), 1, Integer::sum);
                }
            }
        }

        Files.createDirectories(out);
        StringBuilder report = new StringBuilder();
        Map<HarmfulCategory, List<Lexicon.Term>> kept = new EnumMap<>(HarmfulCategory.class);
        for (HarmfulCategory c : HarmfulCategory.values()) {
            List<Lexicon.Term> keep = new ArrayList<>();
            int tooShort = 0;
            int noisy = 0;
            int curatedFiring = 0;
            int excludedCount = 0;
            Set<String> curated = new HashSet<>();
            seed.terms().getOrDefault(c, List.of()).forEach(t -> curated.add(t.text()));
            for (Lexicon.Term t : candidates.getOrDefault(c, Map.of()).values()) {
                boolean fires = firing.containsKey(c + "\t" + t.text());
                if (excluded.contains(t.text())) {
                    excludedCount++;
                } else if (!plausible(c, t.text())) {
                    tooShort++;
                } else if (fires && !curated.contains(t.text())) {
                    noisy++;
                } else {
                    // Hand-written seeds stay even when they fire: the reviews hold real insults.
                    curatedFiring += fires ? 1 : 0;
                    keep.add(t);
                }
            }
            kept.put(c, keep);
            write(out.resolve(c.code() + ".txt"), c, keep);
            report.append(String.format("%-12s kept %5d (%d curated ones that fire), dropped %4d too short, %4d firing on clean text, %d excluded%n",
                    c.code(), keep.size(), curatedFiring, tooShort, noisy, excludedCount));
        }
        Files.copy(seeds.resolve("allow.txt"), out.resolve("allow.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(seeds.resolve("evidence.properties"), out.resolve("evidence.properties"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        HarmfulDetector built = new HarmfulDetector(new Lexicon(kept, seed.allowed(), seed.evidence()));
        report.append(String.format("clean texts: %d for pruning, %d held out%n", pruneHalf.size(), heldOut.size()));
        report.append("flagged on the held-out half: ").append(flagged(built, heldOut)).append('\n');
        report.append("flagged on all clean texts:  ").append(flagged(built, clean)).append('\n');
        System.out.print(report);
    }

    /**
     * Two-character words of the shared sexual and violence lists (精子, 鸦片, 偷拍) are everyday words
     * in reviews and news: each is half the evidence, so one alone does not flag a text.
     */
    static double sharedWeight(HarmfulCategory c, String term) {
        boolean everyday = (c == HarmfulCategory.PORNOGRAPHY || c == HarmfulCategory.TERRORISM)
                && new dev.yuqing.core.normalize.TextNormalizer().normalizeTerm(term).length() <= 2;
        return everyday ? 0.5 : Lexicon.DEFAULT_WEIGHT;
    }

    /** "N of M (p%), by category {...}". */
    static String flagged(HarmfulDetector detector, List<String> texts) {
        int n = 0;
        Map<HarmfulCategory, Integer> byCategory = new EnumMap<>(HarmfulCategory.class);
        for (String t : texts) {
            HarmfulResult r = detector.detect(t);
            if (r.flagged()) {
                n++;
                r.verdicts().forEach(v -> byCategory.merge(v.category(), 1, Integer::sum));
            }
        }
        return String.format("%d of %d (%.3f%%), by category %s", n, texts.size(), 100.0 * n / texts.size(), byCategory);
    }

    private static void add(Map<HarmfulCategory, Map<String, Lexicon.Term>> candidates, HarmfulCategory c, Lexicon.Term t) {
        if (!t.text().isEmpty()) {
            candidates.computeIfAbsent(c, k -> new LinkedHashMap<>()).putIfAbsent(t.text(), t);
        }
    }

    /** Terms too short to mean anything alone: one Chinese character, two Latin letters, a bare short domain. */
    static boolean plausible(HarmfulCategory c, String term) {
        String form = new dev.yuqing.core.normalize.TextNormalizer().normalizeTerm(term);
        boolean ascii = form.chars().allMatch(ch -> ch < 128);
        if (c == HarmfulCategory.ILLEGAL_URL) {
            return term.contains(".") && form.length() >= 8;
        }
        return ascii ? form.length() >= 4 : form.length() >= 2;
    }

    private static void write(Path file, HarmfulCategory c, List<Lexicon.Term> terms) throws IOException {
        StringBuilder sb = new StringBuilder()
                .append("# ").append(c.chinese()).append(" (").append(c.code()).append("): ").append(terms.size()).append(" terms.\n")
                .append("# Built by dev.yuqing.core.harmful.LexiconBuilder from konsheng/Sensitive-lexicon (MIT) and\n")
                .append("# core/src/lexicon/seed; terms that fired on clean review text were dropped. Edit the seeds, not this file.\n");
        for (Lexicon.Term t : terms) {
            sb.append(t.text());
            if (t.weight() != Lexicon.DEFAULT_WEIGHT) {
                sb.append('\t').append(t.weight());
            }
            sb.append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    /** The review column of a shared sentiment CSV (the last column), header skipped. */
    static List<String> reviews(Path csv) throws IOException {
        List<String> out = new ArrayList<>();
        List<List<String>> rows = CsvReader.read(csv);
        for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            String review = row.get(row.size() - 1).replace("\uFEFF", "").strip();
            if (!review.isEmpty()) {
                out.add(review);
            }
        }
        return out;
    }
}
