package dev.yuqing.core.train;

import com.hankcs.hanlp.classification.classifiers.NaiveBayesClassifier;
import dev.yuqing.core.classify.FeatureConfig;
import dev.yuqing.core.classify.FeatureExtractor;
import dev.yuqing.core.classify.LinearTextClassifier;
import dev.yuqing.core.classify.LogisticRegressionTrainer;
import dev.yuqing.core.classify.SparseVector;
import dev.yuqing.core.classify.SocialTextCleaner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Dev tool: trains the sentiment and offensive-language models from the corpora in the shared data
 * directory, writes them as resources and prints held-out figures next to HanLP's naive Bayes
 * trained on the same data. Reproducible: every split and shuffle is seeded.
 *
 * <p>Usage: {@code TrainModels [--no-lexicon] [dataDir] [outputDir]}, defaults {@code ../shared/data}
 * and {@code core/src/main/resources/models}, both relative to the working directory (the project
 * root). {@code --no-lexicon} leaves out the HowNet / NTUSD features, to measure what they add.
 */
public final class TrainModels {
    static final long SEED = 20_240_601L;
    static final int HASH_BITS = 20;
    static final int MAX_CHAR_NGRAM = 3;
    static final int NEGATION_WINDOW = 3;

    /** Candidates tried on the validation slice; the winner is retrained on all training data. */
    static final List<LogisticRegressionTrainer> GRID = List.of(
            new LogisticRegressionTrainer(3, 0.1, 0, SEED),
            new LogisticRegressionTrainer(3, 0.3, 0, SEED),
            new LogisticRegressionTrainer(6, 0.1, 0, SEED),
            new LogisticRegressionTrainer(6, 0.3, 0, SEED),
            new LogisticRegressionTrainer(3, 0.6, 0, SEED),
            new LogisticRegressionTrainer(6, 0.6, 0, SEED),
            new LogisticRegressionTrainer(3, 0.1, 1e-5, SEED),
            new LogisticRegressionTrainer(6, 0.3, 1e-5, SEED));

    record Example(String text, boolean label) {
    }

    record Split(List<Example> train, List<Example> heldOut) {
    }

    record Featurized(List<SparseVector> vectors, boolean[] labels) {
        static Featurized concat(List<Featurized> parts) {
            List<SparseVector> vectors = new ArrayList<>();
            int n = parts.stream().mapToInt(p -> p.labels.length).sum();
            boolean[] labels = new boolean[n];
            int at = 0;
            for (Featurized p : parts) {
                vectors.addAll(p.vectors);
                System.arraycopy(p.labels, 0, labels, at, p.labels.length);
                at += p.labels.length;
            }
            return new Featurized(vectors, labels);
        }
    }

    private TrainModels() {
    }

    public static void main(String[] args) throws IOException {
        List<String> positional = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        boolean useLexicon = !List.of(args).contains("--no-lexicon");
        Path data = Path.of(positional.size() > 0 ? positional.get(0) : "../shared/data");
        Path out = Path.of(positional.size() > 1 ? positional.get(1) : "core/src/main/resources/models");
        if (!Files.isDirectory(data.resolve("sentiment")) || !Files.isDirectory(data.resolve("offensive"))) {
            throw new IllegalArgumentException("no sentiment/ and offensive/ under data directory " + data.toAbsolutePath());
        }
        Files.createDirectories(out);
        Path lexicons = data.resolve("lexicons/sentiment");
        Set<String> negation = readWordList(lexicons.resolve("negation.txt"));
        Set<String> degree = readWordList(lexicons.resolve("degree-adverbs.txt"));
        Set<String> positive = new LinkedHashSet<>();
        Set<String> negative = new LinkedHashSet<>();
        if (useLexicon) {
            positive.addAll(readWordList(lexicons.resolve("hownet-正面情感词语（中文）.txt")));
            positive.addAll(readWordList(lexicons.resolve("hownet-正面评价词语（中文）.txt")));
            positive.addAll(readWordList(lexicons.resolve("ntusd-positive.txt")));
            negative.addAll(readWordList(lexicons.resolve("hownet-负面情感词语（中文）.txt")));
            negative.addAll(readWordList(lexicons.resolve("hownet-负面评价词语（中文）.txt")));
            negative.addAll(readWordList(lexicons.resolve("ntusd-negative.txt")));
            // A word in both lists says nothing about polarity.
            Set<String> both = new LinkedHashSet<>(positive);
            both.retainAll(negative);
            positive.removeAll(both);
            negative.removeAll(both);
        }
        FeatureConfig sentimentConfig = new FeatureConfig(HASH_BITS, MAX_CHAR_NGRAM, NEGATION_WINDOW, negation, degree, positive, negative);
        trainSentiment(data.resolve("sentiment"), sentimentConfig, new FeatureExtractor(sentimentConfig), out.resolve("sentiment.bin"));
        FeatureConfig offensiveConfig = new FeatureConfig(HASH_BITS, MAX_CHAR_NGRAM, NEGATION_WINDOW, negation, degree, Set.of(), Set.of());
        trainOffensive(data.resolve("offensive"), offensiveConfig, new FeatureExtractor(offensiveConfig), out.resolve("offensive.bin"));
    }

    private static void trainSentiment(Path dir, FeatureConfig config, FeatureExtractor extractor, Path target) throws IOException {
        long start = System.nanoTime();
        System.out.println("== Sentiment ==");
        Split weibo = split(readWeibo2018(dir.resolve("weibo2018_train.txt")), new Random(SEED));
        List<Example> senti = readSenti100k(dir.resolve("weibo_senti_100k_dev.tsv"));
        Random reviewRandom = new Random(SEED + 1);
        Split hotel = split(readLabelled(dir.resolve("ChnSentiCorp_htl_all.csv"), 0, 1), reviewRandom);
        Split waimai = split(readLabelled(dir.resolve("waimai_10k.csv"), 0, 1), reviewRandom);
        Split shopping = split(readLabelled(dir.resolve("online_shopping_10_cats.csv"), 1, 2), reviewRandom);
        List<Example> reviews = concat(hotel.train(), waimai.train(), shopping.train());
        // Model selection uses a slice of the weibo2018 training part, never the held-out 20%.
        Split inner = split(weibo.train(), new Random(SEED + 2), 0.875);
        System.out.printf(Locale.ROOT, "weibo2018: %d train, %d held out; weibo_senti_100k (tags stripped): %d; reviews: %d train%n",
                weibo.train().size(), weibo.heldOut().size(), senti.size(), reviews.size());

        Featurized innerTrain = featurize(extractor, inner.train());
        Featurized innerValid = featurize(extractor, inner.heldOut());
        Featurized sentiF = featurize(extractor, senti);
        Featurized reviewsF = featurize(extractor, reviews);
        Featurized social = Featurized.concat(List.of(innerTrain, sentiF));
        Featurized socialAndReviews = Featurized.concat(List.of(innerTrain, sentiF, reviewsF));
        Choice socialChoice = choose("social only", config, social, innerValid);
        Choice allChoice = choose("social + reviews", config, socialAndReviews, innerValid);
        boolean useReviews = allChoice.accuracy() > socialChoice.accuracy();
        Choice chosen = useReviews ? allChoice : socialChoice;
        System.out.printf(Locale.ROOT, "chosen: %s, %s%n", useReviews ? "social + reviews" : "social only", chosen.trainer());

        Featurized weiboTrainF = featurize(extractor, weibo.train());
        List<Featurized> parts = new ArrayList<>(List.of(weiboTrainF, sentiF));
        List<Example> trainExamples = concat(weibo.train(), senti);
        if (useReviews) {
            parts.add(reviewsF);
            trainExamples = concat(trainExamples, reviews);
        }
        Featurized train = Featurized.concat(parts);
        LinearTextClassifier model = chosen.trainer().train("sentiment", config, train.vectors(), train.labels());
        double seconds = (System.nanoTime() - start) / 1e9;
        writeAndVerify(model, target, weibo.heldOut());
        System.out.printf(Locale.ROOT, "trained on %d texts; featurising, model selection and training took %.0f s%n", train.labels().length, seconds);

        NaiveBayesClassifier baseline = trainBaseline(trainExamples, "positive", "negative");
        // The review corpora's held-out parts are scored whether or not the reviews were trained on:
        // when they were not, the figures show how the model carries over to another domain.
        List<Split> evaluated = List.of(weibo, hotel, waimai, shopping);
        List<String> names = List.of("weibo2018 held-out 20%", "ChnSentiCorp hotel held-out 20%", "waimai held-out 20%",
                "online_shopping held-out 20%");
        printHeader();
        for (int i = 0; i < evaluated.size(); i++) {
            List<Example> heldOut = evaluated.get(i).heldOut();
            printRow(names.get(i), "ours (logistic regression)", evaluate(model, heldOut));
            printRow(names.get(i), "HanLP NaiveBayesClassifier", evaluate(baseline, "positive", heldOut));
        }
        // For the record: the training set that lost on validation, trained and scored the same way.
        Choice other = useReviews ? socialChoice : allChoice;
        List<Featurized> otherParts = new ArrayList<>(List.of(weiboTrainF, sentiF));
        if (!useReviews) {
            otherParts.add(reviewsF);
        }
        Featurized otherTrain = Featurized.concat(otherParts);
        LinearTextClassifier otherModel = other.trainer().train("sentiment", config, otherTrain.vectors(), otherTrain.labels());
        printRow("weibo2018 held-out 20%", "not shipped: ours trained on " + (useReviews ? "social only" : "social + reviews"),
                evaluate(otherModel, weibo.heldOut()));
    }

    private static void trainOffensive(Path dir, FeatureConfig config, FeatureExtractor extractor, Path target) throws IOException {
        long start = System.nanoTime();
        System.out.println("== Offensive language ==");
        List<Example> train = readLabelled(dir.resolve("COLD_train.csv"), 3, 4);
        List<Example> dev = readLabelled(dir.resolve("COLD_dev.csv"), 3, 4);
        Split inner = split(train, new Random(SEED + 3), 0.9);
        System.out.printf(Locale.ROOT, "COLD: %d train, %d dev (held out)%n", train.size(), dev.size());
        Choice chosen = choose("COLD", config, featurize(extractor, inner.train()), featurize(extractor, inner.heldOut()));
        System.out.printf(Locale.ROOT, "chosen: %s%n", chosen.trainer());
        Featurized all = featurize(extractor, train);
        LinearTextClassifier model = chosen.trainer().train("offensive", config, all.vectors(), all.labels());
        double seconds = (System.nanoTime() - start) / 1e9;
        writeAndVerify(model, target, dev);
        System.out.printf(Locale.ROOT, "trained on %d texts; featurising, model selection and training took %.0f s%n", train.size(), seconds);
        NaiveBayesClassifier baseline = trainBaseline(train, "offensive", "inoffensive");
        printHeader();
        printRow("COLD dev", "ours (logistic regression)", evaluate(model, dev));
        printRow("COLD dev", "HanLP NaiveBayesClassifier", evaluate(baseline, "offensive", dev));
    }

    record Choice(LogisticRegressionTrainer trainer, double accuracy) {
    }

    private static Choice choose(String what, FeatureConfig config, Featurized train, Featurized valid) {
        Choice best = null;
        for (LogisticRegressionTrainer trainer : GRID) {
            LinearTextClassifier model = trainer.train("candidate", config, train.vectors(), train.labels());
            boolean[] predicted = new boolean[valid.labels().length];
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = model.probability(valid.vectors().get(i)) >= 0.5;
            }
            double accuracy = Metrics.of(valid.labels(), predicted).accuracy();
            System.out.printf(Locale.ROOT, "  validation [%s] %s: accuracy %.4f%n", what, trainer, accuracy);
            if (best == null || accuracy > best.accuracy()) {
                best = new Choice(trainer, accuracy);
            }
        }
        return best;
    }

    private static void writeAndVerify(LinearTextClassifier model, Path target, List<Example> probe) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            model.write(out);
        }
        LinearTextClassifier reloaded;
        try (InputStream in = Files.newInputStream(target)) {
            reloaded = LinearTextClassifier.read(in);
        }
        for (Example e : probe.subList(0, Math.min(200, probe.size()))) {
            if (reloaded.probability(e.text()) != model.probability(e.text())) {
                throw new IllegalStateException("reloaded model scores differently from the trained one: " + target);
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s: %,d bytes, %,d non-zero weights%n", target, Files.size(target), model.nonZeroWeights());
    }

    private static NaiveBayesClassifier trainBaseline(List<Example> train, String positive, String negative) {
        long start = System.nanoTime();
        List<String> pos = new ArrayList<>();
        List<String> neg = new ArrayList<>();
        for (Example e : train) {
            (e.label() ? pos : neg).add(SocialTextCleaner.normalize(e.text()));
        }
        NaiveBayesClassifier classifier = new NaiveBayesClassifier();
        classifier.train(Map.of(positive, pos.toArray(String[]::new), negative, neg.toArray(String[]::new)));
        System.out.printf(Locale.ROOT, "HanLP naive Bayes baseline trained on the same %d texts in %.0f s%n", train.size(), (System.nanoTime() - start) / 1e9);
        return classifier;
    }

    static Metrics evaluate(LinearTextClassifier model, List<Example> examples) {
        boolean[] actual = new boolean[examples.size()];
        boolean[] predicted = new boolean[examples.size()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = examples.get(i).label();
            predicted[i] = model.probability(examples.get(i).text()) >= 0.5;
        }
        return Metrics.of(actual, predicted);
    }

    private static Metrics evaluate(NaiveBayesClassifier baseline, String positive, List<Example> examples) {
        boolean[] actual = new boolean[examples.size()];
        boolean[] predicted = new boolean[examples.size()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = examples.get(i).label();
            predicted[i] = positive.equals(baseline.classify(SocialTextCleaner.normalize(examples.get(i).text())));
        }
        return Metrics.of(actual, predicted);
    }

    private static void printHeader() {
        System.out.println("| held-out set | model | n | accuracy | precision | recall | F1 |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
    }

    private static void printRow(String set, String model, Metrics m) {
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %.4f | %.4f | %.4f | %.4f |%n",
                set, model, m.total(), m.accuracy(), m.precision(), m.recall(), m.f1());
    }

    static Featurized featurize(FeatureExtractor extractor, List<Example> examples) {
        // Ordered parallel map: the result does not depend on the number of threads.
        List<SparseVector> vectors = IntStream.range(0, examples.size()).parallel()
                .mapToObj(i -> extractor.vectorize(examples.get(i).text()))
                .toList();
        boolean[] labels = new boolean[examples.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = examples.get(i).label();
        }
        return new Featurized(vectors, labels);
    }

    static Split split(List<Example> examples, Random random) {
        return split(examples, random, 0.8);
    }

    /** Seeded shuffle, then the first {@code trainFraction} for training and the rest held out. */
    static Split split(List<Example> examples, Random random, double trainFraction) {
        List<Example> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, random);
        int cut = (int) Math.round(shuffled.size() * trainFraction);
        return new Split(List.copyOf(shuffled.subList(0, cut)), List.copyOf(shuffled.subList(cut, shuffled.size())));
    }

    @SafeVarargs
    private static List<Example> concat(List<Example>... lists) {
        List<Example> all = new ArrayList<>();
        for (List<Example> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    /** weibo2018: {@code mid,label,text} with the text unquoted (it may itself contain commas and quotes). */
    static List<Example> readWeibo2018(Path file) throws IOException {
        List<Example> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(",", 3);
            if (parts.length < 3) {
                throw new IOException(file + " line " + (n + 1) + ": expected mid,label,text");
            }
            out.add(new Example(parts[2], parseLabel(parts[1], file, n + 1)));
        }
        return out;
    }

    /** weibo_senti_100k: {@code label<TAB>text}; posts that are empty once emoticon tags are gone are dropped. */
    static List<Example> readSenti100k(Path file) throws IOException {
        List<Example> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int dropped = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IOException(file + " line " + (n + 1) + ": expected label<TAB>text");
            }
            String text = line.substring(tab + 1);
            if (SocialTextCleaner.normalize(text).isEmpty()) {
                dropped++;
                continue;
            }
            out.add(new Example(text, parseLabel(line.substring(0, tab), file, n + 1)));
        }
        System.out.printf(Locale.ROOT, "%s: %d posts, %d dropped as empty without emoticon tags%n", file.getFileName(), out.size(), dropped);
        return out;
    }

    /** A CSV with a header row; rows whose text is empty are skipped. */
    static List<Example> readLabelled(Path file, int labelColumn, int textColumn) throws IOException {
        List<List<String>> rows = CsvReader.read(file);
        List<Example> out = new ArrayList<>();
        int skipped = 0;
        for (int n = 1; n < rows.size(); n++) {
            List<String> row = rows.get(n);
            if (row.size() <= Math.max(labelColumn, textColumn)) {
                throw new IOException(file + " record " + (n + 1) + ": expected at least " + (Math.max(labelColumn, textColumn) + 1) + " fields, got " + row.size());
            }
            String text = row.get(textColumn);
            if (SocialTextCleaner.normalize(text).isEmpty()) {
                skipped++;
                continue;
            }
            out.add(new Example(text, parseLabel(row.get(labelColumn), file, n + 1)));
        }
        System.out.printf(Locale.ROOT, "%s: %d records, %d skipped as empty after normalisation%n", file.getFileName(), out.size(), skipped);
        return out;
    }

    private static boolean parseLabel(String label, Path file, int line) throws IOException {
        return switch (label.strip()) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new IOException(file + " record " + line + ": label must be 0 or 1, was '" + label + "'");
        };
    }

    /**
     * One word a line, or {@code word,weight}; tolerates a BOM, CRLF, blank lines and HowNet's
     * header line (title TAB count). Words are normalised like the text they will be matched in.
     */
    static Set<String> readWordList(Path file) throws IOException {
        Set<String> words = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.indexOf('\t') >= 0) {
                continue;
            }
            String s = SocialTextCleaner.normalize(line);
            int comma = s.indexOf(',');
            if (comma >= 0) {
                s = s.substring(0, comma).strip();
            }
            if (!s.isEmpty()) {
                words.add(s);
            }
        }
        return words;
    }
}
