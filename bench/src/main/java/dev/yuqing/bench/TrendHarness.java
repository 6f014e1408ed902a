package dev.yuqing.bench;

import dev.yuqing.jobs.files.JsonLinesSink;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.trend.Event;
import dev.yuqing.core.trend.Trend;
import dev.yuqing.jobs.trend.TrendJob;
import dev.yuqing.jobs.trend.TrendOptions;
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

    /** The same with the given settings. */
    static void run(GeneratorFunction<Long, EnrichedPost> posts, long count, String dir, String jobName, TrendJob.Settings settings)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataGeneratorSource<EnrichedPost> source = new DataGeneratorSource<>(posts, count, TypeInformation.of(EnrichedPost.class));
        new TrendJob(source,
                new JsonLinesSink<Trend>(dir, "trends", TrendHarness::trendJson),
                new JsonLinesSink<Event>(dir, "events", TrendHarness::eventJson),
                new JsonLinesSink<Alert>(dir, "alerts", Alert::toJson),
                settings).build(env);
        env.execute(jobName);
    }

    // One method per type: two serialisable references to one generic method share a deserialiser
    // that casts to the first call site's type.
    static byte[] trendJson(Trend t) {
        return json(t);
    }

    static byte[] eventJson(Event e) {
        return json(e);
    }

    private static byte[] json(Object o) {
        try {
            return Json.MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
