package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Topics;
import dev.yuqing.dashboards.IndexTemplates;
import dev.yuqing.local.kafka.EmbeddedKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain-JRE services of docker-compose.yml (setup, kibana-setup, ack) run the way compose runs
 * them: their own command, in a JVM process of their own with only the jar compose mounts on the
 * class path, configured through the environment. The jobs' jar leaves logging to the Flink image,
 * so these commands once failed at start with {@code NoClassDefFoundError: org/slf4j/LoggerFactory};
 * every other service waits for setup.
 */
@ExtendWith(LocalStackExtension.class)
class ComposeCommandsIT {
    private static final Path ROOT = Path.of(System.getProperty("yuqing.root", ".."));
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private Process start(String service, List<String> extraArgs, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(ComposeServices.command(service));
        command.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(service + ".log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("YUQING_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private String output(String service) throws IOException {
        return Files.readString(dir.resolve(service + ".log"));
    }

    private int exit(Process p, String service) throws Exception {
        if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(service + " did not end within " + TIMEOUT + ":\n" + output(service));
        }
        return p.exitValue();
    }

    @Test
    void setupPreparesAFreshClusterAsComposeRunsIt(LocalStack stack) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            Map<String, String> env = Map.of("YUQING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "YUQING_ELASTICSEARCH_URLS", stack.elasticsearchUrl(),
                    "YUQING_SETUP_REGISTRY_FILE", ROOT.resolve("core/src/main/resources/inspection/registry-demo.json").toString(),
                    "YUQING_SETUP_WAIT", "30s");
            Process setup = start("setup", List.of(), env);
            assertThat(exit(setup, "setup")).as(output("setup")).isZero();
            assertThat(output("setup")).doesNotContain("NoClassDefFoundError").contains("index templates applied", "registry published");
            try (Admin admin = kafka.admin()) {
                assertThat(admin.listTopics().names().get()).containsAll(Topics.STREAMS).contains(Topics.REGISTRY);
            }
            for (String template : IndexTemplates.ALL) {
                assertThat(stack.client().indices().existsIndexTemplate(t -> t.name(template)).value()).as(template).isTrue();
            }
        }
    }

    @Test
    void theLoaderStartsAsComposeRunsIt(LocalStack stack) throws Exception {
        // No Kibana runs here: the dry run reads and checks everything it would import, without calling it.
        Process loader = start("kibana-setup", List.of("--loader.dry.run=true"), Map.of("YUQING_ELASTICSEARCH_URLS", stack.elasticsearchUrl(),
                "YUQING_KIBANA_URL", "http://127.0.0.1:9"));
        assertThat(exit(loader, "kibana-setup")).as(output("kibana-setup")).isZero();
        assertThat(output("kibana-setup")).doesNotContain("NoClassDefFoundError");
    }

    @Test
    void theAcknowledgementEndpointServesAsComposeRunsIt(LocalStack stack) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process ack = start("ack", List.of(), Map.of("YUQING_ELASTICSEARCH_URLS", stack.elasticsearchUrl(),
                "YUQING_KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(), "YUQING_ALERTING_ACK_HOST", "127.0.0.1",
                "YUQING_ALERTING_ACK_PORT", Integer.toString(port), "YUQING_ALERTING_ACK_TOKEN", "compose-it-token"));
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest unauthorised = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/alerts/none/ack"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"值班员\"}")).build();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            HttpResponse<String> answer = null;
            while (answer == null) {
                assertThat(ack.isAlive()).as(output("ack")).isTrue();
                try {
                    answer = http.send(unauthorised, HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYetListening) {
                    assertThat(System.nanoTime()).as("ack listening:\n" + output("ack")).isLessThan(deadline);
                    Thread.sleep(200);
                }
            }
            assertThat(answer.statusCode()).as("a request without the token is refused").isEqualTo(401);
        } finally {
            ack.destroy();
            ack.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(output("ack")).doesNotContain("NoClassDefFoundError");
    }
}
