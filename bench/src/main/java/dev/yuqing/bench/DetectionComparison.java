package dev.yuqing.bench;

import com.github.houbb.sensitive.word.api.IWordResult;
import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.github.houbb.sensitive.word.support.result.WordResultHandlers;
import dev.yuqing.core.harmful.HarmfulCategory;
import dev.yuqing.core.harmful.HarmfulDetector;
import dev.yuqing.core.harmful.HarmfulMatch;
import dev.yuqing.core.harmful.HarmfulResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Detection, not speed: recall of our detector and of sensitive-word on lexicon terms in
 * disguise, and their false positives on the clean generated posts. Prints Markdown tables.
 * Run: {@code java -cp bench/target/yuqing-bench.jar dev.yuqing.bench.DetectionComparison [--misses]};
 * {@code --misses} also lists the disguised cases that our detector did not match.
 */
public final class DetectionComparison {
    private static final int TERMS_PER_CATEGORY = 12;
    private static final long SAMPLE_SEED = PostCorpus.SEED + 1;
    private static final long DISGUISE_SEED = PostCorpus.SEED + 2;
    /** Neutral sentences around the term: a detector sees it in context, as in a real post. */
    private static final List<Carrier> CARRIERS = List.of(
            new Carrier("刚刷到一条评论说", "，大家注意辨别。"),
            new Carrier("群里有人发", "的消息，已经举报了"),
            new Carrier("评论区：", " 懂的都懂"),
            new Carrier("看到有人在小区门口发传单，上面写着", "，还留了电话。"));

    private record Carrier(String before, String after) {}

    /** How a detector answers for one text. */
    private interface Check {
        /** A match overlapping [start, end) of the text. */
        boolean hits(String text, int start, int end);

        /** Anything reported at all. */
        boolean reportsAnything(String text);
    }

    private DetectionComparison() {}

    public static void main(String[] args) {
        HarmfulTerms terms = HarmfulTerms.shipped();
        List<String> lexicon = terms.all();
        HarmfulDetector ours = HarmfulDetector.standard();
        SensitiveWordBs swOptions = SensitiveWords.withTerms(lexicon, false);
        SensitiveWordBs swSymbols = SensitiveWords.withTerms(lexicon, true);

        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("ours: any match", ourCheck(ours, false));
        checks.put("ours: flagged", ourCheck(ours, true));
        checks.put("sensitive-word", swCheck(swOptions));
        checks.put("sensitive-word + specialChars", swCheck(swSymbols));

        System.out.printf("Lexicon: %d distinct terms; evasion sample: %d per category (seed %d); corpus seed %d%n%n",
                lexicon.size(), TERMS_PER_CATEGORY, SAMPLE_SEED, PostCorpus.SEED);
        carrierSanity(checks);
        evasion(terms, checks, List.of(args).contains("--misses"));
        falsePositives(terms, checks, ours, swOptions, swSymbols);
    }

    private static Check ourCheck(HarmfulDetector detector, boolean flaggedOnly) {
        return new Check() {
            @Override
            public boolean hits(String text, int start, int end) {
                HarmfulResult r = detector.detect(text);
                if (flaggedOnly && !r.flagged()) {
                    return false;
                }
                for (HarmfulMatch m : r.matches()) {
                    if (m.start() < end && m.end() > start) {
                        return !flaggedOnly || r.verdicts().stream().anyMatch(v -> v.category() == m.category());
                    }
                }
                return false;
            }

            @Override
            public boolean reportsAnything(String text) {
                HarmfulResult r = detector.detect(text);
                return flaggedOnly ? r.flagged() : !r.matches().isEmpty();
            }
        };
    }

    private static Check swCheck(SensitiveWordBs bs) {
        return new Check() {
            @Override
            public boolean hits(String text, int start, int end) {
                for (IWordResult w : bs.findAll(text, WordResultHandlers.raw())) {
                    if (w.startIndex() < end && w.endIndex() > start) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public boolean reportsAnything(String text) {
                return bs.contains(text);
            }
        };
    }

    private static void carrierSanity(Map<String, Check> checks) {
        for (Carrier c : CARRIERS) {
            String text = c.before() + c.after();
            checks.forEach((name, check) -> {
                if (check.reportsAnything(text)) {
                    System.out.printf("WARNING: %s reports something in the bare carrier '%s'%n", name, text);
                }
            });
        }
    }

    private static void evasion(HarmfulTerms terms, Map<String, Check> checks, boolean listMisses) {
        List<String> sample = terms.sample(TERMS_PER_CATEGORY, new Random(SAMPLE_SEED));
        Map<String, HarmfulCategory> categoryOf = new LinkedHashMap<>();
        terms.byCategory().forEach((c, list) -> list.forEach(t -> categoryOf.putIfAbsent(t, c)));
        Random random = new Random(DISGUISE_SEED);

        Map<Disguise, int[]> byDisguise = new EnumMap<>(Disguise.class); // [cases, hits per check...]
        Map<HarmfulCategory, int[]> byCategory = new EnumMap<>(HarmfulCategory.class);
        int[] disguisedTotal = new int[checks.size() + 1];
        List<String> misses = new ArrayList<>();
        Map<String, Integer> formsPerTerm = new LinkedHashMap<>();
        for (String term : sample) {
            for (Disguise d : Disguise.values()) {
                String shown = d.apply(term, random);
                if (shown == null) {
                    continue;
                }
                Carrier carrier = CARRIERS.get(random.nextInt(CARRIERS.size()));
                String text = carrier.before() + shown + carrier.after();
                int start = carrier.before().length();
                int end = start + shown.length();
                int[] row = byDisguise.computeIfAbsent(d, k -> new int[checks.size() + 1]);
                int[] cat = byCategory.computeIfAbsent(categoryOf.get(term), k -> new int[checks.size() + 1]);
                row[0]++;
                if (d != Disguise.PLAIN) {
                    formsPerTerm.merge(term, 1, Integer::sum);
                    cat[0]++;
                    disguisedTotal[0]++;
                }
                if (listMisses && !checks.values().iterator().next().hits(text, start, end)) {
                    misses.add(d.label() + ": " + text);
                }
                int k = 1;
                for (Check check : checks.values()) {
                    if (check.hits(text, start, end)) {
                        row[k]++;
                        if (d != Disguise.PLAIN) {
                            cat[k]++;
                            disguisedTotal[k]++;
                        }
                    }
                    k++;
                }
            }
        }
        int fewest = formsPerTerm.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        System.out.printf("### Recall on disguised terms (%d terms, %d disguised cases, at least %d disguised forms per term)%n%n",
                sample.size(), disguisedTotal[0], fewest);
        header("disguise", checks);
        byDisguise.forEach((d, row) -> line(d.label(), row));
        line("**all disguised**", disguisedTotal);
        System.out.println();
        System.out.println("### Recall on disguised terms by category");
        System.out.println();
        header("category", checks);
        byCategory.forEach((c, row) -> line(c.code(), row));
        System.out.println();
        if (listMisses) {
            System.out.println("Cases our detector did not match:");
            System.out.println();
            misses.forEach(m -> System.out.println("- " + m));
            System.out.println();
        }
    }

    private static void falsePositives(HarmfulTerms terms, Map<String, Check> checks, HarmfulDetector ours,
            SensitiveWordBs swOptions, SensitiveWordBs swSymbols) {
        List<BenchPost> corpus = PostCorpus.standard(terms);
        List<BenchPost> clean = corpus.stream().filter(BenchPost::clean).toList();
        List<BenchPost> harmful = corpus.stream().filter(Predicate.not(BenchPost::clean)).toList();
        double meanChars = corpus.stream().mapToInt(p -> p.all().length()).average().orElse(0);
        int min = corpus.stream().mapToInt(p -> p.text().length()).min().orElse(0);
        int max = corpus.stream().mapToInt(p -> p.text().length()).max().orElse(0);
        System.out.printf("### Generated corpus: %d posts (%d clean, %d with a planted term), text %d–%d chars, %.1f chars a post with title%n%n",
                corpus.size(), clean.size(), harmful.size(), min, max, meanChars);
        System.out.println("| detector | false positives on clean posts | rate | planted posts caught |");
        System.out.println("| --- | ---: | ---: | ---: |");
        checks.forEach((name, check) -> {
            long fp = clean.stream().filter(p -> check.reportsAnything(p.all())).count();
            long tp = harmful.stream().filter(p -> check.reportsAnything(p.all())).count();
            System.out.printf("| %s | %d / %d | %.2f%% | %d / %d (%.1f%%) |%n", name, fp, clean.size(), 100.0 * fp / clean.size(),
                    tp, harmful.size(), 100.0 * tp / harmful.size());
        });
        System.out.println();
        System.out.println("False positives by genre (clean posts flagged / clean posts of that genre):");
        System.out.println();
        for (String genre : List.of("notice", "complaint", "comment")) {
            List<BenchPost> ofGenre = clean.stream().filter(p -> p.genre().equals(genre)).toList();
            StringBuilder b = new StringBuilder("- ").append(genre).append(" (").append(ofGenre.size()).append("):");
            checks.forEach((name, check) -> b.append(String.format(" %s %.1f%%;", name,
                    100.0 * ofGenre.stream().filter(p -> check.reportsAnything(p.all())).count() / ofGenre.size())));
            System.out.println(b);
        }
        System.out.println();
        System.out.println("Terms behind the false positives (term: clean posts):");
        System.out.println();
        System.out.println("- ours, any match: " + topTerms(clean, p -> ours.detect(p.all()).matches().stream().map(HarmfulMatch::term).toList()));
        System.out.println("- ours, flagged: " + topTerms(clean, p -> ours.detect(p.all()).verdicts().stream().flatMap(v -> v.terms().stream()).toList()));
        System.out.println("- sensitive-word: " + topTerms(clean, p -> swOptions.findAll(p.all())));
        System.out.println("- sensitive-word + specialChars: " + topTerms(clean, p -> swSymbols.findAll(p.all())));
    }

    private static String topTerms(List<BenchPost> posts, java.util.function.Function<BenchPost, List<String>> found) {
        Map<String, Integer> counts = new TreeMap<>();
        for (BenchPost p : posts) {
            found.apply(p).stream().distinct().forEach(t -> counts.merge(t, 1, Integer::sum));
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> b.getValue() - a.getValue());
        return sorted.stream().limit(12).map(e -> e.getKey() + ": " + e.getValue()).toList().toString();
    }

    private static void header(String first, Map<String, Check> checks) {
        StringBuilder h = new StringBuilder("| ").append(first).append(" | cases |");
        StringBuilder s = new StringBuilder("| --- | ---: |");
        checks.keySet().forEach(name -> {
            h.append(' ').append(name).append(" |");
            s.append(" ---: |");
        });
        System.out.println(h);
        System.out.println(s);
    }

    private static void line(String label, int[] row) {
        StringBuilder b = new StringBuilder("| ").append(label).append(" | ").append(row[0]).append(" |");
        for (int k = 1; k < row.length; k++) {
            b.append(String.format(" %.1f%% (%d) |", row[0] == 0 ? 0.0 : 100.0 * row[k] / row[0], row[k]));
        }
        System.out.println(b);
    }
}
