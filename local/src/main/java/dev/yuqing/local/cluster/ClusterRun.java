package dev.yuqing.local.cluster;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.Topics;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.json.Json;
import dev.yuqing.dashboards.EsConnection;
import dev.yuqing.local.PipelineStatus;
import dev.yuqing.local.connect.FileReplayConnector;
import dev.yuqing.local.demo.DemoLine;
import dev.yuqing.local.demo.DemoScenario;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;

/**
 * The cluster rig as a command: every service started as its own process, prepared and fed the
 * way compose's services do it (setup, the jobs submitted from the job jar, the demo replayed by
 * the Connect worker), a status line, and optionally the four faults during the replay with a
 * report of what was lost or doubled and how long recovery took. The figures of
 * docs/reliability.md come from here.
 */
public final class ClusterRun {
    private static final Duration SETTLED = Duration.ofSeconds(30);
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(10);

    private final Config config;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A fault and when the pipeline moved again after it (null: not within the limit). */
    record Recovery(Faults.Fault fault, Instant recovered) {}

    /** Posts indexed at a time, for throughput over any stretch. */
    record Sample(Instant at, long indexed) {}

    ClusterRun(Config config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        // The services log to their own files; this JVM's clients only say what goes wrong.
        org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.WARN);
        new ClusterRun(ClusterOptions.DEF.fromArgsOrExit(args), System.out).run();
    }

    void run() throws Exception {
        Path dir = Path.of(config.get(ClusterOptions.DATA_DIR)).toAbsolutePath();
        empty(dir);
        List<DemoLine> demo = DemoScenario.generate(config.get(ClusterOptions.DEMO_POSTS), config.get(ClusterOptions.DEMO_MALFORMED), 20261127L);
        long valid = demo.stream().filter(DemoLine::valid).map(DemoLine::id).distinct().count();
        long invalid = demo.stream().filter(l -> !l.valid()).count();
        Path all = dir.resolve("demo-all.jsonl");
        DemoScenario.write(all, demo);
        demo = null; // the lines below are what is fed; the objects may go
        List<String> lines = Files.readAllLines(all);
        out.printf("Demo: %d lines, %d distinct valid posts, %d malformed%n", lines.size(), valid, invalid);

        ClusterRig.Settings settings = new ClusterRig.Settings(config.get(ClusterOptions.TASK_MANAGERS), config.get(ClusterOptions.SLOTS),
                config.get(ClusterOptions.PARALLELISM), config.get(ClusterOptions.CHECKPOINT_INTERVAL), Map.of());
        long t0 = System.nanoTime();
        try (ClusterRig rig = ClusterRig.start(ClusterBuild.fromEnvironment(), dir.resolve("rig"), settings);
                Admin admin = rig.admin()) {
            ElasticsearchClient client = rig.esConnection().open();
            try (PipelineStatus status = new PipelineStatus(rig.bootstrapServers(), admin, client)) {
                out.printf("Up in %.1f s: Kafka %s, Elasticsearch %s, Flink %s, Connect %s; logs under %s%n", (System.nanoTime() - t0) / 1e9,
                        rig.bootstrapServers(), rig.elasticsearchUrl(), rig.flinkRestUrl(), rig.connectClient().restUrl(), dir.resolve("rig/logs"));
                Map<String, String> setupEnv = new HashMap<>(rig.serviceEnvironment());
                setupEnv.put("YUQING_SETUP_REGISTRY_FILE", rig.build().demoRegistry().toString());
                out.print(rig.runOnce("setup", rig.toolCommand("dev.yuqing.jobs.Setup", List.of()), setupEnv));
                out.print(rig.runOnce("submit", rig.toolCommand("dev.yuqing.jobs.Submit", List.of()), Map.of("YUQING_FLINK_REST_URL",
                        rig.flinkRestUrl().toString(), "YUQING_SUBMIT_JAR", rig.build().jobsJar().toString())));

                Path growing = dir.resolve("demo.jsonl");
                int parts = config.get(ClusterOptions.PARTS);
                int part = (lines.size() + parts - 1) / parts;
                Files.write(growing, lines.subList(0, Math.min(part, lines.size())));
                FileReplayConnector first = FileReplayConnector.create(rig.connectClient(), "demo-replay", growing, 0, rig.bootstrapServers(),
                        Topics.POSTS_RAW, Topics.POSTS_DLQ);
                FileReplayConnector replay = new FileReplayConnector(first.worker(), first.name(), lines.size());
                Thread feeder = new Thread(() -> feed(growing, lines, part), "demo-export");
                feeder.setDaemon(true);
                feeder.start();

                List<Recovery> recoveries = new CopyOnWriteArrayList<>();
                Thread faults = new Thread(() -> injectFaults(rig, status, recoveries), "faults");
                faults.setDaemon(true);
                if (config.get(ClusterOptions.FAULTS)) {
                    faults.start();
                }
                List<Sample> samples = watch(status, replay, feeder, faults);
                report(rig, status, samples, recoveries, valid, invalid);
                if (!config.get(ClusterOptions.EXIT_WHEN_DONE)) {
                    out.println("Running until Ctrl-C.");
                    Thread.currentThread().join();
                }
            } finally {
                EsConnection.close(client);
            }
        }
    }

    private void feed(Path growing, List<String> lines, int part) {
        try {
            for (int from = part; from < lines.size(); from += part) {
                Thread.sleep(config.get(ClusterOptions.PART_INTERVAL).toMillis());
                Files.write(growing, lines.subList(from, Math.min(lines.size(), from + part)), StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void injectFaults(ClusterRig rig, PipelineStatus status, List<Recovery> recoveries) {
        Faults faults = new Faults(rig);
        Duration interval = config.get(ClusterOptions.FAULT_INTERVAL);
        try {
            List<FaultStep> steps = List.of(() -> faults.killTaskManager(Duration.ofSeconds(5)),
                    () -> faults.stopElasticsearch(config.get(ClusterOptions.ES_DOWN)), faults::restartKafka, faults::killConnect);
            for (FaultStep step : steps) {
                Thread.sleep(interval.toMillis());
                Faults.Fault f = step.inject();
                out.println("Fault: " + f.name() + " (service back after " + seconds(f.outage()) + ")");
                Instant recovered = awaitProgress(rig, status);
                recoveries.add(new Recovery(f, recovered));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface FaultStep {
        Faults.Fault inject() throws IOException, InterruptedException;
    }

    /** When all four jobs run again and the indexed count has grown since the service came back; null after the limit. */
    private Instant awaitProgress(ClusterRig rig, PipelineStatus status) throws InterruptedException {
        long base = -1;
        long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                long indexed = status.indexedPosts();
                if (base < 0) {
                    base = indexed;
                } else if (indexed > base && allJobsRunning(rig)) {
                    return Instant.now();
                }
            } catch (IOException | RuntimeException notYet) {
                // a service is still coming back
            }
            Thread.sleep(1000);
        }
        return null;
    }

    private boolean allJobsRunning(ClusterRig rig) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(rig.flinkRestUrl().resolve("/jobs/overview")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        int running = 0;
        for (JsonNode j : Json.MAPPER.readTree(r.body()).path("jobs")) {
            if (j.path("state").asText().equals("RUNNING")) {
                running++;
            }
        }
        return running >= 4;
    }

    /** Prints the status until the file is fed, the faults are over and nothing has changed for {@link #SETTLED}. */
    private List<Sample> watch(PipelineStatus status, FileReplayConnector replay, Thread feeder, Thread faults) throws InterruptedException {
        List<Sample> samples = new ArrayList<>();
        PipelineStatus.Summary last = null;
        Instant stableSince = Instant.now();
        while (true) {
            Thread.sleep(5000);
            PipelineStatus.Summary s;
            try {
                status.refresh();
                s = status.summary();
            } catch (IOException | RuntimeException away) {
                out.println("status unavailable: " + away.getMessage());
                continue;
            }
            Instant now = Instant.now();
            samples.add(new Sample(now, s.indexed()));
            double rate = samples.size() < 2 ? 0 : (s.indexed() - samples.get(samples.size() - 2).indexed()) / 5.0;
            out.printf("%s | %.0f posts/s indexed%n", s, rate);
            boolean done;
            try {
                done = !feeder.isAlive() && !faults.isAlive() && replay.done() && s.behind() == 0;
            } catch (IOException connectAway) {
                done = false;
            }
            if (!done || !s.equals(last)) {
                stableSince = now;
            } else if (Duration.between(stableSince, now).compareTo(SETTLED) >= 0) {
                return samples;
            }
            last = s;
        }
    }

    private void report(ClusterRig rig, PipelineStatus status, List<Sample> samples, List<Recovery> recoveries, long valid, long invalid)
            throws IOException {
        PipelineStatus.Summary s = status.summary();
        KeyTally dlq = KeyTally.read(rig.bootstrapServers(), Topics.POSTS_DLQ, Duration.ofMinutes(5), KeyTally.DEAD_LETTER);
        KeyTally enriched = KeyTally.read(rig.bootstrapServers(), Topics.POSTS_ENRICHED, Duration.ofMinutes(10));
        KeyTally alerts = KeyTally.read(rig.bootstrapServers(), Topics.ALERTS, Duration.ofMinutes(5));
        out.println();
        out.println("| figure | value |");
        out.println("|---|---|");
        out.println("| valid posts (distinct ids) / indexed / lost | " + valid + " / " + s.indexed() + " / " + (valid - s.indexed()) + " |");
        out.println("| posts.enriched records / distinct posts / written twice | " + enriched.records() + " / " + enriched.keys() + " / "
                + enriched.repeats() + " |");
        out.println("| dead letters expected / records / distinct / written twice | " + invalid + " / " + dlq.records() + " / " + dlq.keys()
                + " / " + dlq.repeats() + " |");
        out.println("| alert records / distinct alerts | " + alerts.records() + " / " + alerts.keys() + " |");
        out.println("| services that ended on their own (restarted) | " + (rig.crashes().isEmpty() ? "none" : String.join("; ", rig.crashes())) + " |");
        Sample firstMove = samples.stream().filter(x -> x.indexed() > 0).findFirst().orElse(samples.get(0));
        Sample end = samples.stream().filter(x -> x.indexed() == s.indexed()).min(Comparator.comparing(Sample::at)).orElse(samples.get(samples.size() - 1));
        out.println("| throughput, first to last post indexed | " + rate(firstMove, end) + " posts/s |");
        if (!recoveries.isEmpty()) {
            Instant faultsFrom = recoveries.get(0).fault().struck();
            Instant faultsTo = Stream.of(recoveries.get(recoveries.size() - 1)).map(r -> r.recovered() == null ? r.fault().serviceBack() : r.recovered())
                    .findFirst().orElseThrow();
            out.println("| throughput while faults were injected | " + rate(at(samples, faultsFrom), at(samples, faultsTo)) + " posts/s |");
            Sample after = at(samples, faultsTo);
            out.println("| throughput after the last recovery | " + (after.indexed() < end.indexed() ? rate(after, end) + " posts/s" : "(all indexed by then)")
                    + " |");
            for (Recovery r : recoveries) {
                out.println("| " + r.fault().name() + ": service back / pipeline moving again | " + seconds(r.fault().outage()) + " / "
                        + (r.recovered() == null ? "not within " + RECOVERY_LIMIT : seconds(Duration.between(r.fault().struck(), r.recovered())))
                        + " |");
            }
        }
    }

    private static Sample at(List<Sample> samples, Instant t) {
        return samples.stream().filter(x -> !x.at().isBefore(t)).findFirst().orElse(samples.get(samples.size() - 1));
    }

    private static String rate(Sample from, Sample to) {
        double secs = Duration.between(from.at(), to.at()).toMillis() / 1000.0;
        return secs <= 0 ? "n/a" : String.format("%.0f", (to.indexed() - from.indexed()) / secs);
    }

    private static String seconds(Duration d) {
        return String.format("%.0f s", d.toMillis() / 1000.0);
    }

    private static void empty(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
