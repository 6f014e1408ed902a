package dev.yuqing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import dev.yuqing.core.json.Json;
import dev.yuqing.jobs.Jobs;
import dev.yuqing.jobs.alerting.AlertJob;
import dev.yuqing.jobs.alerting.AlertOptions;
import dev.yuqing.jobs.enrich.EnrichJob;
import dev.yuqing.jobs.enrich.EnrichOptions;
import dev.yuqing.jobs.trend.TrendJob;
import dev.yuqing.jobs.trend.TrendOptions;
import dev.yuqing.local.LocalStack;
import dev.yuqing.local.demo.DemoLine;
import dev.yuqing.local.demo.DemoScenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.TimeUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Latency from a post's arrival in Kafka to its warning at a handler's webhook, on the whole
 * pipeline as {@link LocalStack} runs it: a real Kafka broker (KRaft) and a real Elasticsearch node
 * in this JVM, EnrichJob + TrendJob + AlertJob as one Flink job on a MiniCluster, and a real HTTP
 * webhook ({@link HttpServer}) that every alert is routed to. Nothing is mocked. Prints figures and
 * writes each sample as CSV; not a test.
 *
 * <p>Two phases, each on its own topics, consumer groups and pipeline (the trend settings differ):
 *
 * <ul>
 *   <li><b>content</b>: background posts (the demo's templates, re-stamped now) at {@code rate} a
 *       second, among them {@code content.rate} a second that each raise their own content alert
 *       (alternately a valid 18-digit ID number, {@code personal-data:<id>}, and a fraud / gambling /
 *       drugs advert, {@code harmful-content:<id>}). Latency = webhook arrival of the alert − the
 *       producer's acknowledgement of the post. Trend settings are the defaults.
 *   <li><b>burst</b>: the same background, plus every {@code wave.every} a wave of {@code wave.size}
 *       posts 100 ms apart carrying one keyword never seen before (a different one each wave), with
 *       compressed trend windows ({@code window.size}, {@code window.slide}, {@code out.of.orderness}).
 *       Latency = webhook arrival of the wave's burst alert − the end of the window in which the wave
 *       reached {@code burst.min.count} posts (the event time at which the burst exists), and − the
 *       acknowledgement of the post that brought it there.
 * </ul>
 *
 * <p>Posts are published "now" (event time = wall time), so the trend job's watermark moves with the
 * clock. The intermediate topics {@code posts.enriched} and {@code alerts} of the run are created
 * with {@code message.timestamp.type=LogAppendTime}: Flink's Kafka sinks copy the input record's
 * timestamp, so only the broker's append time says when a record really got there, which splits
 * each latency into the EnrichJob / TrendJob part and the AlertJob part. All clocks are this JVM's.
 *
 * <pre>java -Xmx3g -cp bench/target/yuqing-bench.jar dev.yuqing.bench.AlertLatency [--key=value ...]</pre>
 *
 * Keys (see {@link #OPTIONS} or run with {@code --help}): {@code phase} (content, burst, both),
 * {@code warmup}, {@code duration} (each phase), {@code rate}, {@code content.rate}, {@code wave.every},
 * {@code wave.size}, {@code window.size}, {@code window.slide}, {@code out.of.orderness},
 * {@code burst.min.count}, {@code checkpoint.interval}, {@code parallelism}, {@code out}; and for
 * experiments with Flink settings the jobs leave at their defaults, {@code flink.buffer.timeout} and
 * {@code flink.watermark.interval}.
 */
public final class AlertLatency {
    enum Phase { CONTENT, BURST, BOTH }

    static final ConfigKey<Phase> PHASE = ConfigKey.enumeration("phase", Phase.class, Phase.BOTH, "which measurement to run");
    static final ConfigKey<Duration> WARMUP = ConfigKey.duration("warmup", "60s", Duration.ZERO,
            "load before measuring starts, discarded (JIT, HanLP dictionaries, the trend job's first window length)");
    static final ConfigKey<Duration> DURATION = ConfigKey.duration("duration", "5m", Duration.ofSeconds(10), "measured time of each phase");
    static final ConfigKey<Integer> RATE = ConfigKey.integer("rate", 100, 1, 2000, "background posts a second");
    static final ConfigKey<Integer> CONTENT_RATE = ConfigKey.integer("content.rate", 5, 1, 1000,
            "posts a second, among the background, that each raise a content alert (content phase)");
    static final ConfigKey<Duration> WAVE_EVERY = ConfigKey.duration("wave.every", "15s", Duration.ofSeconds(1),
            "time between the starts of two keyword waves (burst phase); each start is jittered by up to one slide");
    static final ConfigKey<Integer> WAVE_SIZE = ConfigKey.integer("wave.size", 12, 1, 1000, "posts in a wave, 100 ms apart");
    static final ConfigKey<Duration> WINDOW_SIZE = ConfigKey.duration("window.size", "20s", Duration.ofSeconds(1),
            "trend.window.size in the burst phase (default of the job: 10m)");
    static final ConfigKey<Duration> WINDOW_SLIDE = ConfigKey.duration("window.slide", "2s", Duration.ofSeconds(1),
            "trend.window.slide in the burst phase (default of the job: 1m)");
    static final ConfigKey<Duration> OUT_OF_ORDERNESS = ConfigKey.duration("out.of.orderness", "1s", Duration.ZERO,
            "trend.out.of.orderness in the burst phase (default of the job: 2m)");
    static final ConfigKey<Integer> BURST_MIN_COUNT = ConfigKey.integer("burst.min.count", 10, 1, 1000,
            "trend.burst.min.count in the burst phase (default of the job: 10); a wave must be at least this large");
    static final ConfigKey<Duration> CHECKPOINT = ConfigKey.duration("checkpoint.interval", "10s", Duration.ofMillis(100),
            "checkpoint interval of the pipeline (the jobs' default: 10s)");
    static final ConfigKey<Integer> PARALLELISM = ConfigKey.integer("parallelism", 2, 1, 64, "parallelism of the Flink job");
    static final ConfigKey<String> OUT = ConfigKey.string("out", "bench/target/alert-latency", "directory for the CSV samples");
    // Two Flink settings the jobs do not set (Jobs.flinkConfiguration), for experiments: empty runs
    // the pipeline exactly as LocalStack starts it, with Flink's defaults (100 ms and 200 ms).
    static final ConfigKey<String> BUFFER_TIMEOUT = ConfigKey.optionalString("flink.buffer.timeout",
            "experiment: execution.buffer-timeout.interval, how long a network buffer may wait before it is sent (e.g. 0ms); empty for Flink's default");
    static final ConfigKey<String> WATERMARK_INTERVAL = ConfigKey.optionalString("flink.watermark.interval",
            "experiment: pipeline.auto-watermark-interval, how often sources emit watermarks (e.g. 50ms); empty for Flink's default");
    static final ConfigDef OPTIONS = new ConfigDef("AlertLatency", PHASE, WARMUP, DURATION, RATE, CONTENT_RATE, WAVE_EVERY, WAVE_SIZE,
            WINDOW_SIZE, WINDOW_SLIDE, OUT_OF_ORDERNESS, BURST_MIN_COUNT, CHECKPOINT, PARALLELISM, OUT, BUFFER_TIMEOUT, WATERMARK_INTERVAL);

    /** Posts of a wave are sent this far apart. */
    static final long WAVE_GAP_MILLIS = 100;
    /** Likes of each wave post: ten of them reach the blue level's reach bar (500) whatever the growth. */
    static final int WAVE_LIKES = 50;
    /** How long to wait, after the measured time, for the last alerts. */
    static final Duration DRAIN = Duration.ofSeconds(90);
    static final int PARTITIONS = 2;
    /**
     * One new keyword per wave: HanLP takes each as a word and TextRank returns it as the only
     * keyword of "X！X！又是X。"; none occurs in the demo's templates and none is a harmful term.
     */
    static final List<String> WAVE_KEYWORDS = List.of("冰雹", "台风", "停电", "塌方", "山火", "沙尘暴", "雾霾", "踩踏", "漏气", "龙卷风",
            "暴雪", "冰冻", "泥石流", "蝗灾", "海啸", "寒潮", "大雾", "内涝", "地震", "火灾", "洪水", "干旱", "霜冻", "雷暴", "滑坡",
            "泄漏", "堵车", "断电", "冰雪", "暴雨", "高温", "酸雨", "雪崩", "冰凌", "洪峰", "旱灾", "雷击", "火山", "飓风", "山洪");
    /** The demo's spam comments: each is flagged high-severity (fraud, gambling, drugs), a red harmful-content alert. */
    static final List<String> HARMFUL_TEXTS = List.of(
            "招聘兼职：日结刷单，刷*单*返*利，每天轻松赚三百，详情加群",
            "网上賭場百家乐，首充送彩金，真人荷官在线",
            "出售冰毒、海 洛 因，量大从优，私聊",
            "急用钱？无抵押贷款秒到账，先交保证金即可放款");

    private AlertLatency() {}

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(OPTIONS.describe());
            return;
        }
        Config o = OPTIONS.fromArgsOrExit(args);
        if (o.get(CONTENT_RATE) > o.get(RATE)) {
            System.err.println("content.rate must not exceed rate: the alert posts are among the background ticks");
            System.exit(2);
        }
        // One log4j context for every class loader, before anything logs (what LocalStack.main does):
        // Flink's task threads then log under the levels the local stack sets.
        System.setProperty("log4j2.contextSelector", "org.apache.logging.log4j.core.selector.BasicContextSelector");
        Path out = Path.of(o.get(OUT));
        Files.createDirectories(out);
        System.out.printf("AlertLatency: %d cores, java %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"), loadAverage());
        System.out.println("settings: " + OPTIONS.keys().stream().map(k -> k.name() + "=" + o.get(k)).toList());

        Path dir = Files.createTempDirectory("yuqing-latency-");
        try {
            long started = System.nanoTime();
            try (LocalStack stack = LocalStack.start(dir, 0, 0)) {
                System.out.printf("Kafka %s, Elasticsearch %s up in %.1f s; data under %s%n", stack.bootstrapServers(),
                        stack.elasticsearchUrl(), (System.nanoTime() - started) / 1e9, dir);
                Phase phase = o.get(PHASE);
                if (phase != Phase.BURST) {
                    new ContentPhase(stack, dir, o, out).run();
                }
                if (phase != Phase.CONTENT) {
                    new BurstPhase(stack, dir, o, out).run();
                }
            }
        } finally {
            deleteRecursively(dir);
        }
        System.out.println("load average at the end: " + loadAverage());
    }

    // ---------------------------------------------------------------------------------------------
    // Content alerts

    /** A post planted to raise one content alert. */
    record Planted(String postId, String alertId, long createdAt) {}

    static final class ContentPhase {
        private final LocalStack stack;
        private final Path dir;
        private final Config o;
        private final Path out;

        ContentPhase(LocalStack stack, Path dir, Config o, Path out) {
            this.stack = stack;
            this.dir = dir;
            this.o = o;
            this.out = out;
        }

        void run() throws Exception {
            System.out.println();
            System.out.println("== Content alerts: " + o.get(RATE) + " posts/s, of which " + o.get(CONTENT_RATE)
                    + "/s raise an alert; warm-up " + o.get(WARMUP).toSeconds() + " s, measured " + o.get(DURATION).toSeconds() + " s");
            List<Planted> planted = new CopyOnWriteArrayList<>();
            try (PhaseRun run = PhaseRun.start(stack, dir, "content", o, Map.of())) {
                long start = System.currentTimeMillis();
                long measureFrom = start + o.get(WARMUP).toMillis();
                long measureUntil = measureFrom + o.get(DURATION).toMillis();
                int rate = o.get(RATE);
                int contentRate = o.get(CONTENT_RATE);
                run.measureCpu(measureFrom, measureUntil);
                AtomicLong plantedCount = new AtomicLong();
                run.everyTick(rate, tick -> {
                    long now = System.currentTimeMillis();
                    run.sendBackground(now);
                    // content.rate of the rate's ticks, evenly spread; none after the measured time.
                    if ((tick + 1) * contentRate / rate > tick * contentRate / rate && now < measureUntil) {
                        long n = plantedCount.getAndIncrement();
                        String id = "latency-content-" + String.format(Locale.ROOT, "%06d", n);
                        boolean leak = n % 2 == 0;
                        ObjectNode post = leak ? leakNotice(id, n, now) : harmfulComment(id, n, now);
                        planted.add(new Planted(id, (leak ? "personal-data:" : "harmful-content:") + id, now));
                        run.send(id, post, now);
                    }
                });
                run.awaitUntil(measureUntil, () -> "planted " + plantedCount.get() + ", notified " + run.webhook.alertCount());
                List<Planted> measured = planted.stream().filter(p -> p.createdAt() >= measureFrom).toList();
                run.awaitUntil(System.currentTimeMillis() + DRAIN.toMillis(), () -> "waiting for the last alerts",
                        () -> measured.stream().allMatch(p -> run.webhook.firstArrival(p.alertId()) != null));
                report(run, measured, measureFrom, measureUntil);
            }
        }

        private void report(PhaseRun run, List<Planted> measured, long measureFrom, long measureUntil) throws IOException {
            List<Long> total = new ArrayList<>();
            List<Long> fromCreate = new ArrayList<>();
            List<Long> ack = new ArrayList<>();
            List<Long> enrich = new ArrayList<>();
            List<Long> toAlerts = new ArrayList<>();
            List<Long> alertJob = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            StringBuilder csv = new StringBuilder("post_id,alert_id,created_ms,acked_ms,enriched_append_ms,alerts_append_ms,webhook_ms,notification\n");
            for (Planted p : measured) {
                Long acked = run.ackedAt(p.postId());
                Long enriched = run.enriched.first(p.postId());
                Long appended = run.alerts.first(p.alertId());
                Webhook.Call call = run.webhook.firstCall(p.alertId());
                csv.append(String.join(",", p.postId(), p.alertId(), Long.toString(p.createdAt()), str(acked), str(enriched),
                        str(appended), call == null ? "" : Long.toString(call.at()), call == null ? "" : call.kind())).append('\n');
                if (call == null || acked == null || appended == null || enriched == null) {
                    missing.add(p.alertId());
                    continue;
                }
                total.add(call.at() - acked);
                fromCreate.add(call.at() - p.createdAt());
                ack.add(acked - p.createdAt());
                enrich.add(enriched - acked);
                toAlerts.add(appended - acked);
                alertJob.add(call.at() - appended);
            }
            Files.writeString(out.resolve("content.csv"), csv);
            run.writeCheckpoints(out.resolve("content-checkpoints.csv"));
            System.out.println();
            System.out.printf("Content alerts: %d planted in the measured %d s, %d notified, %d missing %s%n", measured.size(),
                    o.get(DURATION).toSeconds(), total.size(), missing.size(), missing.isEmpty() ? "" : missing.subList(0, Math.min(5, missing.size())));
            System.out.println(Stats.HEADER);
            System.out.println(Stats.row("webhook − producer ack (**the latency**)", total));
            System.out.println(Stats.row("webhook − CreateTime (producer send)", fromCreate));
            System.out.println(Stats.row("producer ack − CreateTime", ack));
            System.out.println(Stats.row("posts.enriched append − ack (EnrichJob)", enrich));
            System.out.println(Stats.row("alerts append − ack (EnrichJob, content alert)", toAlerts));
            System.out.println(Stats.row("webhook − alerts append (AlertJob)", alertJob));
            run.printSummary(measureFrom, measureUntil);
        }
    }

    /** A published list with a full, valid identity number (check digit per GB 11643): red personal-data alert. */
    static ObjectNode leakNotice(String id, long n, long now) {
        ObjectNode o = post(id, "site-page", "site:www.latency.yuqing.invalid/tzgg", now);
        o.put("author", "示范市民政局");
        o.put("title", "2026年度困难家庭救助名单公示（第" + (n + 1) + "批）");
        o.put("text", "经审核，以下家庭符合救助条件，现予公示：户主王某某，身份证号" + idNumber(n)
                + "，家庭人口3人。公示期为7天，如有异议请向民政部门反映。");
        return o;
    }

    static ObjectNode harmfulComment(String id, long n, long now) {
        ObjectNode o = post(id, "site-comment", "site:www.latency.yuqing.invalid", now);
        o.put("author", "用户" + (10000 + n % 90000));
        o.put("text", HARMFUL_TEXTS.get((int) ((n / 2) % HARMFUL_TEXTS.size())));
        return o;
    }

    /** A distinct identity number for each {@code n}: birth date and sequence number from it, the check digit computed. */
    static String idNumber(long n) {
        java.time.LocalDate birth = java.time.LocalDate.of(1950, 1, 1).plusDays(n % 18_000);
        String head = "110105" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format(Locale.ROOT, "%03d", (n / 18_000) % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (head.charAt(i) - '0') * weights[i];
        }
        return head + "10X98765432".charAt(sum % 11);
    }

    static ObjectNode post(String id, String source, String account, long now) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", id);
        o.put("source", source);
        o.put("account", account);
        o.put("publishedAt", Instant.ofEpochMilli(now).toString());
        o.put("fetchedAt", Instant.ofEpochMilli(now).toString());
        o.put("url", "https://latency.yuqing.invalid/" + id);
        return o;
    }

    // ---------------------------------------------------------------------------------------------
    // Burst warnings

    /** A wave of posts with one new keyword. */
    record Wave(int index, String keyword, List<String> postIds, List<Long> createdAt) {
        String postId(int i) {
            return postIds.get(i);
        }
    }

    static final class BurstPhase {
        private static final Pattern WAVE_POST = Pattern.compile("latency-wave-(\\d+)-\\d+");
        private final LocalStack stack;
        private final Path dir;
        private final Config o;
        private final Path out;

        BurstPhase(LocalStack stack, Path dir, Config o, Path out) {
            this.stack = stack;
            this.dir = dir;
            this.o = o;
            this.out = out;
        }

        void run() throws Exception {
            long size = o.get(WINDOW_SIZE).toMillis();
            long slide = o.get(WINDOW_SLIDE).toMillis();
            int minCount = o.get(BURST_MIN_COUNT);
            int waveSize = o.get(WAVE_SIZE);
            long every = o.get(WAVE_EVERY).toMillis();
            if (waveSize < minCount) {
                throw new IllegalArgumentException("wave.size " + waveSize + " is below burst.min.count " + minCount + ": no wave would burst");
            }
            if ((waveSize - 1) * WAVE_GAP_MILLIS >= size) {
                throw new IllegalArgumentException("a wave must fit in one window: wave.size × 100 ms < window.size");
            }
            int waves = (int) (o.get(DURATION).toMillis() / every);
            if (waves > WAVE_KEYWORDS.size()) {
                throw new IllegalArgumentException(waves + " waves need as many new keywords; there are " + WAVE_KEYWORDS.size()
                        + ": shorten duration or lengthen wave.every");
            }
            System.out.println();
            System.out.println("== Burst warnings: " + o.get(RATE) + " background posts/s; " + waves + " waves of " + waveSize
                    + " posts, one every " + every / 1000 + " s; windows " + o.get(WINDOW_SIZE).toSeconds() + " s sliding by "
                    + o.get(WINDOW_SLIDE).toSeconds() + " s, out-of-orderness " + o.get(OUT_OF_ORDERNESS).toMillis() + " ms, burst.min.count "
                    + minCount + "; warm-up " + o.get(WARMUP).toSeconds() + " s");
            Map<String, String> trend = Map.of(
                    TrendOptions.WINDOW_SIZE.name(), size + "ms",
                    TrendOptions.WINDOW_SLIDE.name(), slide + "ms",
                    TrendOptions.OUT_OF_ORDERNESS.name(), o.get(OUT_OF_ORDERNESS).toMillis() + "ms",
                    TrendOptions.BURST_MIN_COUNT.name(), Integer.toString(minCount));
            List<Wave> sent = new CopyOnWriteArrayList<>();
            try (PhaseRun run = PhaseRun.start(stack, dir, "burst", o, trend)) {
                long start = System.currentTimeMillis();
                long measureFrom = start + o.get(WARMUP).toMillis();
                run.everyTick(o.get(RATE), tick -> run.sendBackground(System.currentTimeMillis()));
                // Wave starts jittered within a slide (fixed seed), so that the post reaching the
                // count falls anywhere in its slide rather than always at the same phase.
                Random jitter = new Random(20261127L);
                for (int w = 0; w < waves; w++) {
                    int index = w;
                    long at = measureFrom + w * every + (long) (jitter.nextDouble() * slide);
                    Wave wave = new Wave(w, WAVE_KEYWORDS.get(w), new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
                    sent.add(wave);
                    for (int i = 0; i < waveSize; i++) {
                        int n = i;
                        run.at(at + i * WAVE_GAP_MILLIS, () -> {
                            long now = System.currentTimeMillis();
                            String id = String.format(Locale.ROOT, "latency-wave-%02d-%02d", index, n);
                            wave.postIds().add(id);
                            wave.createdAt().add(now);
                            run.send(id, wavePost(id, wave.keyword(), index, now), now);
                        });
                    }
                }
                long lastWave = measureFrom + (waves - 1) * every + slide + waveSize * WAVE_GAP_MILLIS;
                run.measureCpu(measureFrom, lastWave);
                run.awaitUntil(lastWave, () -> "waves sent " + sent.stream().filter(w -> w.postIds().size() == waveSize).count()
                        + ", burst alerts notified " + waveAlerts(run).size());
                // The background keeps flowing: the watermark must pass the last waves' windows.
                run.awaitUntil(System.currentTimeMillis() + DRAIN.toMillis(), () -> "waiting for the last bursts",
                        () -> waveAlerts(run).size() >= waves);
                report(run, sent, size, slide, minCount, measureFrom, lastWave);
            }
        }

        /** The first burst notification whose evidence holds a wave's posts, by wave. */
        private Map<Integer, Webhook.Call> waveAlerts(PhaseRun run) {
            Map<Integer, Webhook.Call> byWave = new HashMap<>();
            for (Webhook.Call c : run.webhook.calls()) {
                if (!c.alertId().startsWith("burst:")) {
                    continue;
                }
                for (String postId : c.postIds()) {
                    Matcher m = WAVE_POST.matcher(postId);
                    if (m.matches()) {
                        byWave.merge(Integer.parseInt(m.group(1)), c, (a, b) -> a.at() <= b.at() ? a : b);
                    }
                }
            }
            return byWave;
        }

        private void report(PhaseRun run, List<Wave> waves, long size, long slide, int minCount, long measureFrom, long measureUntil)
                throws IOException {
            Map<Integer, Webhook.Call> alerts = waveAlerts(run);
            List<Long> fromWindowEnd = new ArrayList<>();
            List<Long> fromPost = new ArrayList<>();
            List<Long> trendPart = new ArrayList<>();
            List<Long> alertJob = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            StringBuilder csv = new StringBuilder("wave,keyword,alert_id,level,window_end_ms,nth_post_created_ms,nth_post_acked_ms,"
                    + "alerts_append_ms,webhook_ms\n");
            System.out.println();
            System.out.println("| wave | keyword | window end (that burst) | post reaching the count: acked | alerts append | webhook | webhook − window end |");
            System.out.println("| ---: | --- | --- | --- | --- | --- | ---: |");
            for (Wave w : waves) {
                List<Long> times = new ArrayList<>(w.createdAt());
                times.sort(Long::compare);
                long end = burstWindowEnd(times, size, slide, minCount);
                // The post whose arrival made that window hold burst.min.count posts.
                List<Integer> inWindow = new ArrayList<>();
                for (int i = 0; i < w.createdAt().size(); i++) {
                    long t = w.createdAt().get(i);
                    if (t >= end - size && t < end) {
                        inWindow.add(i);
                    }
                }
                inWindow.sort(Comparator.comparingLong(i -> w.createdAt().get(i)));
                String nth = w.postId(inWindow.get(minCount - 1));
                long nthCreated = w.createdAt().get(inWindow.get(minCount - 1));
                Long nthAcked = run.ackedAt(nth);
                Webhook.Call call = alerts.get(w.index());
                Long appended = call == null ? null : run.alerts.first(call.alertId());
                csv.append(String.join(",", Integer.toString(w.index()), w.keyword(), call == null ? "" : call.alertId(),
                        call == null ? "" : call.level(), Long.toString(end), Long.toString(nthCreated), str(nthAcked), str(appended),
                        call == null ? "" : Long.toString(call.at()))).append('\n');
                System.out.printf("| %d | %s | %s | %s | %s | %s | %s |%n", w.index(), w.keyword(), clock(end), clock(nthAcked), clock(appended),
                        call == null ? "—" : clock(call.at()), call == null ? "no alert" : (call.at() - end) + " ms");
                if (call == null || nthAcked == null || appended == null) {
                    problems.add("wave " + w.index() + " (" + w.keyword() + "): " + (call == null ? "no burst alert" : "no stamp"));
                    continue;
                }
                if (!call.alertId().equals("burst:event:" + w.postId(0))) {
                    problems.add("wave " + w.index() + " was notified as " + call.alertId() + ", not as its own event");
                }
                fromWindowEnd.add(call.at() - end);
                fromPost.add(call.at() - nthAcked);
                trendPart.add(appended - end);
                alertJob.add(call.at() - appended);
            }
            Files.writeString(out.resolve("bursts.csv"), csv);
            run.writeCheckpoints(out.resolve("burst-checkpoints.csv"));
            System.out.println();
            System.out.printf("Burst warnings: %d waves, %d notified%s%n", waves.size(), fromWindowEnd.size(),
                    problems.isEmpty() ? "" : "; " + problems);
            System.out.println(Stats.HEADER);
            System.out.println(Stats.row("webhook − end of the window that burst (**the latency**)", fromWindowEnd));
            System.out.println(Stats.row("webhook − ack of the post reaching burst.min.count", fromPost));
            System.out.println(Stats.row("alerts append − window end (watermark wait + TrendJob)", trendPart));
            System.out.println(Stats.row("webhook − alerts append (AlertJob)", alertJob));
            run.printSummary(measureFrom, measureUntil);
        }
    }

    /**
     * End of the first sliding window (start a multiple of the slide, as Flink's sliding windows
     * without offset) holding at least {@code minCount} of the sorted times.
     */
    static long burstWindowEnd(List<Long> sortedTimes, long size, long slide, int minCount) {
        for (long end = Math.floorDiv(sortedTimes.get(0), slide) * slide + slide; ; end += slide) {
            long from = end - size;
            long until = end;
            long count = sortedTimes.stream().filter(t -> t >= from && t < until).count();
            if (count >= minCount) {
                return end;
            }
            if (end - size > sortedTimes.get(sortedTimes.size() - 1)) {
                throw new IllegalArgumentException("no window holds " + minCount + " of " + sortedTimes);
            }
        }
    }

    static ObjectNode wavePost(String id, String keyword, int wave, long now) {
        ObjectNode o = post(id, "weibo", "weibo:latency-wave-" + wave, now);
        o.put("author", "网友" + wave);
        o.put("text", keyword + "！" + keyword + "！又是" + keyword + "。");
        o.put("region", "南湖区");
        o.putObject("engagement").put("likes", WAVE_LIKES);
        return o;
    }

    // ---------------------------------------------------------------------------------------------
    // One phase's pipeline, feed and recorders

    /**
     * The pipeline on a phase's own topics and consumer groups, the webhook it delivers to, the
     * producer of posts and the recorders of append times and checkpoints. Closing it cancels the
     * job and stops everything it started, in reverse order.
     */
    static final class PhaseRun implements AutoCloseable {
        private final Deque<AutoCloseable> opened = new ArrayDeque<>();
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "latency-feed"));
        private final Map<String, Long> acked = new ConcurrentHashMap<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final AtomicLong sent = new AtomicLong();
        private volatile long cpuFrom;
        private volatile long cpuUntil;
        private volatile long cpuFromWall;
        private volatile long cpuUntilWall;
        private final String name;
        private final String rawTopic;
        private List<ObjectNode> templates;
        private KafkaProducer<byte[], byte[]> producer;
        private JobClient job;
        Webhook webhook;
        TopicStamps enriched;
        TopicStamps alerts;
        CheckpointWatch checkpoints;

        private PhaseRun(String name) {
            this.name = name;
            this.rawTopic = "latency-" + name + ".raw";
        }

        static PhaseRun start(LocalStack stack, Path dir, String name, Config o, Map<String, String> trendOverrides) throws Exception {
            PhaseRun run = new PhaseRun(name);
            try {
                run.open(stack, dir, o, trendOverrides);
                return run;
            } catch (Exception | Error e) {
                try {
                    run.close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }

        private void open(LocalStack stack, Path dir, Config o, Map<String, String> trendOverrides) throws Exception {
            String p = "latency-" + name + ".";
            createTopics(stack.bootstrapServers(), p);
            opened.push(scheduler::shutdownNow);

            webhook = Webhook.start();
            opened.push(webhook);
            // Every alert to the one webhook; a high rate limit, so the token bucket never delays.
            Path routing = Files.writeString(dir.resolve(name + "-routing.json"), "{\"channels\":{\"duty\":{\"kind\":\"webhook\",\"url\":\""
                    + webhook.url() + "\"}},\"routes\":[],\"default\":[\"duty\"]}");
            Duration cp = o.get(CHECKPOINT);
            var enrich = stack.enrichConfig(cp, Map.of(EnrichOptions.INPUT_TOPIC.name(), p + "raw", EnrichOptions.OUTPUT_TOPIC.name(), p + "enriched",
                    EnrichOptions.DLQ_TOPIC.name(), p + "dlq", EnrichOptions.ALERTS_TOPIC.name(), p + "alerts",
                    EnrichOptions.GROUP_ID.name(), p + "enrich"));
            Map<String, String> t = new HashMap<>(trendOverrides);
            t.putAll(Map.of(TrendOptions.INPUT_TOPIC.name(), p + "enriched", TrendOptions.ALERTS_TOPIC.name(), p + "alerts",
                    TrendOptions.GROUP_ID.name(), p + "trend"));
            var trend = stack.trendConfig(cp, t);
            var alert = stack.alertConfig(cp, Map.of(AlertOptions.INPUT_TOPIC.name(), p + "alerts", AlertOptions.OUTPUT_TOPIC.name(), p + "alerts.out",
                    AlertOptions.DLQ_TOPIC.name(), p + "alerts.dlq", AlertOptions.GROUP_ID.name(), p + "alerting",
                    AlertOptions.ROUTING_FILE.name(), routing.toString(),
                    AlertOptions.DIGEST_LEVELS.name(), "none", // blue and yellow out at once, not in tomorrow's digest
                    AlertOptions.RATE_LIMIT.name(), "10000/1s"));
            // Elasticsearch indices keep their default names (and templates): each run has a fresh node.
            job = o.get(BUFFER_TIMEOUT).isBlank() && o.get(WATERMARK_INTERVAL).isBlank()
                    ? stack.startPipeline(enrich, trend, alert, o.get(PARALLELISM))
                    : startTuned(enrich, trend, alert, o);
            JobClient j = job;
            opened.push(() -> {
                if (!j.getJobStatus().get().isGloballyTerminalState()) {
                    j.cancel().get(60, TimeUnit.SECONDS);
                }
            });

            enriched = TopicStamps.start(stack.bootstrapServers(), p + "enriched", key -> true);
            opened.push(enriched);
            alerts = TopicStamps.start(stack.bootstrapServers(), p + "alerts", key -> true);
            opened.push(alerts);
            checkpoints = CheckpointWatch.start(stack.bootstrapServers(), p + "enrich");
            opened.push(checkpoints);

            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "0"); // each post leaves at once: its latency starts at the send
            producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
            KafkaProducer<byte[], byte[]> pr = producer;
            opened.push(() -> pr.close(Duration.ofSeconds(10)));
            templates = backgroundTemplates();
        }

        /**
         * The same three topologies in one job as {@link LocalStack#startPipeline}, on an
         * environment with the experiment's Flink settings on top of the jobs' own.
         */
        private static JobClient startTuned(Config enrich, Config trend, Config alert, Config o) throws Exception {
            Configuration conf = Jobs.flinkConfiguration(enrich);
            if (!o.get(BUFFER_TIMEOUT).isBlank()) {
                conf.set(ExecutionOptions.BUFFER_TIMEOUT, TimeUtils.parseDuration(o.get(BUFFER_TIMEOUT)));
            }
            if (!o.get(WATERMARK_INTERVAL).isBlank()) {
                conf.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, TimeUtils.parseDuration(o.get(WATERMARK_INTERVAL)));
            }
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(o.get(PARALLELISM), conf);
            EnrichJob.fromConfig(enrich).build(env);
            TrendJob.fromConfig(trend).build(env);
            AlertJob.fromConfig(alert).build(env);
            return env.executeAsync("yuqing-local-tuned");
        }

        /** The demo's ordinary posts (no planted alert, not its own bursts), to be re-stamped and re-numbered. */
        private static List<ObjectNode> backgroundTemplates() throws IOException {
            List<ObjectNode> out = new ArrayList<>();
            for (DemoLine l : DemoScenario.generate(6000, 0, 20261127L)) {
                if (l.valid() && l.alertType() == null && !l.id().startsWith("weibo-burst-") && !l.id().startsWith("wechat-comment-")) {
                    out.add((ObjectNode) Json.MAPPER.readTree(l.json()));
                }
            }
            return out;
        }

        private static void createTopics(String bootstrap, String p) throws Exception {
            // Append time on the intermediate topics: the records' own timestamps are copied from
            // the input post by Flink's sinks and would say nothing about when they were written.
            Map<String, String> appendTime = Map.of("message.timestamp.type", "LogAppendTime");
            List<NewTopic> topics = new ArrayList<>();
            for (String t : List.of("raw", "dlq", "alerts.out", "alerts.dlq")) {
                topics.add(new NewTopic(p + t, PARTITIONS, (short) 1));
            }
            for (String t : List.of("enriched", "alerts")) {
                topics.add(new NewTopic(p + t, PARTITIONS, (short) 1).configs(appendTime));
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            }
        }

        /** Runs {@code tick} {@code perSecond} times a second (fixed rate) until the run is closed. */
        void everyTick(int perSecond, TickAction tick) {
            AtomicLong n = new AtomicLong();
            scheduler.scheduleAtFixedRate(() -> guarded(() -> tick.run(n.getAndIncrement())), 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
        }

        /** Notes this JVM's CPU time over the measured time (Kafka, Elasticsearch, Flink and the feed are all in it). */
        void measureCpu(long from, long until) {
            at(from, () -> {
                cpuFromWall = System.nanoTime();
                cpuFrom = processCpuNanos();
            });
            at(until, () -> {
                cpuUntilWall = System.nanoTime();
                cpuUntil = processCpuNanos();
            });
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        void at(long epochMillis, Runnable action) {
            scheduler.schedule(() -> guarded(action), Math.max(0, epochMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        }

        /** A failing feed must stop the run, not vanish in the executor's future. */
        private void guarded(Runnable action) {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
                throw e;
            }
        }

        void sendBackground(long now) {
            long n = sent.get();
            ObjectNode o = templates.get((int) (n % templates.size())).deepCopy();
            String id = "latency-bg-" + name + "-" + n;
            o.put("id", id);
            o.put("publishedAt", Instant.ofEpochMilli(now).toString());
            o.put("fetchedAt", Instant.ofEpochMilli(now).toString());
            o.put("url", "https://latency.yuqing.invalid/" + id);
            send(id, o, now);
        }

        /** Sends with CreateTime = {@code now}; the acknowledgement time is kept by post id. */
        void send(String id, ObjectNode post, long now) {
            byte[] value;
            try {
                value = Json.MAPPER.writeValueAsBytes(post);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sent.incrementAndGet();
            producer.send(new ProducerRecord<>(rawTopic, null, now, id.getBytes(StandardCharsets.UTF_8), value), (meta, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, new IOException("sending post " + id + " failed", error));
                } else {
                    acked.put(id, System.currentTimeMillis());
                }
            });
        }

        Long ackedAt(String postId) {
            return acked.get(postId);
        }

        void awaitUntil(long epochMillis, java.util.function.Supplier<String> progress) throws Exception {
            awaitUntil(epochMillis, progress, () -> false);
        }

        /** Waits until the time or {@code done}, checking every second that nothing failed; progress every 30 s. */
        void awaitUntil(long epochMillis, java.util.function.Supplier<String> progress, java.util.function.BooleanSupplier done) throws Exception {
            long nextProgress = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < epochMillis && !done.getAsBoolean()) {
                Thread.sleep(Math.max(1, Math.min(1000, epochMillis - System.currentTimeMillis())));
                checkHealthy();
                if (System.currentTimeMillis() >= nextProgress) {
                    System.out.printf("  %s: %d posts sent; %s; load average %s%n", Instant.now(), sent.get(), progress.get(), loadAverage());
                    nextProgress += 30_000;
                }
            }
            checkHealthy();
        }

        private void checkHealthy() throws Exception {
            Throwable f = failure.get();
            if (f == null) {
                f = Stream.of(webhook.failure(), enriched.failure(), alerts.failure(), checkpoints.failure())
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            }
            if (f != null) {
                throw new IllegalStateException("the " + name + " run failed", f);
            }
            var status = job.getJobStatus().get();
            if (status.isGloballyTerminalState()) {
                try {
                    job.getJobExecutionResult().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("the pipeline ended: " + status, e.getCause());
                }
                throw new IllegalStateException("the pipeline ended: " + status);
            }
        }

        /** The enrichment delay of every post acknowledged in the measured time, the checkpoints and the webhook's load. */
        void printSummary(long measureFrom, long measureUntil) {
            List<Long> enrich = new ArrayList<>();
            enriched.forEach((id, at) -> {
                Long a = acked.get(id);
                if (a != null && a >= measureFrom && a < measureUntil) {
                    enrich.add(at - a);
                }
            });
            System.out.println(Stats.row("posts.enriched append − ack, every post of the measured time", enrich));
            List<Long> cps = checkpoints.completions();
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < cps.size(); i++) {
                gaps.add(cps.get(i) - cps.get(i - 1));
            }
            System.out.printf("%d posts sent; webhook: %d calls for %d alert ids; checkpoints seen completing (enrich offsets committed): %d, "
                    + "median gap %s ms%n", sent.get(), webhook.callCount(), webhook.alertCount(), cps.size(),
                    gaps.isEmpty() ? "—" : Stats.percentile(gaps, 50));
            if (cpuUntilWall > cpuFromWall) {
                System.out.printf(Locale.ROOT, "CPU of this JVM over the measured time: %.2f of %d cores%n",
                        (double) (cpuUntil - cpuFrom) / (cpuUntilWall - cpuFromWall), Runtime.getRuntime().availableProcessors());
            }
        }

        void writeCheckpoints(Path file) throws IOException {
            StringBuilder sb = new StringBuilder("committed_seen_ms\n");
            checkpoints.completions().forEach(t -> sb.append(t).append('\n'));
            Files.writeString(file, sb);
        }

        @Override
        public void close() throws Exception {
            Exception first = null;
            while (!opened.isEmpty()) {
                try {
                    opened.pop().close();
                } catch (Exception e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    @FunctionalInterface
    interface TickAction {
        void run(long tick);
    }

    /** The handler's webhook: records when each alert's notifications arrive. */
    static final class Webhook implements AutoCloseable {
        record Call(String alertId, String kind, String level, List<String> postIds, long at) {}

        private final HttpServer server;
        private final List<Call> calls = new CopyOnWriteArrayList<>();
        private final Map<String, Call> first = new ConcurrentHashMap<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        private Webhook(HttpServer server) {
            this.server = server;
        }

        static Webhook start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            Webhook w = new Webhook(server);
            server.createContext("/duty", ex -> {
                long at = System.currentTimeMillis(); // before the body is read: the request is here
                try {
                    JsonNode body = Json.MAPPER.readTree(ex.getRequestBody().readAllBytes());
                    String kind = ex.getRequestHeaders().getFirst("X-Yuqing-Notification");
                    // A digest is an array of alerts; every other notification one alert.
                    for (JsonNode a : body.isArray() ? body : List.of(body)) {
                        List<String> postIds = new ArrayList<>();
                        a.path("evidence").path("postIds").forEach(id -> postIds.add(id.asText()));
                        Call c = new Call(a.get("id").asText(), kind, a.path("level").asText(), postIds, at);
                        w.calls.add(c);
                        w.first.putIfAbsent(c.alertId(), c);
                    }
                    ex.sendResponseHeaders(200, -1);
                } catch (IOException | RuntimeException e) {
                    // Answered 500, so the job retries and the run reports it: never dropped silently.
                    w.failure.compareAndSet(null, new IOException("the webhook could not read a notification", e));
                    ex.sendResponseHeaders(500, -1);
                } finally {
                    ex.close();
                }
            });
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "latency-webhook");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return w;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/duty";
        }

        Long firstArrival(String alertId) {
            Call c = first.get(alertId);
            return c == null ? null : c.at();
        }

        Call firstCall(String alertId) {
            return first.get(alertId);
        }

        List<Call> calls() {
            return calls;
        }

        int callCount() {
            return calls.size();
        }

        int alertCount() {
            return first.size();
        }

        Throwable failure() {
            return failure.get();
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    /** Reads a topic from the start and keeps the broker's append time of each key's first record. */
    static final class TopicStamps implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Map<String, Long> first = new ConcurrentHashMap<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Thread thread;
        private volatile boolean running = true;

        private TopicStamps(String bootstrap, String topic, Predicate<String> keep) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (int i = 0; i < PARTITIONS; i++) {
                partitions.add(new TopicPartition(topic, i));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            thread = new Thread(() -> {
                try {
                    while (running) {
                        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                            if (r.timestampType() != TimestampType.LOG_APPEND_TIME) {
                                throw new IllegalStateException(topic + " has " + r.timestampType() + " timestamps, not LogAppendTime");
                            }
                            String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
                            if (keep.test(key)) {
                                first.putIfAbsent(key, r.timestamp());
                            }
                        }
                    }
                } catch (WakeupException e) {
                    if (running) {
                        failure.compareAndSet(null, e);
                    } // else: woken up to stop
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    consumer.close(Duration.ofSeconds(5));
                }
            }, "latency-stamps-" + topic);
            thread.setDaemon(true);
        }

        static TopicStamps start(String bootstrap, String topic, Predicate<String> keep) {
            TopicStamps s = new TopicStamps(bootstrap, topic, keep);
            s.thread.start();
            return s;
        }

        Long first(String key) {
            return first.get(key);
        }

        void forEach(java.util.function.BiConsumer<String, Long> action) {
            first.forEach(action);
        }

        Throwable failure() {
            return failure.get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.wakeup();
            thread.join(10_000);
        }
    }

    /**
     * Sees checkpoints complete: the job's Kafka sources commit their offsets when a checkpoint
     * completes, so a change of the enrichment group's committed offsets marks one (polled every 100 ms).
     */
    static final class CheckpointWatch implements AutoCloseable {
        private final Admin admin;
        private final String group;
        private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "latency-checkpoints");
            t.setDaemon(true);
            return t;
        });
        private final List<Long> completions = new CopyOnWriteArrayList<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private long lastSum = -1;
        private ScheduledFuture<?> task;

        private CheckpointWatch(String bootstrap, String group) {
            this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
            this.group = group;
        }

        static CheckpointWatch start(String bootstrap, String group) {
            CheckpointWatch w = new CheckpointWatch(bootstrap, group);
            w.task = w.poller.scheduleWithFixedDelay(w::poll, 100, 100, TimeUnit.MILLISECONDS);
            return w;
        }

        private void poll() {
            try {
                long sum = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS).values().stream()
                        .filter(java.util.Objects::nonNull).mapToLong(m -> m.offset()).sum();
                if (sum != lastSum && lastSum >= 0) {
                    completions.add(System.currentTimeMillis());
                }
                lastSum = sum;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                failure.compareAndSet(null, e);
                task.cancel(false);
            }
        }

        List<Long> completions() {
            return completions;
        }

        Throwable failure() {
            return failure.get();
        }

        @Override
        public void close() throws InterruptedException {
            poller.shutdownNow();
            poller.awaitTermination(10, TimeUnit.SECONDS);
            admin.close(Duration.ofSeconds(5));
        }
    }

    /** Percentiles by nearest rank, in milliseconds. */
    static final class Stats {
        static final String HEADER = "| interval (ms) | n | p50 | p90 | p99 | max |\n| --- | ---: | ---: | ---: | ---: | ---: |";

        private Stats() {}

        static long percentile(List<Long> values, double p) {
            List<Long> sorted = new ArrayList<>(values);
            sorted.sort(Long::compare);
            int rank = (int) Math.ceil(p / 100 * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }

        static String row(String label, List<Long> values) {
            if (values.isEmpty()) {
                return "| " + label + " | 0 | — | — | — | — |";
            }
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |", label, values.size(), percentile(values, 50),
                    percentile(values, 90), percentile(values, 99), percentile(values, 100));
        }
    }

    static String str(Long v) {
        return v == null ? "" : Long.toString(v);
    }

    /** Times of day in the tables, UTC like the progress lines. */
    private static final java.time.format.DateTimeFormatter CLOCK =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC);

    static String clock(Long epochMillis) {
        return epochMillis == null ? "—" : CLOCK.format(Instant.ofEpochMilli(epochMillis));
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
