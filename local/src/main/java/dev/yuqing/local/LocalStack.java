package dev.yuqing.local;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.yuqing.local.connect.EmbeddedConnect;
import dev.yuqing.local.connect.FileReplayConnector;
import dev.yuqing.core.Topics;
import dev.yuqing.core.config.Config;
import dev.yuqing.dashboards.EsConnection;
import dev.yuqing.dashboards.IndexTemplates;
import dev.yuqing.jobs.JobOptions;
import dev.yuqing.jobs.enrich.EnrichJob;
import dev.yuqing.jobs.enrich.EnrichOptions;
import dev.yuqing.jobs.alerting.AckServer;
import dev.yuqing.jobs.alerting.AlertJob;
import dev.yuqing.jobs.alerting.AlertOptions;
import dev.yuqing.jobs.alerting.ElasticsearchAlertStatusStore;
import dev.yuqing.jobs.trend.TrendJob;
import dev.yuqing.jobs.trend.TrendOptions;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.local.demo.DemoLine;
import dev.yuqing.local.demo.DemoScenario;
import dev.yuqing.local.elasticsearch.EmbeddedElasticsearch;
import dev.yuqing.local.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import dev.yuqing.core.inspection.Registry;
import java.util.LinkedHashMap;
import dev.yuqing.core.inspection.MonitoredTarget;
import dev.yuqing.jobs.inspection.InspectionJob;
import dev.yuqing.jobs.inspection.InspectionOptions;
import dev.yuqing.jobs.inspection.RegistryPublisher;
import java.time.Instant;
import org.apache.kafka.clients.admin.Admin;

/**
 * The embedded all-in-one: a real Kafka broker, a real Elasticsearch node and the Flink
 * MiniCluster running the jobs, all in this JVM with their data under one directory; the replay
 * connector feeds them. {@link #main} runs it on the synthetic demo until Ctrl-C; tests use the
 * same methods.
 */
public final class LocalStack implements AutoCloseable {
    static final String PIPELINE = "yuqing-local";
    static final int PARTITIONS = 2;
    /** The connector that replays the demo (or the given file) in the local run; its offset makes a restart resume. */
    static final String REPLAY_CONNECTOR = "local-replay";

    private final Path dataDir;
    private final EmbeddedElasticsearch es;
    private final EmbeddedKafka kafka;
    private final ElasticsearchClient client;
    private final Admin admin;
    private final PipelineStatus status;
    /** Started on first use: most tests need none. Guarded by this. */
    private EmbeddedConnect connect;

    private LocalStack(Path dataDir, EmbeddedElasticsearch es, EmbeddedKafka kafka) {
        this.dataDir = dataDir;
        this.es = es;
        this.kafka = kafka;
        this.client = esConnection().open();
        this.admin = kafka.admin();
        this.status = new PipelineStatus(kafka.bootstrapServers(), admin, client);
    }

    /** Starts Elasticsearch and Kafka under {@code dataDir}, creates the topics and applies the index templates. */
    public static LocalStack start(Path dataDir, int kafkaPort, int esPort) throws IOException {
        EmbeddedElasticsearch es = EmbeddedElasticsearch.start(dataDir.resolve("elasticsearch"), esPort);
        LocalLogging.quiet();
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort);
        } catch (IOException | RuntimeException e) {
            es.close();
            throw e;
        }
        LocalStack stack = new LocalStack(dataDir, es, kafka);
        try {
            kafka.createTopics(Topics.STREAMS, PARTITIONS);
            kafka.createTopics(List.of(Topics.REGISTRY), 1); // one partition: a site's entry before its columns'
            IndexTemplates.applyAll(stack.client);
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public EsConnection esConnection() {
        return new EsConnection(List.of(es.url()), "", "");
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String elasticsearchUrl() {
        return es.url();
    }

    public ElasticsearchClient client() {
        return client;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** The enrichment job's configuration for this stack, with {@code overrides} on top. */
    public Config enrichConfig(Duration checkpointInterval, Map<String, String> overrides) {
        return jobConfig(EnrichOptions.DEF, checkpointInterval, overrides);
    }

    /** The trend job's configuration for this stack, with {@code overrides} on top. */
    public Config trendConfig(Duration checkpointInterval, Map<String, String> overrides) {
        return jobConfig(TrendOptions.DEF, checkpointInterval, overrides);
    }

    /** The alert job's configuration for this stack, with {@code overrides} on top. */
    public Config alertConfig(Duration checkpointInterval, Map<String, String> overrides) {
        return jobConfig(AlertOptions.DEF, checkpointInterval, overrides);
    }

    /** The inspection job's configuration for this stack, with {@code overrides} on top. */
    public Config inspectionConfig(Duration checkpointInterval, Map<String, String> overrides) {
        return jobConfig(InspectionOptions.DEF, checkpointInterval, overrides);
    }

    /**
     * Publishes every target of {@code registry} to {@code topic} as an upsert registered at
     * {@code at}. Idempotent: a target already known keeps the time its clock started from.
     */
    public void publishRegistry(Registry registry, String topic, Instant at) throws IOException {
        RegistryPublisher.publish(bootstrapServers(), topic, registry, at);
    }

    private Config jobConfig(ConfigDef def, Duration checkpointInterval, Map<String, String> overrides) {
        Map<String, String> m = new HashMap<>();
        m.put(JobOptions.KAFKA_BOOTSTRAP.name(), bootstrapServers());
        m.put(JobOptions.ES_URLS.name(), es.url());
        m.put(JobOptions.CHECKPOINT_INTERVAL.name(), checkpointInterval.toMillis() + "ms");
        m.put(JobOptions.CHECKPOINT_DIR.name(), dataDir.resolve("flink/checkpoints").toAbsolutePath().toUri().toString());
        m.putAll(overrides);
        return def.resolve(m, Map.of());
    }

    /** Submits the enrichment job to a MiniCluster in this JVM; it resumes from the committed offsets. */
    public JobClient startEnrichJob(Config config, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, dev.yuqing.jobs.Jobs.flinkConfiguration(config));
        EnrichJob.fromConfig(config).build(env);
        return env.executeAsync(EnrichJob.NAME);
    }

    /** The enrichment, trend and alert jobs as one Flink job on a MiniCluster in this JVM. */
    public JobClient startPipeline(Config enrich, Config trend, Config alert, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, dev.yuqing.jobs.Jobs.flinkConfiguration(enrich));
        buildPipeline(env, enrich, trend, alert);
        return env.executeAsync(PIPELINE);
    }

    /** The enrichment, trend, alert and inspection jobs as one Flink job on a MiniCluster in this JVM. */
    public JobClient startPipeline(Config enrich, Config trend, Config alert, Config inspection, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, dev.yuqing.jobs.Jobs.flinkConfiguration(enrich));
        buildPipeline(env, enrich, trend, alert, inspection);
        return env.executeAsync(PIPELINE);
    }

    /** All four jobs' topologies in one environment. */
    static void buildPipeline(StreamExecutionEnvironment env, Config enrich, Config trend, Config alert, Config inspection) {
        buildPipeline(env, enrich, trend, alert);
        InspectionJob.fromConfig(inspection).build(env);
    }

    /** The enrichment, trend and alert topologies in one environment (their operator ids must not collide). */
    static void buildPipeline(StreamExecutionEnvironment env, Config enrich, Config trend, Config alert) {
        EnrichJob.fromConfig(enrich).build(env);
        TrendJob.fromConfig(trend).build(env);
        AlertJob.fromConfig(alert).build(env);
    }

    /** The handlers' acknowledge / resolve endpoint over this stack's alerts index. */
    public AckServer startAckServer(Config alert, int port) throws IOException {
        return new AckServer(new ElasticsearchAlertStatusStore(client, alert.get(AlertOptions.INDEX)), "127.0.0.1", port,
                alert.get(AlertOptions.ACK_TOKEN), java.time.Clock.systemUTC());
    }

    /**
     * This stack's Kafka Connect worker (standalone, offsets under the data directory), started on
     * first use with its REST API on {@code port} (0: any free one; later calls ignore it).
     */
    public synchronized EmbeddedConnect connect(int port) throws IOException {
        if (connect == null) {
            connect = EmbeddedConnect.start(bootstrapServers(), dataDir.resolve("connect"), port);
        }
        return connect;
    }

    /**
     * Replays {@code file} (JSON lines in the Post shape) into {@code topic} with the file replay
     * connector under {@code name} on this stack's worker: a connector created again under the same
     * name resumes where it stopped, one under a new name starts from the first line.
     *
     * @param speed 0 as fast as possible, N at N times real time by published time
     */
    public FileReplayConnector replay(String name, Path file, double speed, String topic, String dlqTopic) throws IOException {
        return FileReplayConnector.create(connect(0).client(), name, file, speed, bootstrapServers(), topic, dlqTopic);
    }

    /** What the status line reads: topic sizes, the enrichment's lag and indexed counts. */
    public PipelineStatus status() {
        return status;
    }

    /** Records in a topic so far (the sum of its partitions' end offsets). */
    public long topicSize(String topic) throws IOException {
        return status.topicSize(topic);
    }

    /** See {@link PipelineStatus#lag}. */
    public long lag(String group, String topic) throws IOException {
        return status.lag(group, topic);
    }

    /** Documents searchable in the posts indices now. */
    public long indexedPosts() throws IOException {
        return status.indexedPosts();
    }

    long count(String pattern) throws IOException {
        return status.count(pattern);
    }

    /** Makes everything indexed so far searchable. */
    public void refresh() throws IOException {
        status.refresh();
    }

    public PipelineStatus.Summary summary() throws IOException {
        return status.summary();
    }

    @Override
    public void close() throws IOException {
        try {
            synchronized (this) {
                if (connect != null) {
                    connect.close(); // first: its tasks write to Kafka
                }
            }
            status.close();
            admin.close(Duration.ofSeconds(5));
            EsConnection.close(client);
            kafka.close();
        } finally {
            es.close();
        }
    }

    public static void main(String[] args) throws Exception {
        LocalLogging.useOneContext();
        Config config = LocalOptions.DEF.fromArgsOrExit(args);
        new LocalRun(config, System.out).run();
    }

    /** The demo's registry, with the targets of {@code local.registry.file} added (a target of the same id replaces the demo's). */
    static Registry registry(Config config) throws IOException {
        Registry demo = Registry.demo();
        String own = config.get(LocalOptions.REGISTRY_FILE);
        if (own.isBlank()) {
            return demo;
        }
        Map<String, MonitoredTarget> targets = new LinkedHashMap<>();
        for (MonitoredTarget t : demo.targets()) {
            targets.put(t.id(), t);
        }
        for (MonitoredTarget t : Registry.fromFile(Path.of(own)).targets()) {
            targets.put(t.id(), t);
        }
        return new Registry(demo.description() + " With the targets of " + own + ".", targets.values());
    }

    /** What {@code main} does, step by step, with the output a person watches. */
    static final class LocalRun {
        private final Config config;
        private final PrintStream out;
        private final CountDownLatch stopRequested = new CountDownLatch(1);

        LocalRun(Config config, PrintStream out) {
            this.config = config;
            this.out = out;
        }

        void run() throws Exception {
            Path dataDir = Path.of(config.get(LocalOptions.DATA_DIR)).toAbsolutePath();
            out.println("Yuqing local stack: data under " + dataDir + " (delete it to start afresh)");
            long started = System.nanoTime();
            LocalStack stack = start(dataDir, config.get(LocalOptions.KAFKA_PORT), config.get(LocalOptions.ES_PORT));
            Path file = replayFile(dataDir);
            Duration checkpoints = config.get(LocalOptions.CHECKPOINT_INTERVAL);
            Config alertConfig = stack.alertConfig(checkpoints, Map.of());
            Path registry = dataDir.resolve("registry-demo.json");
            Registry demo = registry(config);
            Files.write(registry, demo.toJson());
            stack.publishRegistry(demo, Topics.REGISTRY, Instant.now());
            JobClient job = stack.startPipeline(stack.enrichConfig(checkpoints, Map.of()), stack.trendConfig(checkpoints, Map.of()),
                    alertConfig, stack.inspectionConfig(checkpoints, Map.of(InspectionOptions.REGISTRY_FILE.name(), registry.toString())),
                    config.get(LocalOptions.PARALLELISM));
            AckServer ack = stack.startAckServer(alertConfig, config.get(LocalOptions.ACK_PORT));
            EmbeddedConnect worker = stack.connect(config.get(LocalOptions.CONNECT_PORT));
            FileReplayConnector replay = stack.replay(REPLAY_CONNECTOR, file, config.get(LocalOptions.REPLAY_SPEED), Topics.POSTS_RAW, Topics.POSTS_DLQ);
            out.printf("Up in %.1f s.%n", (System.nanoTime() - started) / 1e9);
            out.println("  Kafka          " + stack.bootstrapServers() + "  topics " + Topics.STREAMS);
            out.println("  Elasticsearch  " + stack.elasticsearchUrl() + "  indices " + IndexTemplates.ALL.stream().map(t -> t + "-*").toList());
            out.println("  Flink          MiniCluster, job " + PIPELINE + " = " + EnrichJob.NAME + " + " + TrendJob.NAME + " + "
                    + AlertJob.NAME + " + " + InspectionJob.NAME + " (" + job.getJobID() + ")");
            out.println("  Inspection     registry " + Registry.DEMO_RESOURCE + (config.get(LocalOptions.REGISTRY_FILE).isBlank() ? ""
                    : " and " + config.get(LocalOptions.REGISTRY_FILE)) + " (" + demo.size() + " sites, columns and accounts) on topic "
                    + Topics.REGISTRY);
            out.println("  Alerts         topic " + Topics.ALERTS + " -> " + Topics.ALERTS_OUT + "; acknowledge: curl -X POST http://127.0.0.1:"
                    + ack.port() + "/alerts/<id>/ack -d '{\"by\":\"值班员\"}'");
            out.println("  Connect        " + worker.restUrl() + "  connector " + REPLAY_CONNECTOR + " replays " + file + " (" + replay.records()
                    + " records); add sources with PUT " + worker.restUrl() + "connectors/<name>/config, see connectors/config/");
            out.println("Search, e.g.:   curl -G '" + stack.elasticsearchUrl() + "/" + IndexTemplates.POSTS
                    + "/_search?pretty' --data-urlencode 'q=text:\"供水\" OR text.cjk:\"供水\"'  (why: docs/quality.md)");
            out.println("Dead letters:   topic " + Topics.POSTS_DLQ + ". Ctrl-C stops everything cleanly; a restart resumes.");

            // Ctrl-C: the hook asks the loop below to stop and waits until it has shut everything
            // down, so that nothing is closed under the loop's feet.
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                out.println();
                out.println("Stopping...");
                stopRequested.countDown();
                try {
                    finished.await(90, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "local-stack-stop");
            Runtime.getRuntime().addShutdownHook(hook);

            try {
                watch(stack, job, replay);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // Ctrl-C: the hook is running and waits for the shutdown below
                }
                ack.close();
                shutdown(stack, job);
                out.println("Stopped.");
                finished.countDown();
            }
        }

        /** Prints the status line until Ctrl-C, the job's end, or (when asked) everything is indexed. */
        private void watch(LocalStack stack, JobClient job, FileReplayConnector replay) throws Exception {
            boolean exitWhenDone = config.get(LocalOptions.EXIT_WHEN_DONE);
            boolean interactive = System.console() != null;
            PipelineStatus.Summary last = null;
            boolean replayed = false;
            while (!stopRequested.await(2, TimeUnit.SECONDS)) {
                stack.refresh();
                PipelineStatus.Summary s = stack.summary();
                if (interactive) {
                    out.print("\r" + s + "   ");
                } else if (!s.equals(last)) {
                    out.println(s);
                }
                out.flush();
                last = s;
                if (job.getJobStatus().get().isGloballyTerminalState()) {
                    out.println();
                    out.println("The job ended: " + job.getJobStatus().get() + "; see the log above. Stopping.");
                    return;
                }
                if (!replayed && replay.done()) {
                    replayed = true;
                    out.println();
                    out.println("Replay finished: all " + replay.records() + " records of the file are in Kafka (posts or dead letters)");
                }
                if (exitWhenDone && replayed && s.behind() == 0) {
                    out.println("Done: " + s);
                    return;
                }
            }
        }

        private Path replayFile(Path dataDir) throws IOException {
            String given = config.get(LocalOptions.REPLAY_FILE);
            if (!given.isBlank()) {
                return Path.of(given).toAbsolutePath();
            }
            Path file = dataDir.resolve("demo").resolve(DemoScenario.FILE_NAME);
            if (!Files.exists(file)) {
                List<DemoLine> lines = DemoScenario.generate(config.get(LocalOptions.DEMO_POSTS), config.get(LocalOptions.DEMO_MALFORMED), 20261127L);
                DemoScenario.write(file, lines);
                out.println("Generated the synthetic demo scenario: " + lines.size() + " lines");
            }
            return file;
        }

        /** Cancels the job, then stops the Connect worker (its offsets flushed), Kafka and Elasticsearch. */
        private void shutdown(LocalStack stack, JobClient job) {
            try {
                if (!job.getJobStatus().get().isGloballyTerminalState()) {
                    job.cancel().get(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                out.println("Cancelling the job failed: " + e);
            }
            try {
                stack.close();
            } catch (IOException e) {
                out.println("Closing Kafka or Elasticsearch failed: " + e);
            }
        }
    }
}
