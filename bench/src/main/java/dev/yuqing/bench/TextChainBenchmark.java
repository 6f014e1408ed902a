package dev.yuqing.bench;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import dev.yuqing.core.analysis.PostAnalysis;
import dev.yuqing.core.analysis.PostAnalyzer;
import dev.yuqing.core.harmful.HarmfulDetector;
import dev.yuqing.core.harmful.HarmfulResult;
import dev.yuqing.core.normalize.NormalizedText;
import dev.yuqing.core.normalize.TextNormalizer;
import dev.yuqing.core.text.TextAnalyzer;
import dev.yuqing.core.text.TextFeatures;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * One operation is one post of the generated corpus, taken in turn, so the score is posts per
 * second on one thread; {@link JmhSummary} turns it into characters per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TextChainBenchmark {

    /** The posts and a cursor over them; per thread, so the cursor needs no synchronisation. */
    @State(Scope.Thread)
    public static class Corpus {
        String[] titles;
        String[] bodies;
        String[] all;
        private int next;

        @Setup(Level.Trial)
        public void load() {
            List<BenchPost> posts = PostCorpus.standard(HarmfulTerms.shipped());
            titles = posts.stream().map(BenchPost::title).toArray(String[]::new);
            bodies = posts.stream().map(BenchPost::text).toArray(String[]::new);
            all = posts.stream().map(BenchPost::all).toArray(String[]::new);
        }

        int next() {
            int i = next;
            next = i + 1 == all.length ? 0 : i + 1;
            return i;
        }
    }

    @State(Scope.Benchmark)
    public static class Normalizer {
        final TextNormalizer normalizer = new TextNormalizer();

        @Setup(Level.Trial)
        public void warm() {
            normalizer.normalize("預熱"); // builds the traditional-to-simplified table outside the measurement
        }
    }

    @State(Scope.Benchmark)
    public static class Detector {
        HarmfulDetector detector;

        @Setup(Level.Trial)
        public void load() {
            detector = HarmfulDetector.standard();
        }
    }

    @State(Scope.Benchmark)
    public static class Analyzer {
        TextAnalyzer analyzer;

        @Setup(Level.Trial)
        public void load() {
            analyzer = new TextAnalyzer();
        }
    }

    @State(Scope.Benchmark)
    public static class Chain {
        PostAnalyzer chain;

        @Setup(Level.Trial)
        public void load() {
            chain = PostAnalyzer.standard();
        }
    }

    @State(Scope.Benchmark)
    public static class SensitiveWord {
        SensitiveWordBs options;
        SensitiveWordBs withSymbols;

        @Setup(Level.Trial)
        public void load() {
            List<String> terms = HarmfulTerms.shipped().all();
            options = SensitiveWords.withTerms(terms, false);
            withSymbols = SensitiveWords.withTerms(terms, true);
        }
    }

    @Benchmark
    public NormalizedText normalizer(Corpus c, Normalizer n) {
        return n.normalizer.normalize(c.all[c.next()]);
    }

    @Benchmark
    public HarmfulResult harmfulDetector(Corpus c, Detector d) {
        return d.detector.detect(c.all[c.next()]);
    }

    @Benchmark
    public TextFeatures textAnalyzer(Corpus c, Analyzer a) {
        int i = c.next();
        return a.analyzer.analyze(c.titles[i], c.bodies[i]);
    }

    @Benchmark
    public PostAnalysis postAnalyzer(Corpus c, Chain p) {
        int i = c.next();
        return p.chain.analyze(c.titles[i], c.bodies[i]);
    }

    /** All matches, like {@link HarmfulDetector#detect}, with the ignore-* options. */
    @Benchmark
    public List<String> sensitiveWordFindAll(Corpus c, SensitiveWord s) {
        return s.options.findAll(c.all[c.next()]);
    }

    /** The same with its special-character skipping on as well. */
    @Benchmark
    public List<String> sensitiveWordFindAllSkipSymbols(Corpus c, SensitiveWord s) {
        return s.withSymbols.findAll(c.all[c.next()]);
    }
}
