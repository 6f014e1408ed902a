package dev.yuqing.bench;

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
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's water-outage wave through the real TrendJob, in published order, once per event
 * look-ahead: how many of the wave's posts its event gathers and when (event time, after the
 * wave's first post) the event's first blue and yellow updates come out. Prints a table; not a test.
 *
 * <pre>java -cp bench/target/yuqing-bench.jar dev.yuqing.bench.DemoWave &lt;output dir&gt; [posts seed [look-ahead ...]]</pre>
 */
public final class DemoWave {
    private DemoWave() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DemoWave <output dir> [posts seed [look-ahead ...]]   (defaults 1500 11 0s 3m 6m 9m, as BurstIT)");
            System.exit(2);
        }
        Path out = Paths.get(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 11L;
        List<String> lookaheads = args.length > 3 ? List.of(args).subList(3, args.length) : List.of("0s", "3m", "6m", "9m");

        List<EnrichedPost> posts = DemoPosts.analysed(count, seed);
        System.out.printf(Locale.ROOT, "Demo: %d posts (seed %d), the wave %d posts from %s%n%n", posts.size(), seed,
                DemoScenario.BURST_POSTS, DemoScenario.BURST_START);

        System.out.println("| look-ahead | wave events warned | posts in the wave's event | its first update blue | yellow | peak |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | --- |");
        for (String lookahead : lookaheads) {
            Path dir = out.resolve("lookahead-" + lookahead);
            Files.createDirectories(dir);
            Files.deleteIfExists(JsonLinesSink.file(dir.toString(), "events", 0));
            TrendJob.Settings settings = TrendJob.Settings.of(TrendOptions.DEF.resolve(
                    Map.of(TrendOptions.EVENT_LOOKAHEAD.name(), lookahead), System.getenv()));
            TrendHarness.run(posts, dir.toString(), "demo-wave", settings);
            report(lookahead, settings, Files.readAllLines(JsonLinesSink.file(dir.toString(), "events", 0), StandardCharsets.UTF_8));
        }
    }

    /** One row: the wave's warned events and, for the largest, when its levels came out. */
    private static void report(String lookahead, TrendJob.Settings settings, List<String> lines) throws Exception {
        Map<String, List<JsonNode>> warned = new LinkedHashMap<>();
        for (String line : lines) {
            JsonNode e = Json.MAPPER.readTree(line);
            if (!e.path("level").isNull() && e.path("level").isTextual() && line.contains("weibo-burst-")) {
                warned.computeIfAbsent(e.get("id").asText(), k -> new ArrayList<>()).add(e);
            }
        }
        List<JsonNode> main = warned.values().stream()
                .max(Comparator.comparingLong(u -> u.get(u.size() - 1).get("volume").asLong())).orElse(List.of());
        String peak = main.isEmpty() ? "-" : main.get(main.size() - 1).path("peakLevel").asText("-");
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", lookahead, warned.size(),
                main.isEmpty() ? "-" : main.get(main.size() - 1).get("volume").asText(),
                firstAt(main, "blue", settings), firstAt(main, "yellow", settings), peak);
    }

    /**
     * Minutes after the wave's first post at which the event's first update of {@code level} was
     * emitted: its batch is released at the end of the slide after the update's latest post, plus
     * the look-ahead.
     */
    private static String firstAt(List<JsonNode> updates, String level, TrendJob.Settings settings) {
        long slide = settings.windows().slide().toMillis();
        for (JsonNode u : updates) {
            if (level.equals(u.get("level").asText())) {
                long last = java.time.Instant.parse(u.get("lastSeen").asText()).toEpochMilli();
                long released = Math.floorDiv(last, slide) * slide + slide + settings.events().lookahead().toMillis();
                return String.format(Locale.ROOT, "%.0f min (%d posts)",
                        Duration.ofMillis(released - DemoScenario.BURST_START.toEpochMilli()).toSeconds() / 60.0, u.get("volume").asLong());
            }
        }
        return "-";
    }
}
