package dev.yuqing.bench;

import dev.yuqing.jobs.files.JsonLinesSink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yuqing.core.analysis.PostAnalyzer;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.SourceType;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The weibo2018 stream through the real TrendJob: which events reach a warning level, per day,
 * and how long after an event's first post its first warning comes (event time). Prints figures;
 * not a test.
 *
 * <pre>java -cp bench/target/yuqing-bench.jar dev.yuqing.bench.WeiboEvents &lt;posts.jsonl&gt; &lt;output dir&gt;</pre>
 */
public final class WeiboEvents {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] LEVELS = {"blue", "yellow", "orange", "red"};

    private WeiboEvents() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: WeiboEvents <weibo2018_train_timed.jsonl> <output dir>");
            System.exit(2);
        }
        Path input = Paths.get(args[0]);
        Path out = Paths.get(args[1]);
        ObjectMapper mapper = new ObjectMapper();
        PostAnalyzer analyzer = PostAnalyzer.standard();
        List<EnrichedPost> posts = new ArrayList<>();
        long t0 = System.nanoTime();
        int skipped = 0;
        try (BufferedReader r = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode o = mapper.readTree(line);
                String text = o.path("text").asText("");
                String at = o.path("created_at_cst_decoded").asText("");
                if (text.isBlank() || at.isBlank()) {
                    skipped++;
                    continue;
                }
                Instant published = LocalDateTime.parse(at, LOCAL).atZone(CHINA).toInstant();
                Post p = new Post("weibo-" + o.path("mid").asText(), SourceType.WEIBO, "weibo:2018", null, null, null, text,
                        published, null, null, null, null, null);
                posts.add(new EnrichedPost(p, analyzer.analyze(p), published));
            }
        }
        posts.sort(Comparator.comparing((EnrichedPost p) -> p.post().publishedAt()).thenComparing(p -> p.post().id()));
        double analyseSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "Posts: %d (skipped %d without text or time), %s … %s China time; analysed in %.1f s%n",
                posts.size(), skipped, china(posts.get(0).post().publishedAt()),
                china(posts.get(posts.size() - 1).post().publishedAt()), analyseSeconds);

        clear(out);
        long t1 = System.nanoTime();
        TrendHarness.run(posts, out.toString(), "weibo-events", TrendHarness.defaults());
        System.out.printf(Locale.ROOT, "TrendJob ran in %.1f s (local environment, parallelism 1); output in %s%n%n",
                (System.nanoTime() - t1) / 1e9, out);

        report(mapper, out);
    }

    private static void report(ObjectMapper mapper, Path out) throws IOException {
        List<JsonNode> trends = read(mapper, JsonLinesSink.file(out.toString(), "trends", 0));
        List<JsonNode> events = read(mapper, JsonLinesSink.file(out.toString(), "events", 0));
        List<JsonNode> alerts = read(mapper, JsonLinesSink.file(out.toString(), "alerts", 0));
        long burstTrends = trends.stream().filter(t -> t.path("burst").asBoolean()).count();
        Map<String, JsonNode> lastOf = new LinkedHashMap<>();
        Map<String, Integer> maxLevel = new LinkedHashMap<>();
        for (JsonNode e : events) {
            String id = e.path("id").asText();
            lastOf.put(id, e);
            int level = level(e.path("level").asText(null));
            maxLevel.merge(id, level, Math::max);
        }
        Map<String, Long> alertTypes = new TreeMap<>();
        Map<String, JsonNode> firstBurst = new LinkedHashMap<>();
        for (JsonNode a : alerts) {
            alertTypes.merge(a.path("type").asText(), 1L, Long::sum);
            String id = a.path("id").asText();
            if (id.startsWith("burst:")) {
                firstBurst.putIfAbsent(id.substring("burst:".length()), a);
            }
        }
        System.out.printf(Locale.ROOT, "Trend records: %d (%d bursts, %d distinct bursting terms); event updates: %d, distinct events: %d; alert records: %s%n%n",
                trends.size(), burstTrends,
                trends.stream().filter(t -> t.path("burst").asBoolean()).map(t -> t.path("term").asText()).distinct().count(),
                events.size(), lastOf.size(), alertTypes);

        // Warned events, by the China-time day of their first warning.
        record Warned(String id, LocalDate day, List<String> keywords, long volume, String level, Duration toWarning) {
        }
        List<Warned> warned = new ArrayList<>();
        for (Map.Entry<String, JsonNode> b : firstBurst.entrySet()) {
            JsonNode last = lastOf.get(b.getKey());
            if (last == null) {
                continue;
            }
            Instant first = Instant.parse(last.path("firstSeen").asText());
            Instant warnedAt = Instant.parse(b.getValue().path("lastSeen").asText());
            List<String> kw = new ArrayList<>();
            last.path("keywords").forEach(k -> {
                if (kw.size() < 5) {
                    kw.add(k.asText());
                }
            });
            warned.add(new Warned(b.getKey(), warnedAt.atZone(CHINA).toLocalDate(), kw, last.path("volume").asLong(),
                    LEVELS[maxLevel.getOrDefault(b.getKey(), 0)], Duration.between(first, warnedAt)));
        }
        Map<LocalDate, List<Warned>> byDay = new TreeMap<>();
        warned.forEach(w -> byDay.computeIfAbsent(w.day(), d -> new ArrayList<>()).add(w));
        System.out.println("| day (China time, of the first warning) | warned events | top keywords | volume | highest level | first post → first warning |");
        System.out.println("| --- | ---: | --- | ---: | --- | ---: |");
        for (Map.Entry<LocalDate, List<Warned>> d : byDay.entrySet()) {
            List<Warned> top = d.getValue().stream().sorted(Comparator.comparingLong(Warned::volume).reversed()).limit(5).toList();
            boolean firstRow = true;
            for (Warned w : top) {
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %d | %s | %s |%n", firstRow ? d.getKey() : "",
                        firstRow ? String.valueOf(d.getValue().size()) : "", String.join("、", w.keywords()), w.volume(), w.level(),
                        minutes(w.toWarning()));
                firstRow = false;
            }
        }
        System.out.println();
        List<Duration> times = warned.stream().map(Warned::toWarning).sorted().toList();
        if (times.isEmpty()) {
            System.out.println("No event reached a warning level.");
        } else {
            System.out.printf(Locale.ROOT, "Warned events: %d; first post → first warning (event time): p50 %s, p90 %s, max %s%n",
                    times.size(), minutes(pct(times, 0.5)), minutes(pct(times, 0.9)), minutes(times.get(times.size() - 1)));
        }
    }

    /** Nearest-rank percentile. */
    private static Duration pct(List<Duration> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%.1f min", d.toMillis() / 60000.0);
    }

    private static int level(String code) {
        for (int i = 0; i < LEVELS.length; i++) {
            if (LEVELS[i].equals(code)) {
                return i;
            }
        }
        return 0;
    }

    private static String china(Instant t) {
        return LOCAL.format(t.atZone(CHINA));
    }

    private static List<JsonNode> read(ObjectMapper mapper, Path f) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        if (!Files.exists(f)) {
            return nodes;
        }
        try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
            for (String l : (Iterable<String>) lines::iterator) {
                if (!l.isBlank()) {
                    nodes.add(mapper.readTree(l));
                }
            }
        }
        return nodes;
    }

    private static void clear(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String n : new String[] {"trends", "events", "alerts"}) {
            Files.deleteIfExists(JsonLinesSink.file(dir.toString(), n, 0));
        }
    }
}
