package dev.yuqing.local.quality;

import dev.yuqing.core.inspection.ReplyTimeBuckets;
import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.connectors.govmessages.GovMessageFile;
import dev.yuqing.core.analysis.PostAnalyzer;
import dev.yuqing.core.inspection.Finding;
import dev.yuqing.core.inspection.FindingKind;
import dev.yuqing.core.inspection.InspectionRules;
import dev.yuqing.core.inspection.Registry;
import dev.yuqing.core.inspection.RegistryChange;
import dev.yuqing.core.inspection.WorkingCalendar;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.jobs.files.JsonLinesSink;
import dev.yuqing.jobs.inspection.InspectionJob;
import dev.yuqing.jobs.inspection.MessageStatus;
import dev.yuqing.jobs.kafka.RawRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Citizen messages with their official replies (a message-board export such as
 * {@code gov-messages/messages_with_replies.csv}) replayed in event time through the inspection
 * job's topology, on one registered board, and the same counts computed directly from the file:
 * the two must agree. {@link #main} prints the report for docs/quality.md:
 * <pre>java -cp … dev.yuqing.local.quality.GovMessagesReplay ../shared/data/gov-messages/messages_with_replies.csv</pre>
 */
public final class GovMessagesReplay {
    static final String SITE = "site:gov-messages.invalid";
    static final String BOARD = SITE + "/board";
    /** Registered long before the file's first message, so every message is on a registered board. */
    static final Instant REGISTERED = Instant.parse("2010-01-01T00:00:00Z");
    /** How long the tracker waits for an answer: a reply later than this is not matched to its message. */
    static final Duration RETENTION = Duration.ofDays(400);

    /**
     * What is compared: messages, answered, answered within the deadline, flagged late
     * ({@code reply-late} breaches), flagged unanswered past the limit ({@code message-unanswered}
     * breaches), and the reply times by bucket.
     */
    public record Counts(long messages, long answered, long withinDeadline, long flaggedLate, long flaggedUnanswered,
                         Map<String, Long> replyWorkingDays) {}

    private GovMessagesReplay() {}

    static Registry registry() {
        return Registry.parse("{\"description\":\"one message board for the replay\",\"targets\":["
                + "{\"id\":\"" + SITE + "\",\"name\":\"留言板所在网站\",\"kind\":\"site\",\"ownerUnit\":\"市人民政府办公室\"},"
                + "{\"id\":\"" + BOARD + "\",\"name\":\"留言板\",\"kind\":\"column\",\"siteId\":\"" + SITE + "\",\"columnType\":\"interaction\","
                + "\"ownerUnit\":\"市人民政府办公室\"}]}");
    }

    /** The counts straight from the threads, with the job's rules and calendar. */
    public static Counts direct(List<GovMessageFile.Thread> threads, InspectionRules rules, WorkingCalendar calendar) {
        long answered = 0;
        long within = 0;
        long late = 0;
        long unanswered = 0;
        Map<String, Long> buckets = ReplyTimeBuckets.empty();
        for (GovMessageFile.Thread t : threads) {
            Instant asked = t.message().publishedAt();
            Instant deadline = rules.replyDeadline(null).deadline(asked, calendar);
            Instant limit = rules.unanswered().breachAt(asked);
            if (t.reply() == null) {
                late++; // the replay ends with the end of time: every deadline passes
                unanswered++;
                continue;
            }
            Instant replied = t.reply().publishedAt().isBefore(asked) ? asked : t.reply().publishedAt();
            if (!replied.isBefore(asked.plus(RETENTION))) {
                late++; // the tracker let the thread go before the answer came: never answered, for the job
                unanswered++;
                continue;
            }
            answered++;
            if (replied.isBefore(deadline)) {
                within++;
            } else {
                late++;
            }
            if (!replied.isBefore(limit)) {
                unanswered++;
            }
            buckets.merge(ReplyTimeBuckets.of(calendar.workingDaysBetween(asked, replied)), 1L, Long::sum);
        }
        return new Counts(threads.size(), answered, within, late, unanswered, buckets);
    }

    /** Makes the job's posts from JSON on the task side: EnrichedPost is not serialisable, its JSON is. */
    private static final class FromJson implements GeneratorFunction<Long, EnrichedPost> {
        private static final long serialVersionUID = 1L;
        private final ArrayList<String> json;

        FromJson(ArrayList<String> json) {
            this.json = json;
        }

        @Override
        public EnrichedPost map(Long index) throws IOException {
            return EnrichedPost.fromJson(json.get(index.intValue()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The registry changes, in order (a column needs its site first), as the Kafka records the job would read. */
    private static final class RegistryRecords implements GeneratorFunction<Long, RawRecord> {
        private static final long serialVersionUID = 1L;
        private final ArrayList<String> json;

        RegistryRecords(ArrayList<String> json) {
            this.json = json;
        }

        @Override
        public RawRecord map(Long index) {
            return new RawRecord("registry", 0, index, null, json.get(index.intValue()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Replays the threads through {@link InspectionJob#topology} on a MiniCluster, in the order
     * published, and counts what it emitted. The posts are analysed as EnrichJob would (masking).
     */
    public static Counts throughJob(List<GovMessageFile.Thread> threads, InspectionRules rules, WorkingCalendar calendar, Path work)
            throws Exception {
        PostAnalyzer analyzer = PostAnalyzer.standard();
        List<Post> posts = new ArrayList<>();
        for (GovMessageFile.Thread t : threads) {
            posts.add(t.message());
            if (t.reply() != null) {
                posts.add(t.reply());
            }
        }
        posts.sort(Comparator.comparing(Post::publishedAt));
        ArrayList<String> json = new ArrayList<>(posts.size());
        for (Post p : posts) {
            json.add(new String(new EnrichedPost(p, analyzer.analyze(p), p.publishedAt()).toJson(), StandardCharsets.UTF_8));
        }
        Registry registry = registry();
        String parent = new String(RegistryChange.upsert(registry.get(SITE).orElseThrow(), REGISTERED).toJson(), StandardCharsets.UTF_8);
        String board = new String(RegistryChange.upsert(registry.get(BOARD).orElseThrow(), REGISTERED).toJson(), StandardCharsets.UTF_8);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        InspectionJob.Streams s = InspectionJob.topology(env, InspectionJob.Sources.of(
                new DataGeneratorSource<>(new FromJson(json), json.size(), TypeInformation.of(EnrichedPost.class)),
                new DataGeneratorSource<>(new RegistryRecords(new ArrayList<>(List.of(parent, board))), 2, TypeInformation.of(RawRecord.class))),
                new InspectionJob.Settings(rules, calendar, registry, Duration.ofMinutes(2), false, RETENTION,
                        Duration.ofHours(6), Duration.ofMinutes(1))); // no heartbeats in the replay: never used; one bounded source: never idle
        String dir = work.toAbsolutePath().toString();
        // Two lambdas, not one method reference twice: serialised, both would come back as the first
        // one, casting to Finding (javac's lambda deserialisation does not tell them apart).
        s.findings().sinkTo(new JsonLinesSink<Finding>(dir, "findings", f -> json(f)));
        s.messages().sinkTo(new JsonLinesSink<MessageStatus>(dir, "messages", m -> json(m)));
        env.execute("gov-messages replay");

        Set<String> late = new HashSet<>();
        Set<String> unanswered = new HashSet<>();
        for (JsonNode f : read(work, "findings")) {
            if (!f.get("stage").asText().equals("breach")) {
                continue;
            }
            if (f.get("kind").asText().equals(FindingKind.REPLY_LATE.code())) {
                late.add(f.get("id").asText());
            } else if (f.get("kind").asText().equals(FindingKind.UNANSWERED.code())) {
                unanswered.add(f.get("id").asText());
            }
        }
        Set<String> seen = new HashSet<>();
        Map<String, JsonNode> answeredThreads = new HashMap<>();
        for (JsonNode m : read(work, "messages")) {
            seen.add(m.get("thread").asText());
            if (m.get("state").asText().equals(MessageStatus.State.ANSWERED.code())) {
                answeredThreads.put(m.get("thread").asText(), m);
            }
        }
        Map<String, Long> buckets = ReplyTimeBuckets.empty();
        long within = 0;
        for (JsonNode m : answeredThreads.values()) {
            buckets.merge(ReplyTimeBuckets.of(m.get("workingDays").asInt()), 1L, Long::sum);
            if (m.get("onTime").asBoolean()) {
                within++;
            }
        }
        return new Counts(seen.size(), answeredThreads.size(), within, late.size(), unanswered.size(), buckets);
    }

    private static byte[] json(Object o) {
        try {
            return Json.MAPPER.writeValueAsBytes(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the job's records always serialise", e);
        }
    }

    private static List<JsonNode> read(Path dir, String name) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(name + "-")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.add(Json.MAPPER.readTree(line));
                    }
                }
            }
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: GovMessagesReplay <messages_with_replies.csv>");
            System.exit(2);
        }
        GovMessageFile.Result file = GovMessageFile.read(Path.of(args[0]), BOARD, null);
        System.out.println("rows read: " + file.threads().size() + " threads; problems: " + file.problems());
        InspectionRules rules = InspectionRules.standard();
        WorkingCalendar calendar = WorkingCalendar.standard();
        Counts direct = direct(file.threads(), rules, calendar);
        Path work = Files.createTempDirectory("gov-messages-replay");
        try {
            Counts job = throughJob(file.threads(), rules, calendar, work);
            System.out.println("direct: " + direct);
            System.out.println("job:    " + job);
            System.out.println(direct.equals(job) ? "the job's counts equal the direct computation" : "THE COUNTS DIFFER");
            report(file.threads(), calendar, job);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /** The tables of docs/quality.md. */
    private static void report(List<GovMessageFile.Thread> threads, WorkingCalendar calendar, Counts job) {
        System.out.println();
        System.out.println("| reply time (working days) | messages | share |");
        System.out.println("| --- | ---: | ---: |");
        job.replyWorkingDays().forEach((b, n) -> System.out.printf(Locale.ROOT, "| %s | %d | %.1f%% |%n", b, n, 100.0 * n / job.answered()));
        List<Double> hours = new ArrayList<>();
        Map<Integer, long[]> byYear = new java.util.TreeMap<>();
        for (GovMessageFile.Thread t : threads) {
            if (t.reply() == null) {
                continue;
            }
            Instant asked = t.message().publishedAt();
            Instant replied = t.reply().publishedAt().isBefore(asked) ? asked : t.reply().publishedAt();
            hours.add((replied.toEpochMilli() - asked.toEpochMilli()) / 3_600_000.0);
            int year = asked.atZone(WorkingCalendar.ZONE).getYear();
            long[] c = byYear.computeIfAbsent(year, y -> new long[2]);
            c[0]++;
            if (calendar.workingDaysBetween(asked, replied) <= 5) {
                c[1]++;
            }
        }
        hours.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%nreply time in hours: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n", pct(hours, 50), pct(hours, 90),
                pct(hours, 99), hours.get(hours.size() - 1));
        System.out.printf(Locale.ROOT, "answered within the deadline (5 working days): %d of %d (%.1f%%); flagged late %d; flagged unanswered past 3 months %d%n",
                job.withinDeadline(), job.answered(), 100.0 * job.withinDeadline() / job.answered(), job.flaggedLate(), job.flaggedUnanswered());
        System.out.println();
        System.out.println("| year asked | with a reply in the file | within 5 working days |");
        System.out.println("| --- | ---: | ---: |");
        byYear.forEach((y, c) -> System.out.printf(Locale.ROOT, "| %d | %d | %.1f%% |%n", y, c[0], 100.0 * c[1] / c[0]));
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
