package dev.yuqing.local.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.json.Json;
import dev.yuqing.dashboards.EsConnection;
import dev.yuqing.local.connect.ConnectClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * Every service of a deployment as a JVM process of its own, started the way compose starts it:
 * a KRaft Kafka broker ({@code kafka.Kafka}) and a Kafka Connect distributed worker on the Kafka
 * image's libraries with the connectors' plugin directory, a Flink standalone session cluster (a
 * JobManager and TaskManagers from the Flink runtime's entry points, with the memory settings
 * Flink's start scripts compute), and the Elasticsearch node. The jobs reach it as the shaded job
 * jar, over REST ({@code dev.yuqing.jobs.Submit}), and the plain-JRE commands run from the tools jar,
 * as compose's setup, submit and ack services run them. Each service can be stopped, killed and
 * started again on its ports and data, for fault tests.
 */
public final class ClusterRig implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /** The rig's shape; the defaults fit the 2-core test machine. */
    public record Settings(int taskManagers, int slotsPerTaskManager, int parallelism, Duration checkpointInterval,
            Map<String, String> jobEnvironment) {
        public Settings {
            if (taskManagers < 1 || slotsPerTaskManager < 1 || parallelism < 1) {
                throw new IllegalArgumentException("taskManagers, slotsPerTaskManager and parallelism must be at least 1");
            }
            jobEnvironment = Map.copyOf(jobEnvironment);
        }

        public static Settings defaults() {
            return new Settings(2, 4, 2, Duration.ofSeconds(5), Map.of());
        }

        public Settings withJobEnvironment(Map<String, String> env) {
            return new Settings(taskManagers, slotsPerTaskManager, parallelism, checkpointInterval, env);
        }
    }

    private final ClusterBuild build;
    private final Path dir;
    private final Settings settings;
    private final int kafkaPort = freePort();
    private final int controllerPort = freePort();
    private final int esPort = freePort();
    private final int jobManagerRpcPort = freePort();
    private final int restPort = freePort();
    private final int connectPort = freePort();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ServiceProcess> services = new ArrayList<>();
    private ServiceProcess kafka;
    private ServiceProcess elasticsearch;
    private ServiceProcess jobManager;
    private final List<ServiceProcess> taskManagers = new ArrayList<>();
    private ServiceProcess connect;
    private Thread shutdownHook;
    /** Services that ended on their own and were started again, as a restart policy would (guarded by itself). */
    private final List<String> crashes = new ArrayList<>();
    private volatile boolean closing;

    private ClusterRig(ClusterBuild build, Path dir, Settings settings) {
        this.build = build;
        this.dir = dir;
        this.settings = settings;
    }

    /** Starts every service under {@code dir} and returns once each answers. */
    public static ClusterRig start(ClusterBuild build, Path dir, Settings settings) throws IOException, InterruptedException {
        build.check();
        ClusterRig rig = new ClusterRig(build, dir.toAbsolutePath(), settings);
        // The services are processes of their own: they must not outlive this JVM.
        Thread stop = new Thread(() -> rig.services.forEach(s -> {
            try {
                s.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), "cluster-rig-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        rig.shutdownHook = stop;
        try {
            rig.startAll();
        } catch (IOException | InterruptedException | RuntimeException e) {
            rig.close();
            throw e;
        }
        return rig;
    }

    private void startAll() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path logConfig = writeLogConfig();
        kafka = service("kafka", kafkaCommand(logConfig), Map.of());
        formatKafkaStorage(logConfig);
        kafka.start();
        elasticsearch = service("elasticsearch", java(build.localClasspath(), List.of("-Xms512m", "-Xmx1g"),
                "dev.yuqing.local.elasticsearch.ElasticsearchNode", List.of(dir.resolve("elasticsearch").toString(), Integer.toString(esPort))), Map.of())
                .start();
        FlinkProcesses flink = new FlinkProcesses(build, dir.resolve("flink"), logConfig, flinkConfig());
        jobManager = service("jobmanager", flink.jobManagerCommand(), jobManagerEnvironment()).start();
        for (int i = 0; i < settings.taskManagers(); i++) {
            taskManagers.add(service("taskmanager-" + (i + 1), flink.taskManagerCommand(), Map.of()).start());
        }
        awaitKafka();
        connect = service("connect", connectCommand(logConfig), Map.of()).start();
        awaitElasticsearch();
        awaitTaskManagers(settings.taskManagers());
        awaitConnect();
        Thread supervisor = new Thread(this::supervise, "cluster-rig-restart-policy");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    /**
     * compose's {@code restart: unless-stopped} (and Kubernetes'): a long-running service that ends
     * on its own is started again, and remembered, so that a run can tell a crash (an
     * OutOfMemoryError, say) from the faults it injected.
     */
    private void supervise() {
        List<ServiceProcess> longRunning = new ArrayList<>(List.of(kafka, elasticsearch, jobManager, connect));
        longRunning.addAll(taskManagers);
        while (!closing) {
            for (ServiceProcess s : longRunning) {
                if (!closing && s.crashed()) {
                    synchronized (crashes) {
                        crashes.add(s.name() + " exited with " + s.exitCode() + " (log " + s.logFile() + ")");
                    }
                    try {
                        s.start();
                    } catch (IOException | IllegalStateException e) {
                        synchronized (crashes) {
                            crashes.add(s.name() + " could not be started again: " + e);
                        }
                    }
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The services that ended on their own since the rig started (each was started again). */
    public List<String> crashes() {
        synchronized (crashes) {
            return List.copyOf(crashes);
        }
    }

    // ---------------------------------------------------------------- what the services are

    private ServiceProcess service(String name, List<String> command, Map<String, String> env) {
        ServiceProcess s = new ServiceProcess(name, command, env, dir.resolve("logs").resolve(name + ".log"));
        services.add(s);
        return s;
    }

    private static List<String> java(String classpath, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    private Path writeLogConfig() throws IOException {
        Path file = dir.resolve("log4j2.properties");
        try (InputStream in = ClusterRig.class.getResourceAsStream("log4j2-services.properties")) {
            if (in == null) {
                throw new IOException("log4j2-services.properties is missing from the class path");
            }
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** The broker as compose's kafka service configures it (its KAFKA_* variables), on loopback ports. */
    private Path kafkaProperties() throws IOException {
        Properties p = new Properties();
        p.setProperty("node.id", "1");
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + kafkaPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + kafkaPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("log.dirs", dir.resolve("kafka/data").toString());
        Path file = dir.resolve("kafka/server.properties");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "the rig's broker, as docker-compose.yml's kafka service");
        }
        return file;
    }

    private List<String> kafkaCommand(Path logConfig) throws IOException {
        return java(build.kafkaClasspath(), List.of("-Xms256m", "-Xmx512m", "-Dlog4j2.configurationFile=" + logConfig.toUri()), "kafka.Kafka",
                List.of(kafkaProperties().toString()));
    }

    /** What the Kafka image does on first start: format the storage with a cluster id (again: nothing). */
    private void formatKafkaStorage(Path logConfig) throws IOException, InterruptedException {
        ServiceProcess format = service("kafka-storage-format", java(build.kafkaClasspath(), List.of("-Dlog4j2.configurationFile=" + logConfig.toUri()),
                "kafka.tools.StorageTool", List.of("format", "-t", Uuid.randomUuid().toString(), "-c", dir.resolve("kafka/server.properties").toString(),
                        "--ignore-formatted")), Map.of());
        services.remove(format);
        if (format.start().awaitExit(120) != 0) {
            throw new IOException("formatting the Kafka storage failed:\n" + format.output());
        }
    }

    /** docker/connect/connect-distributed.properties, with this rig's addresses and the plugin directory. */
    private List<String> connectCommand(Path logConfig) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(build.connectProperties())) {
            p.load(in);
        }
        p.setProperty("bootstrap.servers", bootstrapServers());
        p.setProperty("listeners", "http://127.0.0.1:" + connectPort);
        p.setProperty("rest.advertised.host.name", "127.0.0.1");
        p.setProperty("rest.advertised.port", Integer.toString(connectPort));
        // Compose mounts the plugin directory under plugin.path; a link does the same here.
        Path plugins = dir.resolve("connect/plugins");
        Files.createDirectories(plugins);
        Path link = plugins.resolve("yuqing-connectors");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, build.pluginDirectory().toAbsolutePath());
        }
        p.setProperty("plugin.path", plugins.toString());
        Path file = dir.resolve("connect/connect-distributed.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "docker/connect/connect-distributed.properties with the rig's addresses");
        }
        return java(build.kafkaClasspath(), List.of("-Xms256m", "-Xmx512m", "-Dlog4j2.configurationFile=" + logConfig.toUri()),
                "org.apache.kafka.connect.cli.ConnectDistributed", List.of(file.toString()));
    }

    /** The session cluster's configuration, as compose's FLINK_PROPERTIES set it, on loopback ports. */
    private Map<String, String> flinkConfig() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("jobmanager.rpc.address", "127.0.0.1");
        c.put("jobmanager.rpc.port", Integer.toString(jobManagerRpcPort));
        c.put("jobmanager.bind-host", "127.0.0.1");
        c.put("jobmanager.memory.process.size", "1200m");
        c.put("taskmanager.bind-host", "127.0.0.1");
        c.put("taskmanager.host", "127.0.0.1");
        c.put("taskmanager.numberOfTaskSlots", Integer.toString(settings.slotsPerTaskManager()));
        c.put("taskmanager.memory.process.size", "2048m");
        // The jobs keep state on the heap (hashmap) unless state.backend=rocksdb: managed memory (RocksDB's, 40% by
        // default) would sit unused while four jobs' analysers share the heap. A TaskManager with 512 MB of heap
        // died of OutOfMemoryError under a 100,000-post backlog.
        c.put("taskmanager.memory.managed.fraction", "0.1");
        c.put("rest.address", "127.0.0.1");
        c.put("rest.bind-address", "127.0.0.1");
        c.put("rest.port", Integer.toString(restPort));
        c.put("parallelism.default", Integer.toString(settings.parallelism()));
        c.put("restart-strategy.type", "exponential-delay");
        c.put("restart-strategy.exponential-delay.max-backoff", "10 s");
        // A killed TaskManager is noticed at the first failed heartbeat RPCs, or after this timeout (Flink's default 50 s).
        c.put("heartbeat.interval", "2 s");
        c.put("heartbeat.timeout", "15 s");
        c.put("execution.checkpointing.savepoint-dir", dir.resolve("flink/savepoints").toUri().toString());
        c.put("io.tmp.dirs", dir.resolve("flink/tmp").toString());
        c.put("web.upload.dir", dir.resolve("flink/upload").toString());
        return c;
    }

    /**
     * The jobs' settings: their main runs in the JobManager, so its environment is theirs, as the
     * jobmanager service's environment is in compose.
     */
    private Map<String, String> jobManagerEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(serviceEnvironment());
        env.put("YUQING_CHECKPOINT_DIR", dir.resolve("flink/checkpoints").toUri().toString());
        env.put("YUQING_CHECKPOINT_INTERVAL", settings.checkpointInterval().toMillis() + "ms");
        env.put("YUQING_ELASTICSEARCH_APPLY_TEMPLATES", "true");
        env.put("YUQING_INSPECTION_REGISTRY_FILE", build.demoRegistry().toString());
        env.putAll(settings.jobEnvironment());
        return env;
    }

    // ---------------------------------------------------------------- addresses

    /** The variables compose's yuqing-env anchor gives every Yuqing service: where Kafka and Elasticsearch are. */
    public Map<String, String> serviceEnvironment() {
        return Map.of("YUQING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(), "YUQING_ELASTICSEARCH_URLS", elasticsearchUrl());
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String elasticsearchUrl() {
        return "http://127.0.0.1:" + esPort;
    }

    public URI flinkRestUrl() {
        return URI.create("http://127.0.0.1:" + restPort);
    }

    public ConnectClient connectClient() {
        return new ConnectClient(URI.create("http://127.0.0.1:" + connectPort + "/"));
    }

    public Path directory() {
        return dir;
    }

    public ClusterBuild build() {
        return build;
    }

    public ServiceProcess kafka() {
        return kafka;
    }

    public ServiceProcess elasticsearch() {
        return elasticsearch;
    }

    public ServiceProcess jobManager() {
        return jobManager;
    }

    public List<ServiceProcess> taskManagers() {
        return List.copyOf(taskManagers);
    }

    public ServiceProcess connect() {
        return connect;
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    public EsConnection esConnection() {
        return new EsConnection(List.of(elasticsearchUrl()), "", "");
    }

    // ---------------------------------------------------------------- the plain-JRE commands

    /** A command of the tools jar as compose runs it: {@code java -cp yuqing-tools.jar MAIN}, configured by {@code env}. */
    public List<String> toolCommand(String mainClass, List<String> args) {
        return java(build.toolsJar().toString(), List.of(), mainClass, args);
    }

    /** Another process of the deployment (such as compose's own command for a service), stopped with the rig. */
    public ServiceProcess process(String name, List<String> command, Map<String, String> env) {
        return service(name, command, env);
    }

    /** Runs a one-shot command to its end; fails with its output unless it exits 0. */
    public String runOnce(String name, List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ServiceProcess p = service(name, command, env).start();
        int exit = p.awaitExit(START_TIMEOUT.toSeconds());
        if (exit != 0) {
            throw new IOException(name + " exited with " + exit + ":\n" + p.output());
        }
        return p.output();
    }

    // ---------------------------------------------------------------- readiness

    public void awaitKafka() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                kafka.requireAlive();
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("Kafka did not answer at " + bootstrapServers() + " within " + START_TIMEOUT, notYet);
                    }
                    Thread.sleep(500);
                }
            }
        }
    }

    public void awaitElasticsearch() throws IOException, InterruptedException {
        await(elasticsearch, URI.create(elasticsearchUrl() + "/_cluster/health"), body -> body.path("status").asText().matches("green|yellow"));
    }

    /** Waits until the JobManager's REST API answers and {@code count} TaskManagers are registered. */
    public void awaitTaskManagers(int count) throws IOException, InterruptedException {
        await(jobManager, flinkRestUrl().resolve("/overview"), body -> body.path("taskmanagers").asInt() == count);
    }

    public void awaitConnect() throws IOException, InterruptedException {
        await(connect, URI.create("http://127.0.0.1:" + connectPort + "/connector-plugins"),
                body -> body.toString().contains("dev.yuqing.connectors.replay.FileReplaySourceConnector"));
    }

    private interface Ready {
        boolean test(JsonNode body);
    }

    private void await(ServiceProcess service, URI uri, Ready ready) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer";
        while (true) {
            service.requireAlive();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && ready.test(Json.MAPPER.readTree(r.body()))) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(service.name() + " was not ready at " + uri + " within " + START_TIMEOUT + "; last answer: " + last);
            }
            Thread.sleep(500);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** Stops every service, the Connect worker and the jobs' cluster first, Kafka and Elasticsearch last. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        List<ServiceProcess> order = new ArrayList<>(services);
        order.remove(kafka);
        order.remove(elasticsearch);
        if (kafka != null) {
            order.add(kafka);
        }
        if (elasticsearch != null) {
            order.add(elasticsearch);
        }
        for (ServiceProcess s : order) {
            s.stop(20);
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it kills what is left
            }
        }
    }
}
