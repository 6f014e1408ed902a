package dev.yuqing.bench;

import dev.yuqing.jobs.files.JsonLinesSink;

import dev.yuqing.core.config.Config;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.jobs.trend.TrendJob;
import dev.yuqing.jobs.trend.TrendOptions;
import dev.yuqing.local.demo.DemoPosts;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The real TrendJob topology on a local environment of parallelism 1, over generated posts. */
final class TrendHarness {
    private TrendHarness() {
    }

    /** The job's defaults, with any YUQING_TREND_* environment variable on top (e.g. YUQING_TREND_TERM_CAPACITY). */
    static TrendJob.Settings defaults() {
        Config c = TrendOptions.DEF.resolve(Map.of(), System.getenv());
        return TrendJob.Settings.of(c);
    }

    /** Runs the job to the end of {@code count} posts; {@code dir} null only counts the outputs away. */
    static void run(GeneratorFunction<Long, EnrichedPost> posts, long count, String dir, String jobName) throws Exception {
        run(posts, count, dir, jobName, defaults());
    }

    /** Runs the job over {@code posts} in their order. */
    static void run(List<EnrichedPost> posts, String dir, String jobName, TrendJob.Settings settings) throws Exception {
        DemoPosts.Generator generator = DemoPosts.Generator.of(posts);
        run(generator, generator.size(), dir, jobName, settings);
    }

    /** The same with the given settings. */
    static void run(GeneratorFunction<Long, EnrichedPost> posts, long count, String dir, String jobName, TrendJob.Settings settings)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataGeneratorSource<EnrichedPost> source = new DataGeneratorSource<>(posts, count, TypeInformation.of(EnrichedPost.class));
        new TrendJob(source, JsonLinesSink.trends(dir), JsonLinesSink.events(dir), JsonLinesSink.alerts(dir), settings).build(env);
        env.execute(jobName);
    }
}
