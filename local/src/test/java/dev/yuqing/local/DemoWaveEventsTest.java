package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.jobs.files.JsonLinesSink;
import dev.yuqing.jobs.trend.TrendJob;
import dev.yuqing.jobs.trend.TrendOptions;
import dev.yuqing.local.demo.DemoPosts;
import dev.yuqing.local.demo.DemoScenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trend job's real topology (local environment, parallelism 2) on the demo scenario BurstIT
 * replays, the posts in published order and analysed as the enrichment job does: the
 * water-outage wave gathers in one event that escalates, and every run groups the same posts in
 * the same events, update by update (event clustering depends on the data, not on how far the
 * trends input runs ahead of the posts).
 */
class DemoWaveEventsTest {
    private static DemoPosts.Generator posts;

    @TempDir
    Path dir;

    /** One event update as the test compares them. */
    private record Update(String id, long volume, String level, String json) {}

    @BeforeAll
    static void analyseTheDemo() throws Exception {
        posts = DemoPosts.Generator.of(DemoPosts.analysed(1500, 11L));
    }

    @Test
    void theWaveIsOneEscalatingEventAndEveryRunGroupsAlike() throws Exception {
        List<Update> first = run(dir.resolve("first"), "0s");
        List<Update> second = run(dir.resolve("second"), "0s");
        assertThat(second).as("event updates of a second run").isEqualTo(first);

        List<String> warnedWaveEvents = first.stream().filter(u -> u.level() != null && u.json().contains("weibo-burst-"))
                .map(Update::id).distinct().toList();
        assertThat(warnedWaveEvents).as("events of the wave that reached a warning level").hasSize(1);
        List<Update> wave = first.stream().filter(u -> u.id().equals(warnedWaveEvents.get(0))).toList();
        assertThat(wave.stream().map(Update::level).filter(java.util.Objects::nonNull).distinct())
                .as("levels of %s, update by update", wave.get(0).id()).containsExactly("blue", "yellow");
        assertThat(wave.get(wave.size() - 1).volume()).as("posts of the wave's %d in its event", DemoScenario.BURST_POSTS)
                .isGreaterThanOrEqualTo(40);
    }

    @Test
    void aLookAheadGathersMoreOfTheWavesStart() throws Exception {
        long placedAtOnce = waveVolume(run(dir.resolve("none"), "0s"));
        long heldBack = waveVolume(run(dir.resolve("lookahead"), "9m"));
        assertThat(heldBack).as("the wave's event with posts held 9 minutes, against %d without", placedAtOnce).isGreaterThan(placedAtOnce);
    }

    private static long waveVolume(List<Update> updates) {
        return updates.stream().filter(u -> u.level() != null && u.json().contains("weibo-burst-")).mapToLong(Update::volume).max().orElse(0);
    }

    /** Runs the job over the demo with the given event look-ahead; the event updates in the order emitted. */
    private static List<Update> run(Path out, String lookahead) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        new TrendJob(new DataGeneratorSource<>(posts, posts.size(), TypeInformation.of(EnrichedPost.class)),
                JsonLinesSink.trends(out.toString()), JsonLinesSink.events(out.toString()), JsonLinesSink.alerts(out.toString()),
                TrendJob.Settings.of(TrendOptions.DEF.resolve(Map.of(TrendOptions.EVENT_LOOKAHEAD.name(), lookahead), Map.of()))).build(env);
        env.execute("demo-wave-events");
        List<Update> updates = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) { // events are clustered on one subtask: one file holds them all
            Path f = JsonLinesSink.file(out.toString(), "events", subtask);
            if (Files.exists(f)) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    JsonNode e = Json.MAPPER.readTree(line);
                    updates.add(new Update(e.get("id").asText(), e.get("volume").asLong(), e.path("level").asText(null), line));
                }
            }
        }
        return updates;
    }

}
