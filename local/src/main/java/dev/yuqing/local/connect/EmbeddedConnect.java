package dev.yuqing.local.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.connectors.connect.PostSourceConnector;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.policy.AllConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Worker;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.rest.RestServerConfig;
import org.apache.kafka.connect.runtime.rest.ConnectRestServer;
import org.apache.kafka.connect.runtime.rest.RestClient;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.apache.kafka.connect.storage.OffsetBackingStore;

/**
 * A real Kafka Connect worker in standalone mode in this JVM, with its REST API on loopback, built
 * as {@code connect-standalone} builds it (Kafka's {@code ConnectStandalone} would end the JVM on a
 * start-up error). The connectors come from the class path (their META-INF/services entries);
 * offsets are kept in a file under {@code dir}, so a worker started again on the same directory
 * resumes every connector where it stopped. Connectors are created through the REST API, as on
 * any worker.
 */
public final class EmbeddedConnect implements AutoCloseable {
    /** How long a task's record may wait to be sent (a missing topic, a broker away) before the task fails. */
    public static final Duration PRODUCER_MAX_BLOCK = Duration.ofSeconds(30);
    private final Connect<StandaloneHerder> connect;
    private final ConnectClient client;

    private EmbeddedConnect(Connect<StandaloneHerder> connect) {
        this.connect = connect;
        this.client = new ConnectClient(connect.rest().serverUrl());
    }

    /**
     * Starts the worker and returns once its REST API answers.
     *
     * @param bootstrap the Kafka brokers
     * @param dir       offsets file; keep it to keep the connectors' positions
     * @param port      REST port on 127.0.0.1, 0 for a free one
     */
    public static EmbeddedConnect start(String bootstrap, Path dir, int port) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> props = new HashMap<>();
        props.put(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG, dir.resolve("connect.offsets").toAbsolutePath().toString());
        // Offsets are also flushed when a task stops; every second keeps a crash's re-sending short.
        props.put(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "1000");
        props.put(RestServerConfig.LISTENERS_CONFIG, "http://127.0.0.1:" + port);
        // The Yuqing connectors write finished JSON bytes; they also ask for this in their own configuration.
        props.put(WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, PostSourceConnector.BYTES_CONVERTER);
        props.put(WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, PostSourceConnector.BYTES_CONVERTER);
        // Secrets in connector configurations, such as an API token, as ${file:/path/to/secrets.properties:key}.
        props.put(WorkerConfig.CONFIG_PROVIDERS_CONFIG, "file");
        props.put(WorkerConfig.CONFIG_PROVIDERS_CONFIG + ".file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        // Connect's producers wait for a topic's metadata (or buffer space) for ever by default: a missing
        // topic stalled a task without a word. Bounded, the task fails and its status says why.
        props.put("producer." + ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(PRODUCER_MAX_BLOCK.toMillis()));
        // Plugins are found by their service entries: scanning this JVM's whole class path takes long.
        props.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");

        Plugins plugins = new Plugins(props);
        // Connect swaps the calling thread's class loader; the caller's own is put back once it runs.
        ClassLoader callers = plugins.compareAndSwapWithDelegatingLoader();
        try {
            StandaloneConfig config = new StandaloneConfig(props);
            RestClient restClient = new RestClient(config);
            ConnectRestServer rest = new ConnectRestServer(config.rebalanceTimeout(), restClient, config.originals());
            rest.initializeServer();
            URI advertised = rest.advertisedUrl();
            // The worker's default policy ("All"), made here: Plugins.newPlugin needs maven-artifact on the compile path.
            ConnectorClientConfigOverridePolicy policy = new AllConnectorClientConfigOverridePolicy();
            policy.configure(config.originals());
            OffsetBackingStore offsets = new FileOffsetBackingStore(plugins.newInternalConverter(
                    true, JsonConverter.class.getName(), Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false")));
            offsets.configure(config);
            Worker worker = new Worker(advertised.getHost() + ":" + advertised.getPort(), Time.SYSTEM, plugins, config, offsets, policy);
            StandaloneHerder herder = new StandaloneHerder(worker, config.kafkaClusterId(), policy);
            Connect<StandaloneHerder> connect = new Connect<>(herder, rest);
            try {
                connect.start();
            } catch (RuntimeException e) {
                connect.stop();
                throw new IOException("the Connect worker did not start", e);
            }
            herder.ready();
            return new EmbeddedConnect(connect);
        } finally {
            Plugins.compareAndSwapLoaders(callers);
        }
    }

    /** The REST API, such as {@code http://127.0.0.1:8083/}. */
    public URI restUrl() {
        return connect.rest().serverUrl();
    }

    /** This worker's REST API. */
    public ConnectClient client() {
        return client;
    }

    /** Creates the connector, or updates its configuration, through the REST API. */
    public void putConnector(String name, Map<String, String> config) throws IOException {
        client.putConnector(name, config);
    }

    /** Deletes the connector; its offsets stay, so a connector created again under the name resumes. */
    public void deleteConnector(String name) throws IOException {
        client.deleteConnector(name);
    }

    /** The connector's status as the REST API reports it. */
    public JsonNode status(String name) throws IOException {
        return client.status(name);
    }

    /** Waits until the connector's tasks run; see {@link ConnectClient#awaitRunning}. */
    public void awaitRunning(String name, Duration timeout) throws IOException, InterruptedException {
        client.awaitRunning(name, timeout);
    }

    /** The connector's committed source offsets. */
    public JsonNode offsets(String name) throws IOException {
        return client.offsets(name);
    }

    /** Stops the connectors (their offsets are flushed) and the worker. */
    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }
}
