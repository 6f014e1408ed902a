package dev.yuqing.core.train;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.tokenizer.StandardTokenizer;
import dev.yuqing.core.classify.SocialTextCleaner;
import dev.yuqing.core.text.TextAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Dev tool: builds the common-word list that {@link TextAnalyzer} drops from keywords — general
 * vocabulary (真的, 今天, 觉得) that every kind of text uses and that so never names a happening.
 * Counts, for the words TextRank can return, the share of documents containing them in each of three
 * kinds of text from the shared data — product and service reviews, Weibo posts, forum comments
 * (COLD); never weibo2018, the stream the trend job is measured on — and keeps the words in at least
 * {@link #MIN_DOCUMENT_FREQUENCY} of the documents of <em>every</em> kind, except names (person,
 * place, organisation natures) and the hand-written keep-list of words that name happenings in
 * government monitoring ({@code core/src/lexicon/seed/keep-keywords.txt}). Deterministic: same data,
 * same file. A development tool: the project never reads the shared data at run time.
 *
 * <p>Every kind, not the pooled corpus: pooled counts are led by each corpus's own subject (房间 is in
 * 58% of the hotel reviews, 黑人 in 23% of COLD), which are topic words, not general vocabulary.
 *
 * <pre>
 * mvn -B -o -q -pl core compile exec:java -Dexec.mainClass=dev.yuqing.core.train.CommonWordsBuilder \
 *     -Dexec.args="../shared/data core/src/lexicon/seed/keep-keywords.txt core/src/main/resources/lexicons/keywords/common-words.txt"
 * </pre>
 * A fourth argument writes a report (every word down to a quarter of the threshold, its document
 * frequency per corpus and what became of it) for reading the list by eye.
 */
public final class CommonWordsBuilder {
    /**
     * A word in at least 0.1% of the documents of each kind of text (83 reviews, 12 Weibo posts, 26
     * COLD comments) is common. Read by eye around the cut: above it the words are everyday
     * vocabulary with a few public-service words (地铁, 交通, 垃圾) that the keep-list holds back;
     * between 0.05% and 0.1% happenings begin (事件, 排队, 房价, 小区, 身份证); see docs/quality.md.
     */
    static final double MIN_DOCUMENT_FREQUENCY = 0.001;

    /** A kind of text: its share of documents is counted separately. */
    enum Genre {
        REVIEWS, WEIBO, FORUM
    }

    /** A shared corpus: file under the data directory, its kind and how to read its texts. */
    record Corpus(String name, String file, Genre genre, Reader reader) {
    }

    @FunctionalInterface
    interface Reader {
        List<String> read(Path file) throws IOException;
    }

    static final List<Corpus> CORPORA = List.of(
            new Corpus("online_shopping_10_cats", "sentiment/online_shopping_10_cats.csv", Genre.REVIEWS, f -> texts(TrainModels.readLabelled(f, 1, 2))),
            new Corpus("waimai_10k", "sentiment/waimai_10k.csv", Genre.REVIEWS, f -> texts(TrainModels.readLabelled(f, 0, 1))),
            new Corpus("ChnSentiCorp_htl_all", "sentiment/ChnSentiCorp_htl_all.csv", Genre.REVIEWS, f -> texts(TrainModels.readLabelled(f, 0, 1))),
            new Corpus("weibo_senti_100k_dev", "sentiment/weibo_senti_100k_dev.tsv", Genre.WEIBO, f -> texts(TrainModels.readSenti100k(f))),
            new Corpus("COLD_train", "offensive/COLD_train.csv", Genre.FORUM, f -> texts(TrainModels.readLabelled(f, 3, 4))));

    private CommonWordsBuilder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: CommonWordsBuilder <shared data dir> <keep-list> <output file> [report.tsv]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Set<String> keep = readKeepList(Path.of(args[1]));
        Path out = Path.of(args[2]);

        DocumentFrequencies df = new DocumentFrequencies();
        List<DocumentFrequencies> perCorpus = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (Corpus c : CORPORA) {
            List<String> texts = c.reader().read(data.resolve(c.file()));
            // Ordered parallel map: the counts do not depend on the number of threads.
            List<List<Term>> docs = IntStream.range(0, texts.size()).parallel().mapToObj(i -> candidates(texts.get(i))).toList();
            DocumentFrequencies one = new DocumentFrequencies();
            for (List<Term> d : docs) {
                df.add(c.genre(), d);
                one.add(c.genre(), d);
            }
            perCorpus.add(one);
            described.add(c.name() + " (" + texts.size() + ")");
        }
        Selection s = df.select(MIN_DOCUMENT_FREQUENCY, keep);
        StringBuilder sb = new StringBuilder()
                .append("# Common words: general vocabulary that TextAnalyzer drops from keywords (HanLP's stop words are dropped too).\n")
                .append("# Built by dev.yuqing.core.train.CommonWordsBuilder: the words in at least ")
                .append(String.format(Locale.ROOT, "%.1f%%", 100 * MIN_DOCUMENT_FREQUENCY))
                .append(" of the documents of each kind of text\n# (").append(df.documentsByGenre()).append(") of ")
                .append(String.join(", ", described)).append(",\n")
                .append("# less names of persons, places and organisations and the words of core/src/lexicon/seed/keep-keywords.txt.\n")
                .append("# A word, a tab, the lowest share of documents (per mille) over the kinds of text. Edit the keep-list and rebuild, not this file.\n");
        for (String w : s.common()) {
            sb.append(w).append('\t').append(String.format(Locale.ROOT, "%.2f", 1000 * df.lowestShare(w))).append('\n');
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, sb, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%s documents; %d words in at least %.2f%% of each kind: %d common, %d names left out, %d on the keep-list%n",
                df.documentsByGenre(), s.common().size() + s.names().size() + s.kept().size(), 100 * MIN_DOCUMENT_FREQUENCY,
                s.common().size(), s.names().size(), s.kept().size());
        System.out.println("names left out: " + s.names());
        System.out.println("held back by the keep-list: " + s.kept());
        Set<String> unused = new TreeSet<>(keep);
        unused.removeAll(s.kept());
        System.out.println("keep-list words below the threshold (a safeguard for other data): " + unused);
        System.out.println("wrote " + out);
        if (args.length == 4) {
            writeReport(Path.of(args[3]), df, perCorpus, keep);
        }
    }

    /** Every word down to a quarter of the threshold: its shares per corpus and what became of it. */
    private static void writeReport(Path file, DocumentFrequencies df, List<DocumentFrequencies> perCorpus, Set<String> keep) throws IOException {
        StringBuilder sb = new StringBuilder("word\tlowest share %\tfate");
        CORPORA.forEach(c -> sb.append('\t').append(c.name()).append(" %"));
        sb.append('\n');
        Selection wide = df.select(MIN_DOCUMENT_FREQUENCY / 4, keep);
        Set<String> names = Set.copyOf(wide.names());
        Set<String> kept = Set.copyOf(wide.kept());
        List<String> all = new ArrayList<>(wide.common());
        all.addAll(wide.names());
        all.addAll(wide.kept());
        all.sort(Comparator.comparingDouble((String w) -> -df.lowestShare(w)).thenComparing(Comparator.naturalOrder()));
        for (String w : all) {
            String fate = names.contains(w) ? "name" : kept.contains(w) ? "keep"
                    : df.lowestShare(w) >= MIN_DOCUMENT_FREQUENCY ? "common" : "below";
            sb.append(w).append('\t').append(String.format(Locale.ROOT, "%.3f", 100 * df.lowestShare(w))).append('\t').append(fate);
            for (int i = 0; i < CORPORA.size(); i++) {
                sb.append('\t').append(String.format(Locale.ROOT, "%.3f", 100 * perCorpus.get(i).share(CORPORA.get(i).genre(), w)));
            }
            sb.append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        System.out.println("wrote report " + file);
    }

    /**
     * The words of a text that TextRank can rank and {@link TextAnalyzer} can keep as keywords:
     * HanLP's standard segmenter (the one {@code TextRankKeyword} uses), its stop-word filter, then
     * {@link TextAnalyzer#isKeyword}. Emoticon tags, topic markers, URLs and mentions are stripped
     * first (weibo_senti_100k's labels came from its emoticon tags).
     */
    static List<Term> candidates(String text) {
        Segment segment = StandardTokenizer.SEGMENT;
        List<Term> out = new ArrayList<>();
        for (Term t : segment.seg(SocialTextCleaner.normalize(text))) {
            if (CoreStopWordDictionary.shouldInclude(t) && TextAnalyzer.isKeyword(t.word)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Whether a word is a name, from the nature the segmenter gave it most often: a place (ns…),
     * an organisation (nt…, and nis, institutions such as 医院, 学校, 政府), a person by role (nnt:
     * 司机, 老师) or a person (nr…) the core dictionary knows as one. Names are what an event is
     * about, so they stay keywords however common (中国, 北京). Person names the segmenter guessed
     * are not trusted: it reads 都有 and 全是 as names (都 and 全 are surnames). Nor is nz, which
     * HanLP's custom dictionary gives to phrases such as 没问题 and 挺好.
     */
    static boolean isName(String word, String nature) {
        if (nature.startsWith("ns") || nature.startsWith("nt") || nature.equals("nnt") || nature.equals("nis")) {
            return true;
        }
        if (nature.startsWith("nr")) {
            CoreDictionary.Attribute a = CoreDictionary.get(word);
            return a != null && a.nature.length > 0 && a.nature[0].toString().startsWith("nr");
        }
        return false;
    }

    /** Document frequencies of candidate words per kind of text, and the natures they were given. */
    static final class DocumentFrequencies {
        private final Map<Genre, Integer> documents = new EnumMap<>(Genre.class);
        private final Map<Genre, Map<String, Integer>> frequency = new EnumMap<>(Genre.class);
        private final Map<String, Map<String, Integer>> natures = new HashMap<>();

        /** One document's candidate words; a word counts once however often it occurs. */
        void add(Genre genre, List<Term> doc) {
            documents.merge(genre, 1, Integer::sum);
            Map<String, Integer> counts = frequency.computeIfAbsent(genre, g -> new HashMap<>());
            Set<String> seen = new HashSet<>();
            for (Term t : doc) {
                String w = t.word.toLowerCase(Locale.ROOT);
                if (seen.add(w)) {
                    counts.merge(w, 1, Integer::sum);
                }
                natures.computeIfAbsent(w, k -> new HashMap<>()).merge(t.nature == null ? "" : t.nature.toString(), 1, Integer::sum);
            }
        }

        /** Documents per kind of text, for the file header. */
        String documentsByGenre() {
            StringBuilder sb = new StringBuilder();
            for (Genre g : Genre.values()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(g.name().toLowerCase(Locale.ROOT)).append(' ').append(documents.getOrDefault(g, 0));
            }
            return sb.toString();
        }

        /** The share of the documents of one kind that contain the word. */
        double share(Genre genre, String word) {
            int n = documents.getOrDefault(genre, 0);
            return n == 0 ? 0 : (double) frequency.get(genre).getOrDefault(word, 0) / n;
        }

        /** The lowest share over the kinds of text: how common the word is where it is least common. */
        double lowestShare(String word) {
            double lowest = Double.MAX_VALUE;
            for (Genre g : Genre.values()) {
                lowest = Math.min(lowest, share(g, word));
            }
            return lowest;
        }

        /** The nature the segmenter gave the word most often (ties by name, for a stable answer). */
        String mainNature(String word) {
            return natures.getOrDefault(word, Map.of()).entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse("");
        }

        /**
         * The words in at least {@code minShare} of the documents of every kind of text, most common
         * first (ties by word), split into common words, names and keep-list words.
         */
        Selection select(double minShare, Set<String> keep) {
            for (Genre g : Genre.values()) {
                if (documents.getOrDefault(g, 0) == 0) {
                    throw new IllegalStateException("no documents of kind " + g);
                }
            }
            List<String> frequent = natures.keySet().stream()
                    .filter(w -> lowestShare(w) >= minShare)
                    .sorted(Comparator.comparingDouble((String w) -> -lowestShare(w)).thenComparing(Comparator.naturalOrder()))
                    .toList();
            List<String> common = new ArrayList<>();
            List<String> named = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            for (String w : frequent) {
                (keep.contains(w) ? kept : isName(w, mainNature(w)) ? named : common).add(w);
            }
            return new Selection(common, named, kept);
        }
    }

    /** Frequent words: those shipped as common, and those left out as names or by the keep-list. */
    record Selection(List<String> common, List<String> names, List<String> kept) {
    }

    /** One word a line; {@code #} starts a comment line. Words are lower-cased like the counts. */
    static Set<String> readKeepList(Path file) throws IOException {
        Set<String> words = new TreeSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String s = line.replace("\uFEFF", "").strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                words.add(s.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static List<String> texts(List<TrainModels.Example> examples) {
        return examples.stream().map(TrainModels.Example::text).toList();
    }
}
