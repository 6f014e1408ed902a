package dev.yuqing.bench;

import dev.yuqing.core.analysis.PostAnalysis;
import dev.yuqing.core.harmful.HarmfulResult;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.SourceType;
import dev.yuqing.core.sentiment.Sentiment;
import dev.yuqing.core.sentiment.SentimentLabel;
import dev.yuqing.core.text.TextFeatures;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * TrendJob throughput on generated enriched posts, and how large its state grows. Each post has 5
 * keywords drawn from {@code terms} distinct terms with probability ∝ 1/rank (log-uniform rank,
 * Zipf with exponent 1), so rare terms keep arriving and the per-term state keeps growing; event
 * times increase by {@code gapMillis} a post. Sinks discard their records. Prints figures; not a test.
 *
 * <pre>java -Xms2g -Xmx2g -cp bench/target/yuqing-bench.jar dev.yuqing.bench.TrendThroughput &lt;terms&gt; &lt;posts&gt; [gapMillis]</pre>
 */
public final class TrendThroughput {
    private static final int KEYWORDS = 5;
    private static final long SEED = 20260101L;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private TrendThroughput() {
    }

    /** Post {@code i}: deterministic from the seed and its index. */
    record Synthetic(int terms, long gapMillis) implements GeneratorFunction<Long, EnrichedPost> {
        @Override
        public EnrichedPost map(Long index) {
            int[] ranks = ranks(terms, index);
            List<String> keywords = new ArrayList<>(KEYWORDS);
            for (int r : ranks) {
                keywords.add("t" + r);
            }
            Instant at = START.plusMillis(index * gapMillis);
            Post p = new Post("synthetic-" + index, SourceType.WEIBO, "acct-" + (index % 500), null, null, null,
                    String.join(" ", keywords), at, null, null, null, null, null);
            PostAnalysis a = new PostAnalysis(new TextFeatures(keywords, keywords, List.of(), List.of(), List.of(), 20),
                    new Sentiment(0.0, SentimentLabel.NEUTRAL), 0.0, new HarmfulResult(List.of(), List.of()),
                    List.of(), List.of(), List.of(), null, p.text());
            return new EnrichedPost(p, a, at);
        }
    }

    static int[] ranks(int terms, long index) {
        SplittableRandom rnd = new SplittableRandom(SEED ^ (index * 0x9E3779B97F4A7C15L));
        int[] r = new int[KEYWORDS];
        double logN = Math.log(terms);
        for (int k = 0; k < KEYWORDS; k++) {
            r[k] = Math.min(terms - 1, (int) Math.exp(rnd.nextDouble() * logN));
        }
        return r;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TrendThroughput <distinct terms> <posts> [event-time gap ms, default 10]");
            System.exit(2);
        }
        int terms = Integer.parseInt(args[0]);
        long posts = Long.parseLong(args[1]);
        long gap = args.length > 2 ? Long.parseLong(args[2]) : 10;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peakAfterGc = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-sampler");
            t.setDaemon(true);
            return t;
        });
        // A forced GC every 10 s while the job runs: the live heap, state included, at that moment.
        sampler.scheduleAtFixedRate(() -> {
            System.gc();
            peakAfterGc.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }, 10, 10, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        TrendHarness.run(new Synthetic(terms, gap), posts, null, "trend-throughput");
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.shutdownNow();
        System.gc();
        long afterJob = memory.getHeapMemoryUsage().getUsed();

        BitSet seen = new BitSet(terms);
        for (long i = 0; i < posts; i++) {
            for (int r : ranks(terms, i)) {
                seen.set(r);
            }
        }
        System.out.printf(Locale.ROOT,
                "terms=%d posts=%d gap=%d ms (event time %.1f h): %.1f s wall, %.0f posts/s; distinct terms seen %d; "
                        + "heap used after forced GC: peak while running %.0f MiB, after the job %.0f MiB; max heap %.0f MiB%n",
                terms, posts, gap, posts * gap / 3.6e6, seconds, posts / seconds, seen.cardinality(),
                peakAfterGc.get() / 1048576.0, afterJob / 1048576.0, memory.getHeapMemoryUsage().getMax() / 1048576.0);
    }
}
