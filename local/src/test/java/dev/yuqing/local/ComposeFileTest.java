package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import dev.yuqing.jobs.JobOptions;
import dev.yuqing.jobs.Setup;
import dev.yuqing.jobs.enrich.EnrichOptions;
import dev.yuqing.jobs.alerting.AlertOptions;
import dev.yuqing.jobs.trend.TrendOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run on these machines (no Docker engine), so its consistency with the
 * code is checked here: pinned images at the pom's versions, the services the jobs need, and
 * environment variables that are exactly the configuration keys the code reads.
 */
class ComposeFileTest {
    private static Path root;
    private static String text;
    private static Map<String, Map<String, Object>> services;

    /** The main class each service runs, and so the keys it reads. */
    private static final Map<String, ConfigDef> DEFS = Map.of(
            "dev.yuqing.jobs.enrich.EnrichJob", EnrichOptions.DEF,
            "dev.yuqing.jobs.trend.TrendJob", TrendOptions.DEF,
            "dev.yuqing.jobs.alerting.AlertJob", AlertOptions.DEF,
            "dev.yuqing.jobs.alerting.AckServer", AlertOptions.DEF,
            "dev.yuqing.jobs.inspection.InspectionJob", dev.yuqing.jobs.inspection.InspectionOptions.DEF,
            "dev.yuqing.jobs.Setup", Setup.DEF,
            "dev.yuqing.jobs.Submit", dev.yuqing.jobs.Submit.DEF,
            "dev.yuqing.dashboards.Loader", dev.yuqing.dashboards.Loader.DEF);

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        root = Path.of(System.getProperty("yuqing.root", ".."));
        text = Files.readString(root.resolve("docker-compose.yml"));
        Map<String, Object> compose = new Yaml().load(text);
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void hasEveryServiceThePipelineNeeds() {
        assertThat(services).containsOnlyKeys("kafka", "elasticsearch", "kibana", "setup", "jobmanager", "taskmanager", "submit", "ack",
                "kibana-setup", "connect");
    }

    /** The Connect worker runs the connectors' plugin directory, which the connectors module builds, with their converter. */
    @Test
    void theConnectWorkerLoadsTheConnectorsPlugin() throws IOException {
        assertThat(image("connect")).isEqualTo(image("kafka"));
        assertThat(text).contains("./connectors/target/yuqing-connectors-plugin:/opt/yuqing/plugins/yuqing-connectors:ro");
        assertThat(Files.readString(root.resolve("connectors/pom.xml"))).contains("<finalName>yuqing-connectors</finalName>", "src/assembly/plugin.xml");
        assertThat(Files.readString(root.resolve("connectors/src/assembly/plugin.xml"))).contains("<id>plugin</id>");
        java.util.Properties worker = new java.util.Properties();
        try (var in = Files.newInputStream(root.resolve("docker/connect/connect-distributed.properties"))) {
            worker.load(in);
        }
        assertThat(worker).containsEntry("plugin.path", "/opt/yuqing/plugins")
                .containsEntry("bootstrap.servers", advertisedKafkaListener())
                .containsEntry("value.converter", dev.yuqing.connectors.connect.PostSourceConnector.BYTES_CONVERTER);
    }

    @Test
    void everyImageIsPinnedToThePomVersions() {
        services.forEach((name, s) -> {
            String image = (String) s.get("image");
            assertThat(image).as("image of %s", name).isNotNull().contains(":");
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(tag).as("tag of %s", name).isNotEqualTo("latest").containsPattern("\\d+\\.\\d+");
        });
        String es = System.getProperty("version.elasticsearch");
        assertThat(image("elasticsearch")).endsWith(":" + es);
        assertThat(image("kibana")).isEqualTo("docker.elastic.co/kibana/kibana:" + es);
        assertThat(image("kafka")).isEqualTo("apache/kafka:" + System.getProperty("version.kafka"));
        assertThat(image("jobmanager")).startsWith("flink:" + System.getProperty("version.flink") + "-");
        assertThat(image("taskmanager")).isEqualTo(image("jobmanager"));
        assertThat(text).contains("ES_VERSION: " + es);
    }

    @Test
    void elasticsearchIsBuiltWithSmartcnAndSecurityOn() throws IOException {
        String dockerfile = Files.readString(root.resolve("docker/elasticsearch/Dockerfile"));
        assertThat(dockerfile).contains("elasticsearch-plugin install --batch analysis-smartcn");
        assertThat(env("elasticsearch")).containsEntry("xpack.security.enabled", "true");
    }

    @Test
    void servicesSetExactlyTheKeysTheirMainClassReads() {
        int checked = 0;
        for (var entry : services.entrySet()) {
            String mainClass = mainClass(entry.getValue());
            if (mainClass == null) {
                continue;
            }
            ConfigDef def = DEFS.get(mainClass);
            assertThat(def).as("configuration of %s (%s)", entry.getKey(), mainClass).isNotNull();
            Set<String> known = def.keys().stream().map(ConfigKey::envName).collect(Collectors.toSet());
            Map<String, String> env = env(entry.getKey());
            for (String var : env.keySet()) {
                if (var.startsWith("YUQING_")) {
                    assertThat(known).as("%s sets %s, which %s does not read", entry.getKey(), var, mainClass).contains(var);
                }
            }
            // Defaults point at localhost; in compose every service must be told where the others are.
            for (ConfigKey<?> k : List.of(JobOptions.KAFKA_BOOTSTRAP, JobOptions.ES_URLS, JobOptions.ES_USERNAME, JobOptions.ES_PASSWORD)) {
                if (known.contains(k.envName())) {
                    assertThat(env).as("%s must set %s", entry.getKey(), k.envName()).containsKey(k.envName());
                }
            }
            if (known.contains(JobOptions.KAFKA_BOOTSTRAP.envName())) {
                assertThat(env.get(JobOptions.KAFKA_BOOTSTRAP.envName())).isEqualTo(advertisedKafkaListener());
            }
            if (known.contains(JobOptions.ES_URLS.envName())) {
                assertThat(env.get(JobOptions.ES_URLS.envName())).isEqualTo("http://elasticsearch:9200");
            }
            checked++;
        }
        assertThat(checked).as("services running Yuqing code: setup, kibana-setup, submit, ack").isEqualTo(4);
    }

    /**
     * The jobs' main runs in the session cluster's JobManager (the submit service runs them over
     * REST), so its environment configures all four: every variable must be a key of one of them.
     */
    @Test
    void theJobManagerSetsOnlyKeysTheJobsRead() {
        Set<String> known = new HashSet<>();
        for (var job : dev.yuqing.jobs.Submit.Deployable.values()) {
            known.addAll(DEFS.get(job.entryClass()).keys().stream().map(ConfigKey::envName).toList());
        }
        Map<String, String> env = env("jobmanager");
        assertThat(env.keySet().stream().filter(v -> v.startsWith("YUQING_"))).isNotEmpty().allSatisfy(v -> assertThat(known).as(v).contains(v));
        assertThat(env).containsEntry(JobOptions.ES_URLS.envName(), "http://elasticsearch:9200")
                .containsEntry(JobOptions.KAFKA_BOOTSTRAP.envName(), advertisedKafkaListener())
                .containsKeys(JobOptions.ES_PASSWORD.envName(), JobOptions.CHECKPOINT_DIR.envName(),
                        dev.yuqing.jobs.inspection.InspectionOptions.REGISTRY_FILE.envName());
        assertThat(env("submit")).containsEntry(dev.yuqing.jobs.Submit.REST_URL.envName(), "http://jobmanager:8081");
        assertThat(text).contains("./jobs/target/yuqing-jobs.jar:" + env("submit").get(dev.yuqing.jobs.Submit.JAR.envName()) + ":ro");
    }

    @Test
    void mainClassesExistAndTheJobJarIsTheShadedOne() throws Exception {
        for (var s : services.values()) {
            String main = mainClass(s);
            if (main != null) {
                Class.forName(main);
            }
        }
        assertThat(text).contains("./jobs/target/yuqing-jobs.jar:");
        // The plain-JRE services need a logging backend the jobs' jar leaves to the Flink image (ComposeCommandsIT runs them).
        for (String plain : List.of("setup", "kibana-setup", "ack", "submit")) {
            assertThat(services.get(plain).get("command").toString()).as(plain).contains("/opt/yuqing/yuqing-tools.jar").doesNotContain("yuqing-jobs.jar");
        }
        assertThat(Files.readString(root.resolve("tools/pom.xml"))).contains("<outputFile>${project.build.directory}/yuqing-tools.jar</outputFile>");
        assertThat(Files.readString(root.resolve("jobs/pom.xml"))).contains("<outputFile>${project.build.directory}/yuqing-jobs.jar</outputFile>");
    }

    @Test
    void everyVariableComesFromEnvExampleAndEnvIsNotCommitted() throws IOException {
        Set<String> used = new HashSet<>();
        Matcher m = Pattern.compile("(?<!\\$)\\$\\{([A-Z_]+)").matcher(text);
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> declared = Files.readAllLines(root.resolve(".env.example")).stream()
                .filter(l -> l.matches("[A-Z_]+=.*")).map(l -> l.substring(0, l.indexOf('='))).collect(Collectors.toSet());
        assertThat(used).isNotEmpty();
        assertThat(declared).containsAll(used);
        assertThat(Files.readAllLines(root.resolve(".gitignore"))).contains(".env");
    }

    private static String image(String service) {
        return (String) services.get(service).get("image");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(String service) {
        Map<String, Object> env = (Map<String, Object>) services.get(service).getOrDefault("environment", Map.of());
        return env.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    @SuppressWarnings("unchecked")
    private static String mainClass(Map<String, Object> service) {
        Object command = service.get("command");
        if (!(command instanceof List<?> list)) {
            return null;
        }
        for (Object o : list) {
            if (o instanceof String s && s.startsWith("dev.yuqing.")) {
                return s;
            }
        }
        return null;
    }

    private static String advertisedKafkaListener() {
        String listeners = env("kafka").get("KAFKA_ADVERTISED_LISTENERS");
        return listeners.substring(listeners.indexOf("://") + 3).split(",")[0];
    }
}
