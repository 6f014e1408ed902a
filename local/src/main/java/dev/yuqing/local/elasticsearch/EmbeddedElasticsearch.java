package dev.yuqing.local.elasticsearch;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.MockNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * A real Elasticsearch 8.19 node in this JVM, with HTTP on 127.0.0.1 and its data under one
 * directory (so it survives restarts). Security is off: the node listens on loopback only.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {
    private final Path home;
    private final int httpPort;
    private final Node node;

    private EmbeddedElasticsearch(Path home, int httpPort, Node node) {
        this.home = home;
        this.httpPort = httpPort;
        this.node = node;
    }

    /**
     * Starts a node and waits until it answers on HTTP.
     *
     * @param home     data, logs and config of the node
     * @param httpPort 0 for any free port
     */
    public static EmbeddedElasticsearch start(Path home, int httpPort) throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", "yuqing-local")
                .put("node.name", "yuqing-local-es")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort == 0 ? "0" : Integer.toString(httpPort))
                .put("transport.port", "0")
                .put("discovery.type", "single-node")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                // Disk usage is not watched on a laptop node; without this, the periodic disk check can
                // lift a read-only-allow-delete block a test sets to make the node answer 429.
                .put("cluster.info.update.interval", "1d")
                .put("action.auto_create_index", true)
                .put("logger.level", "WARN")
                .build();
        // Elasticsearch logs through its own log4j setup; without it LoggerFactory fails.
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), home.resolve("config"), () -> "yuqing-local-es");
        Node node = newNode(environment, List.of(Netty4Plugin.class, ChineseAnalysisPlugin.class));
        try {
            node.start();
        } catch (Exception e) {
            node.close();
            throw new IOException("Elasticsearch node did not start: " + e.getMessage(), e);
        }
        int port = boundHttpPort(node);
        EmbeddedElasticsearch es = new EmbeddedElasticsearch(home, port, node);
        es.awaitHttp(Duration.ofSeconds(60));
        return es;
    }

    /**
     * MockNode's public constructors run test bootstrap code that refuses to run as root (as these
     * machines do); its private one does not, and is otherwise a plain Node with classpath plugins.
     */
    private static Node newNode(Environment environment, Collection<Class<? extends Plugin>> plugins) throws IOException {
        try {
            Constructor<MockNode> c = MockNode.class.getDeclaredConstructor(Environment.class, Collection.class, boolean.class, java.io.Closeable.class);
            c.setAccessible(true);
            return c.newInstance(environment, plugins, true, (java.io.Closeable) () -> {});
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot create the embedded Elasticsearch node (MockNode changed?)", e);
        }
    }

    private static int boundHttpPort(Node node) {
        var http = node.injector().getInstance(org.elasticsearch.http.HttpServerTransport.class);
        return http.boundAddress().publishAddress().getPort();
    }

    private void awaitHttp(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=5s").toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(10_000);
                int status = c.getResponseCode();
                c.disconnect();
                if (status == 200) {
                    return;
                }
                last = new IOException("cluster health answered " + status);
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Elasticsearch", e);
            }
        }
        throw new IOException("Elasticsearch did not become healthy within " + timeout, last);
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() throws IOException {
        node.close();
        try {
            node.awaitClose(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
