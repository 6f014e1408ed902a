package dev.yuqing.local;

import static dev.yuqing.local.KubernetesManifest.at;
import static dev.yuqing.local.KubernetesManifest.list;
import static dev.yuqing.local.KubernetesManifest.map;
import static dev.yuqing.local.KubernetesManifest.maps;
import static dev.yuqing.local.KubernetesManifest.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yuqing.core.Topics;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import dev.yuqing.dashboards.Loader;
import dev.yuqing.jobs.JobOptions;
import dev.yuqing.jobs.Setup;
import dev.yuqing.jobs.alerting.AlertOptions;
import dev.yuqing.jobs.enrich.EnrichOptions;
import dev.yuqing.jobs.inspection.InspectionOptions;
import dev.yuqing.jobs.trend.TrendOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes cannot be applied here (no cluster), so it is checked as ComposeFileTest checks
 * docker-compose.yml: every custom resource against its operator's real CRD schema (copies in
 * deploy/kubernetes/crds, refusing unknown fields where the API server would), and the manifests
 * against the code: image versions are the pom's, every YUQING_* variable is a key its main class
 * reads, secrets come from Secrets, every topic has its KafkaTopic and every sample connector its
 * KafkaConnector.
 */
class KubernetesManifestsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The main class each workload runs, and so the keys it reads (as in ComposeFileTest). */
    private static final Map<String, ConfigDef> DEFS = Map.of(
            "dev.yuqing.jobs.enrich.EnrichJob", EnrichOptions.DEF,
            "dev.yuqing.jobs.trend.TrendJob", TrendOptions.DEF,
            "dev.yuqing.jobs.alerting.AlertJob", AlertOptions.DEF,
            "dev.yuqing.jobs.alerting.AckServer", AlertOptions.DEF,
            "dev.yuqing.jobs.inspection.InspectionJob", InspectionOptions.DEF,
            "dev.yuqing.jobs.Setup", Setup.DEF,
            "dev.yuqing.dashboards.Loader", Loader.DEF);

    private static final List<String> FLINK_JOBS = List.of("dev.yuqing.jobs.enrich.EnrichJob", "dev.yuqing.jobs.trend.TrendJob",
            "dev.yuqing.jobs.alerting.AlertJob", "dev.yuqing.jobs.inspection.InspectionJob");

    /** The operators' kinds the manifests use, at the API versions they are written for. */
    private static final Set<CrdSchemas.Key> CUSTOM = Set.of(
            new CrdSchemas.Key("flink.apache.org", "v1beta1", "FlinkDeployment"),
            new CrdSchemas.Key("kafka.strimzi.io", "v1", "Kafka"),
            new CrdSchemas.Key("kafka.strimzi.io", "v1", "KafkaNodePool"),
            new CrdSchemas.Key("kafka.strimzi.io", "v1", "KafkaTopic"),
            new CrdSchemas.Key("kafka.strimzi.io", "v1", "KafkaConnect"),
            new CrdSchemas.Key("kafka.strimzi.io", "v1", "KafkaConnector"),
            new CrdSchemas.Key("elasticsearch.k8s.elastic.co", "v1", "Elasticsearch"),
            new CrdSchemas.Key("kibana.k8s.elastic.co", "v1", "Kibana"));

    /** Kubernetes' own kinds the manifests may use, with their apiVersion: structure checked here, no schema. */
    private static final Map<String, String> STANDARD = Map.of("Job", "batch/v1", "Deployment", "apps/v1", "Service", "v1",
            "ConfigMap", "v1", "Secret", "v1", "PersistentVolumeClaim", "v1");

    /** Environment variables that carry a credential by their name. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|TOKEN|SECRET|ACCESS_KEY|CREDENTIAL).*");

    private static Path root;
    private static Path dir;
    /** The numbered files, applied in order; examples/ holds what must be copied and edited first. */
    private static List<KubernetesManifest> manifests;
    private static List<KubernetesManifest> examples;
    private static CrdSchemas crds;

    /** A container running Yuqing code: its resource, main class, the container and the pod spec around it. */
    record Workload(KubernetesManifest manifest, String mainClass, Map<String, Object> container, Map<String, Object> pod) {
        /** The container's environment by variable name. */
        Map<String, Map<String, Object>> env() {
            Map<String, Map<String, Object>> env = new LinkedHashMap<>();
            for (Map<String, Object> e : maps(container, "env")) {
                assertThat(env.put(string(e, "name"), e)).as("%s sets %s twice", manifest.where(), e.get("name")).isNull();
            }
            return env;
        }

        /** A literal value, or null when absent or taken from a reference. */
        String value(String name) {
            return string(env().get(name), "value");
        }

        @Override
        public String toString() {
            return manifest.where() + " (" + mainClass + ")";
        }
    }

    @BeforeAll
    static void load() throws IOException {
        root = Path.of(System.getProperty("yuqing.root", ".."));
        dir = root.resolve("deploy/kubernetes");
        manifests = readAll(dir);
        examples = readAll(dir.resolve("examples"));
        crds = CrdSchemas.load(dir.resolve("crds"));
    }

    private static List<KubernetesManifest> readAll(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        List<KubernetesManifest> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(KubernetesManifest.read(f));
        }
        return out;
    }

    // ---- structure and schemas

    @Test
    void everyDocumentIsAResourceOfAKnownKind() {
        assertThat(manifests).hasSizeGreaterThan(20);
        Pattern dnsSubdomain = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
        Set<String> seen = new HashSet<>();
        for (KubernetesManifest m : all()) {
            assertThat(m.apiVersion()).as("apiVersion of %s", m.where()).isNotBlank();
            assertThat(m.name()).as("name of %s", m.where()).isNotNull().hasSizeLessThanOrEqualTo(253).matches(dnsSubdomain);
            assertThat(seen.add(m.kind() + "/" + m.name())).as("%s is defined twice", m.where()).isTrue();
            // The namespace is the one applied to (kubectl apply -n); the service names assume one namespace.
            assertThat(map(m.body(), "metadata").keySet()).as("metadata of %s", m.where()).isSubsetOf("name", "labels", "annotations");
            for (String field : List.of("labels", "annotations")) {
                map(m.body(), "metadata", field).forEach((k, v) ->
                        assertThat(v).as("%s %s of %s must be a string (quote it)", field, k, m.where()).isInstanceOf(String.class));
            }
            CrdSchemas.Key key = new CrdSchemas.Key(m.group(), m.version(), m.kind());
            if (!m.group().isEmpty() && !m.group().equals("apps") && !m.group().equals("batch")) {
                assertThat(CUSTOM).as("custom resource %s", m.where()).contains(key);
            } else {
                assertThat(STANDARD).as("kind of %s", m.where()).containsEntry(m.kind(), m.apiVersion());
            }
        }
        assertThat(kinds()).containsAll(CUSTOM.stream().map(CrdSchemas.Key::kind).toList())
                .contains("Job", "Deployment", "Service", "ConfigMap", "PersistentVolumeClaim");
        for (Workload w : workloads()) {
            assertThat(string(w.container(), "name")).as("container name in %s", w).isNotBlank();
        }
        for (KubernetesManifest m : of("ConfigMap")) {
            map(m.body(), "data").forEach((k, v) -> assertThat(v).as("%s data %s", m.where(), k).isInstanceOf(String.class));
        }
    }

    @Test
    void theCopiedCrdsServeEveryKindTheManifestsUse() {
        assertThat(crds.kinds()).containsAll(CUSTOM);
    }

    @Test
    void everyCustomResourceMatchesItsOperatorsSchema() {
        int validated = 0;
        for (KubernetesManifest m : manifests) {
            if (crds.knows(m)) {
                assertThat(crds.validate(m)).as("%s against its CRD", m.where()).isEmpty();
                validated++;
            }
        }
        assertThat(validated).isEqualTo(manifests.size() - of("Job", "Deployment", "Service", "ConfigMap", "PersistentVolumeClaim").size());
    }

    /** The validator validates: copies of real manifests with one mistake each are refused, and where Kubernetes accepts free keys so does it. */
    @Test
    void theValidatorRefusesBrokenManifests() {
        Map<String, Object> kafka = copy(only("Kafka"));
        Map<String, Object> kafkaSpec = map(kafka, "spec", "kafka");
        kafkaSpec.put("listners", kafkaSpec.remove("listeners"));
        assertThat(String.join("\n", validate(only("Kafka"), kafka))).contains("listeners").contains("listners");

        Map<String, Object> flink = copy(of("FlinkDeployment").get(0));
        Map<String, Object> job = map(flink, "spec", "job");
        job.put("upgradMode", job.remove("upgradeMode"));
        assertThat(validate(of("FlinkDeployment").get(0), flink)).as("misspelt optional field").anyMatch(e -> e.contains("upgradMode"));

        flink = copy(of("FlinkDeployment").get(0));
        map(flink, "spec").put("flinkVersion", "v9_9");
        assertThat(validate(of("FlinkDeployment").get(0), flink)).as("value outside the enum").anyMatch(e -> e.contains("flinkVersion"));

        flink = copy(of("FlinkDeployment").get(0));
        Map<String, Object> secretEnv = maps(maps(flink, "spec", "podTemplate", "spec", "containers").get(0), "env").stream()
                .filter(e -> e.containsKey("valueFrom")).findFirst().orElseThrow();
        secretEnv.put("valueFrm", secretEnv.remove("valueFrom"));
        assertThat(validate(of("FlinkDeployment").get(0), flink)).as("misspelt field deep in the pod template").anyMatch(e -> e.contains("valueFrm"));

        Map<String, Object> topic = copy(of("KafkaTopic").get(0));
        map(topic, "spec").put("partitions", "four");
        assertThat(validate(of("KafkaTopic").get(0), topic)).as("wrong type").anyMatch(e -> e.contains("partitions"));

        kafka = copy(only("Kafka"));
        map(kafka, "spec", "kafka", "config").put("num.network.threads", 8);
        assertThat(validate(only("Kafka"), kafka)).as("Kafka's broker config is a free map (x-kubernetes-preserve-unknown-fields)").isEmpty();
    }

    // ---- the same facts as ComposeFileTest

    @Test
    void imagesAndVersionsAreThePoms() throws IOException {
        String flink = System.getProperty("version.flink");
        String kafka = System.getProperty("version.kafka");
        String es = System.getProperty("version.elasticsearch");
        String project = projectVersion();
        String[] fv = flink.split("\\.");

        String flinkBase = baseImage("docker/flink/Dockerfile");
        assertThat(flinkBase).startsWith("flink:" + flink + "-").contains("java17");
        for (KubernetesManifest d : of("FlinkDeployment")) {
            assertThat(tag(string(d.spec(), "image"))).as("image of %s", d.where()).startsWith(flink + "-").endsWith("-" + project);
            assertThat(string(d.spec(), "flinkVersion")).as(d.where()).isEqualTo("v" + fv[0] + "_" + fv[1]);
        }
        assertThat(of("FlinkDeployment").stream().map(d -> string(d.spec(), "image")).distinct()).as("one Flink image for all jobs").hasSize(1);

        assertThat(string(only("Kafka").spec(), "kafka", "version")).isEqualTo(kafka);
        KubernetesManifest connect = only("KafkaConnect");
        assertThat(string(connect.spec(), "version")).isEqualTo(kafka);
        assertThat(tag(string(connect.spec(), "image"))).contains("-kafka-" + kafka + "-").endsWith("-" + project);
        String connectBase = baseImage("docker/connect/Dockerfile");
        assertThat(connectBase).startsWith("quay.io/strimzi/kafka:").endsWith("-kafka-" + kafka);
        // The Strimzi release in the Connect image's tag is the base image's.
        assertThat(tag(string(connect.spec(), "image"))).startsWith(tag(connectBase) + "-");

        KubernetesManifest elasticsearch = only("Elasticsearch");
        assertThat(string(elasticsearch.spec(), "version")).isEqualTo(es);
        assertThat(string(elasticsearch.spec(), "image")).endsWith(":" + es);
        assertThat(string(only("Kibana").spec(), "version")).isEqualTo(es);
        assertThat(string(only("Kibana").spec(), "image")).as("ECK picks Kibana's image from the version").isNull();
        assertThat(Files.readString(root.resolve("docker/elasticsearch/Dockerfile"))).contains("ARG ES_VERSION=" + es);

        assertThat(baseImage("docker/tools/Dockerfile")).matches("eclipse-temurin:17\\.[0-9._]+-jre");
        for (Workload w : workloads()) {
            String image = string(w.container(), "image");
            if (!w.manifest().kind().equals("FlinkDeployment")) {
                assertThat(image).as("image of %s", w).isEqualTo("yuqing/tools:" + project);
            }
        }
        for (KubernetesManifest m : all()) {
            for (String image : images(m)) {
                assertThat(tag(image)).as("image of %s", m.where()).isNotEqualTo("latest").containsPattern("\\d+\\.\\d+");
            }
        }
    }

    @Test
    void workloadsSetExactlyTheKeysTheirMainClassReads() {
        int checked = 0;
        for (Workload w : workloads()) {
            ConfigDef def = DEFS.get(w.mainClass());
            assertThat(def).as("configuration of %s", w).isNotNull();
            Set<String> known = def.keys().stream().map(ConfigKey::envName).collect(Collectors.toSet());
            Map<String, Map<String, Object>> env = w.env();
            Map<String, String> literal = new HashMap<>();
            for (var e : env.entrySet()) {
                if (e.getKey().startsWith("YUQING_")) {
                    assertThat(known).as("%s sets %s, which %s does not read", w, e.getKey(), w.mainClass()).contains(e.getKey());
                    // A value from a Secret is a credential: any string is valid.
                    literal.put(e.getKey(), e.getValue().containsKey("value") ? string(e.getValue(), "value") : "from-a-secret");
                }
            }
            // The values parse and pass the keys' validators, as the main class would at start.
            assertThatCode(() -> def.resolve(Map.of(), literal)).as("configuration of %s", w).doesNotThrowAnyException();
            // Defaults point at localhost; here every workload must be told where the others are.
            for (ConfigKey<?> k : List.of(JobOptions.KAFKA_BOOTSTRAP, JobOptions.ES_URLS, JobOptions.ES_USERNAME, JobOptions.ES_PASSWORD)) {
                if (known.contains(k.envName())) {
                    assertThat(env).as("%s must set %s", w, k.envName()).containsKey(k.envName());
                }
            }
            if (known.contains(JobOptions.KAFKA_BOOTSTRAP.envName())) {
                assertThat(w.value(JobOptions.KAFKA_BOOTSTRAP.envName())).as("Kafka of %s", w).isEqualTo(kafkaBootstrap());
            }
            assertThat(w.value(JobOptions.ES_URLS.envName())).as("Elasticsearch of %s", w).isEqualTo(elasticsearchUrl());
            assertThat(w.value(JobOptions.ES_USERNAME.envName())).isEqualTo("elastic");
            assertThat(secretRef(env.get(JobOptions.ES_PASSWORD.envName()))).as("elastic's password in %s", w)
                    .isEqualTo(elasticUserSecret() + "/elastic");
            checked++;
        }
        assertThat(checked).as("workloads running Yuqing code").isEqualTo(7);
        Workload loader = workload("dev.yuqing.dashboards.Loader");
        assertThat(loader.value(Loader.KIBANA_URL.envName())).isEqualTo(kibanaUrl());
        assertThat(secretRef(loader.env().get(Loader.KIBANA_PASSWORD.envName()))).isEqualTo(elasticUserSecret() + "/elastic");
        // ECK gives Kibana credentials of its own; a kibana_system password set by Setup would not be used.
        assertThat(workload("dev.yuqing.jobs.Setup").env()).doesNotContainKey(Setup.KIBANA_PASSWORD.envName());
        Workload ack = workload("dev.yuqing.jobs.alerting.AckServer");
        assertThat(ack.value(AlertOptions.ACK_HOST.envName())).as("AckServer listens beyond the pod").isEqualTo("0.0.0.0");
        assertThat(secretRef(ack.env().get(AlertOptions.ACK_TOKEN.envName()))).isEqualTo("yuqing-ack/token");
        KubernetesManifest service = of("Service").stream().filter(s -> s.name().equals(ack.manifest().name())).findFirst().orElseThrow();
        assertThat(maps(service.spec(), "ports")).extracting(p -> p.get("port")).containsExactly(Integer.parseInt(ack.value(AlertOptions.ACK_PORT.envName())));
        assertThat(map(service.spec(), "selector")).isEqualTo(map(ack.manifest().spec(), "selector", "matchLabels"));
    }

    @Test
    void mainClassesExistAndRunFromTheBuiltJars() throws Exception {
        for (Workload w : workloads()) {
            Class.forName(w.mainClass());
            if (!w.manifest().kind().equals("FlinkDeployment")) {
                assertThat(list(w.container(), "command")).as("command of %s", w)
                        .containsExactly("java", "-cp", "/opt/yuqing/yuqing-tools.jar", w.mainClass());
            }
        }
        assertThat(Files.readString(root.resolve("docker/tools/Dockerfile"))).contains("COPY tools/target/yuqing-tools.jar /opt/yuqing/yuqing-tools.jar");
        assertThat(Files.readString(root.resolve("docker/flink/Dockerfile"))).containsPattern("COPY .*jobs/target/yuqing-jobs.jar /opt/flink/usrlib/yuqing-jobs.jar");
        assertThat(Files.readString(root.resolve("tools/pom.xml"))).contains("<outputFile>${project.build.directory}/yuqing-tools.jar</outputFile>");
        assertThat(Files.readString(root.resolve("jobs/pom.xml"))).contains("<outputFile>${project.build.directory}/yuqing-jobs.jar</outputFile>");
    }

    @Test
    void eachJobIsAnApplicationClusterWithHaAndItsStateOnS3() {
        String flink = System.getProperty("version.flink");
        List<KubernetesManifest> deployments = of("FlinkDeployment");
        assertThat(deployments).extracting(d -> string(d.spec(), "job", "entryClass")).containsExactlyInAnyOrderElementsOf(FLINK_JOBS);
        Set<String> stateDirs = new HashSet<>();
        for (KubernetesManifest d : deployments) {
            Map<String, Object> spec = d.spec();
            Map<String, Object> conf = map(spec, "flinkConfiguration");
            assertThat(string(spec, "job", "jarURI")).isEqualTo("local:///opt/flink/usrlib/yuqing-jobs.jar");
            assertThat(string(spec, "job", "upgradeMode")).as(d.where()).isEqualTo("savepoint");
            assertThat(string(spec, "job", "state")).as("the operator starts a new deployment only running").isEqualTo("running");
            assertThat((Integer) at(spec, "job", "parallelism")).isPositive();
            assertThat(string(spec, "serviceAccount")).as("Kubernetes HA needs a service account with rights on ConfigMaps").isNotBlank();
            // The operator's own admission rules (its validator), which no schema expresses.
            conf.forEach((k, v) -> assertThat(v).as("%s flinkConfiguration %s must be a string", d.where(), k).isInstanceOf(String.class));
            assertThat(conf).as(d.where()).doesNotContainKeys("kubernetes.namespace", "kubernetes.cluster-id")
                    .containsEntry("high-availability.type", "kubernetes")
                    .containsEntry("s3.path.style.access", "true")
                    .containsKey("s3.endpoint");
            for (String key : List.of("execution.checkpointing.dir", "execution.checkpointing.savepoint-dir", "high-availability.storageDir")) {
                assertThat((String) conf.get(key)).as("%s %s", d.where(), key).startsWith("s3://");
                assertThat(stateDirs.add((String) conf.get(key))).as("%s %s is shared with another job", d.where(), key).isTrue();
            }
            for (String part : List.of("jobManager", "taskManager")) {
                assertThatCode(() -> MemorySize.parse(string(spec, part, "resource", "memory"))).as("%s %s memory", d.where(), part).doesNotThrowAnyException();
            }
            // The S3 filesystem: the image's entrypoint enables the plugin; credentials from a Secret, none in the configuration.
            Workload w = workload(string(spec, "job", "entryClass"));
            assertThat(w.value("ENABLE_BUILT_IN_PLUGINS")).isEqualTo("flink-s3-fs-presto-" + flink + ".jar");
            assertThat(secretRef(w.env().get("AWS_ACCESS_KEY_ID"))).isEqualTo("yuqing-s3/access-key");
            assertThat(secretRef(w.env().get("AWS_SECRET_ACCESS_KEY"))).isEqualTo("yuqing-s3/secret-key");
            assertThat(conf.keySet()).noneMatch(k -> k.contains("access-key") || k.contains("secret-key"));
            // The operator upgrades from the savepoint directory it is given; the job must not point elsewhere.
            assertThat(w.env()).doesNotContainKeys(JobOptions.CHECKPOINT_DIR.envName(), JobOptions.SAVEPOINT_DIR.envName());
        }
    }

    @Test
    void secretsComeFromSecretKeyRefs() {
        assertThat(of("Secret")).as("Secrets with values are made outside the repository (examples/ shows them)").isEmpty();
        Map<String, Set<String>> provided = new HashMap<>();
        provided.put(elasticUserSecret(), Set.of("elastic")); // generated by ECK
        for (KubernetesManifest s : examples) {
            assertThat(s.kind()).isEqualTo("Secret");
            assertThat(s.file().getFileName().toString()).endsWith(".example.yaml");
            Map<String, Object> data = map(s.body(), "stringData");
            assertThat(data).as(s.where()).isNotEmpty();
            data.forEach((k, v) -> assertThat((String) v).as("%s %s is a placeholder", s.where(), k).contains("change-me"));
            provided.put(s.name(), data.keySet());
        }
        for (KubernetesManifest m : all()) {
            for (Map<String, Object> e : envEntries(m)) {
                String name = string(e, "name");
                if (SECRET_NAME.matcher(name).matches()) {
                    assertThat(e).as("%s: %s must come from a Secret", m.where(), name).doesNotContainKey("value");
                }
                Map<String, Object> ref = map(e, "valueFrom", "secretKeyRef");
                if (!ref.isEmpty()) {
                    assertThat(provided).as("%s: Secret of %s", m.where(), name).containsKey(string(ref, "name"));
                    assertThat(provided.get(string(ref, "name"))).as("%s: key of %s", m.where(), name).contains(string(ref, "key"));
                }
            }
        }
        for (KubernetesManifest m : manifests) {
            for (Map<String, Object> v : volumes(m)) {
                String secret = string(v, "secret", "secretName");
                if (secret != null) {
                    assertThat(provided).as("%s mounts Secret %s", m.where(), secret).containsKey(secret);
                }
                String configMap = string(v, "configMap", "name");
                if (configMap != null) {
                    assertThat(names("ConfigMap")).as("%s mounts ConfigMap %s", m.where(), configMap).contains(configMap);
                }
                String claim = string(v, "persistentVolumeClaim", "claimName");
                if (claim != null) {
                    assertThat(names("PersistentVolumeClaim")).as("%s mounts claim %s", m.where(), claim).contains(claim);
                }
            }
        }
        for (KubernetesManifest connector : of("KafkaConnector")) {
            map(connector.spec(), "config").forEach((k, v) -> {
                if (k.matches("(?i).*(password|token|secret|headers).*")) {
                    assertThat(String.valueOf(v)).as("%s %s goes through a config provider", connector.where(), k).startsWith("${");
                }
            });
        }
        assertThat(map(only("KafkaConnect").spec(), "config").keySet()).noneMatch(k -> k.contains("password"));
    }

    @Test
    void everyTopicHasAKafkaTopicAsSetupCreatesIt() {
        KubernetesManifest kafka = only("Kafka");
        Map<String, KubernetesManifest> topics = new HashMap<>();
        for (KubernetesManifest t : of("KafkaTopic")) {
            String name = string(t.spec(), "topicName") != null ? string(t.spec(), "topicName") : t.name();
            assertThat(topics.put(name, t)).as("topic %s twice", name).isNull();
            assertThat(map(t.body(), "metadata", "labels")).as(t.where()).containsEntry("strimzi.io/cluster", kafka.name());
        }
        List<String> all = new ArrayList<>(Topics.STREAMS);
        all.add(Topics.REGISTRY);
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(all);

        Workload setup = workload("dev.yuqing.jobs.Setup");
        int partitions = Integer.parseInt(setup.value(Setup.PARTITIONS.envName()) != null ? setup.value(Setup.PARTITIONS.envName()) : Setup.PARTITIONS.defaultValue());
        int replication = Integer.parseInt(setup.value(Setup.REPLICATION.envName()) != null ? setup.value(Setup.REPLICATION.envName()) : Setup.REPLICATION.defaultValue());
        assertThat(partitions).as("Setup's partitions, as compose's").isEqualTo(Integer.parseInt(Setup.PARTITIONS.defaultValue()));
        int brokers = of("KafkaNodePool").stream().filter(p -> list(p.spec(), "roles").contains("broker"))
                .mapToInt(p -> (Integer) at(p.spec(), "replicas")).sum();
        int minInsync = Integer.parseInt(string(kafka.spec(), "kafka", "config", "min.insync.replicas"));
        for (String name : Topics.STREAMS) {
            Map<String, Object> spec = topics.get(name).spec();
            assertThat(at(spec, "partitions")).as("partitions of %s", name).isEqualTo(partitions);
            assertThat(at(spec, "replicas")).as("replicas of %s", name).isEqualTo(replication);
        }
        Map<String, Object> registry = topics.get(Topics.REGISTRY).spec();
        assertThat(at(registry, "partitions")).as("one partition: a site comes before its columns").isEqualTo(1);
        assertThat(at(registry, "config", "cleanup.policy")).isEqualTo("compact");
        for (KubernetesManifest t : topics.values()) {
            int replicas = (Integer) at(t.spec(), "replicas");
            assertThat(replicas).as("%s: replicas on distinct brokers", t.where()).isLessThanOrEqualTo(brokers);
            assertThat(minInsync).as("%s: writes go on with a broker down", t.where()).isLessThan(replicas);
        }
        assertThat(string(kafka.spec(), "kafka", "config", "default.replication.factor")).isEqualTo(String.valueOf(replication));
        assertThat(at(kafka.spec(), "kafka", "config", "auto.create.topics.enable")).as("a misspelt topic fails instead of appearing").isEqualTo(false);
    }

    @Test
    void everySampleConnectorHasAKafkaConnectorWithTheSameSettings() throws IOException {
        KubernetesManifest connect = only("KafkaConnect");
        assertThat(map(connect.body(), "metadata", "annotations")).containsEntry("strimzi.io/use-connector-resources", "true");
        assertThat(string(connect.spec(), "bootstrapServers")).isEqualTo(kafkaBootstrap());
        assertThat(string(connect.spec(), "config", "value.converter")).isEqualTo(dev.yuqing.connectors.connect.PostSourceConnector.BYTES_CONVERTER);

        Map<String, KubernetesManifest> connectors = of("KafkaConnector").stream().collect(Collectors.toMap(KubernetesManifest::name, c -> c));
        List<Path> samples;
        try (Stream<Path> s = Files.list(root.resolve("connectors/config"))) {
            samples = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(samples).isNotEmpty();
        assertThat(connectors).hasSameSizeAs(samples);
        for (Path sample : samples) {
            String name = sample.getFileName().toString().replaceFirst("\\.json$", "");
            KubernetesManifest c = connectors.get(name);
            assertThat(c).as("KafkaConnector for %s", sample.getFileName()).isNotNull();
            assertThat(map(c.body(), "metadata", "labels")).containsEntry("strimzi.io/cluster", connect.name());
            @SuppressWarnings("unchecked")
            Map<String, Object> expected = new LinkedHashMap<>(MAPPER.readValue(Files.readString(sample, StandardCharsets.UTF_8), Map.class));
            assertThat(string(c.spec(), "class")).isEqualTo(expected.remove("connector.class"));
            assertThat(string(c.spec(), "tasksMax")).isEqualTo(expected.remove("tasks.max"));
            expected.put("kafka.bootstrap.servers", kafkaBootstrap());
            Map<String, String> actual = new LinkedHashMap<>();
            map(c.spec(), "config").forEach((k, v) -> actual.put(k, String.valueOf(v)));
            assertThat(actual).as("%s: the sample's settings", c.where()).isEqualTo(expected);
        }
    }

    /** The files and directories the samples name are in the worker: the image links them into its volumes. */
    @Test
    void theConnectWorkerHasThePluginAndThePathsTheSamplesRead() throws IOException {
        String dockerfile = Files.readString(root.resolve("docker/connect/Dockerfile"));
        assertThat(dockerfile).contains("COPY connectors/target/yuqing-connectors-plugin/ /opt/kafka/plugins/yuqing-connectors/");
        assertThat(Files.readString(root.resolve("connectors/pom.xml"))).contains("<finalName>yuqing-connectors</finalName>", "src/assembly/plugin.xml");
        Map<String, String> links = new LinkedHashMap<>();
        Matcher ln = Pattern.compile("ln -s (\\S+) (\\S+)").matcher(dockerfile);
        while (ln.find()) {
            links.put(ln.group(2), ln.group(1));
        }
        KubernetesManifest connect = only("KafkaConnect");
        Map<String, Map<String, Object>> volumes = new HashMap<>();
        for (Map<String, Object> v : maps(connect.spec(), "template", "pod", "volumes")) {
            volumes.put(string(v, "name"), v);
        }
        List<Map<String, Object>> mounts = maps(connect.spec(), "template", "connectContainer", "volumeMounts");
        for (Map<String, Object> mount : mounts) {
            assertThat(string(mount, "mountPath")).as("Strimzi mounts extra volumes only under /mnt").startsWith("/mnt/");
            assertThat(volumes).containsKey(string(mount, "name"));
        }
        Map<String, Set<String>> secretKeys = examples.stream().collect(Collectors.toMap(KubernetesManifest::name, s -> map(s.body(), "stringData").keySet()));
        Pattern fileRef = Pattern.compile("\\$\\{file:([^:}]+):[^}]+}");
        int paths = 0;
        for (KubernetesManifest c : of("KafkaConnector")) {
            for (var e : map(c.spec(), "config").entrySet()) {
                String value = String.valueOf(e.getValue());
                Matcher ref = fileRef.matcher(value);
                String path = ref.find() ? ref.group(1) : e.getKey().matches(".*\\.(dir|path|file)") ? value : null;
                if (path == null) {
                    continue;
                }
                String real = throughLinks(path, links);
                Map<String, Object> mount = mounts.stream().filter(m -> real.startsWith(string(m, "mountPath") + "/")).findFirst().orElse(null);
                assertThat(mount).as("%s %s: %s (%s in the image) is in no volume", c.where(), e.getKey(), path, real).isNotNull();
                Map<String, Object> volume = volumes.get(string(mount, "name"));
                String secret = string(volume, "secret", "secretName");
                if (secret != null) {
                    String file = real.substring(string(mount, "mountPath").length() + 1);
                    assertThat(secretKeys.get(secret)).as("%s: Secret %s holds %s", c.where(), secret, file).contains(file);
                }
                paths++;
            }
        }
        assertThat(paths).as("paths in the samples: a secrets file, an export directory, a replay file").isGreaterThanOrEqualTo(3);
    }

    @Test
    void theRegistryTheJobsReadIsMountedAndIsTheDemoRegistry() throws IOException {
        String demo = Files.readString(root.resolve("core/src/main/resources/inspection/registry-demo.json"), StandardCharsets.UTF_8);
        Map<String, ConfigKey<String>> readers = Map.of("dev.yuqing.jobs.inspection.InspectionJob", InspectionOptions.REGISTRY_FILE,
                "dev.yuqing.jobs.Setup", Setup.REGISTRY_FILE);
        for (var r : readers.entrySet()) {
            Workload w = workload(r.getKey());
            String path = w.value(r.getValue().envName());
            assertThat(path).as("%s reads the registry", w).isNotBlank();
            assertThat(mountedConfigMapFile(w, path)).as("%s in %s", path, w).isEqualTo(demo);
        }
    }

    @Test
    void elasticsearchHasSmartcnAndEveryClientFollowsItsTls() throws IOException {
        assertThat(Files.readString(root.resolve("docker/elasticsearch/Dockerfile"))).contains("elasticsearch-plugin install --batch analysis-smartcn");
        KubernetesManifest es = only("Elasticsearch");
        assertThat(string(es.spec(), "image")).as("the image docker/elasticsearch/Dockerfile builds, as in compose")
                .startsWith("yuqing/elasticsearch-smartcn:");
        assertThat(string(only("Kibana").spec(), "elasticsearchRef", "name")).isEqualTo(es.name());
        int nodes = maps(es.spec(), "nodeSets").stream().mapToInt(n -> (Integer) n.get("count")).sum();
        assertThat(nodes).as("a replica of every shard on another node").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theReadmeAppliesEveryManifest() throws IOException {
        String readme = Files.readString(dir.resolve("README.md"));
        List<String> files = manifests.stream().map(m -> m.file().getFileName().toString()).distinct().sorted().toList();
        for (String f : files) {
            assertThat(readme).as("deploy/kubernetes/README.md applies %s", f).contains(f);
        }
        assertThat(readme).contains("examples/secrets.example.yaml");
        assertThat(Files.readString(root.resolve("docs/deployment.md"))).contains("deploy/kubernetes");
    }

    // ---- helpers

    private static List<KubernetesManifest> all() {
        List<KubernetesManifest> all = new ArrayList<>(manifests);
        all.addAll(examples);
        return all;
    }

    private static List<KubernetesManifest> of(String... kinds) {
        Set<String> wanted = Set.of(kinds);
        return manifests.stream().filter(m -> wanted.contains(m.kind())).toList();
    }

    private static KubernetesManifest only(String kind) {
        List<KubernetesManifest> found = of(kind);
        assertThat(found).as("one %s", kind).hasSize(1);
        return found.get(0);
    }

    private static Set<String> names(String kind) {
        return of(kind).stream().map(KubernetesManifest::name).collect(Collectors.toSet());
    }

    private static Set<String> kinds() {
        return manifests.stream().map(KubernetesManifest::kind).collect(Collectors.toSet());
    }

    /** Every container that runs Yuqing code: the FlinkDeployments' main containers, and the Jobs' and Deployments' containers. */
    private static List<Workload> workloads() {
        List<Workload> out = new ArrayList<>();
        for (KubernetesManifest m : manifests) {
            switch (m.kind()) {
                case "FlinkDeployment" -> {
                    Map<String, Object> pod = map(m.spec(), "podTemplate", "spec");
                    Map<String, Object> main = maps(pod, "containers").stream().filter(c -> "flink-main-container".equals(c.get("name")))
                            .findFirst().orElseThrow(() -> new AssertionError(m.where() + " has no flink-main-container"));
                    out.add(new Workload(m, string(m.spec(), "job", "entryClass"), main, pod));
                }
                case "Job", "Deployment" -> {
                    Map<String, Object> pod = map(m.spec(), "template", "spec");
                    for (Map<String, Object> c : maps(pod, "containers")) {
                        String main = list(c, "command").stream().map(String::valueOf).filter(s -> s.startsWith("dev.yuqing.")).findFirst().orElse(null);
                        if (main != null) {
                            out.add(new Workload(m, main, c, pod));
                        }
                    }
                }
                default -> {
                    // no Yuqing code of its own
                }
            }
        }
        return out;
    }

    private static Workload workload(String mainClass) {
        List<Workload> found = workloads().stream().filter(w -> w.mainClass().equals(mainClass)).toList();
        assertThat(found).as("one workload runs %s", mainClass).hasSize(1);
        return found.get(0);
    }

    /** The env entries of every container of a resource, whatever its kind. */
    private static List<Map<String, Object>> envEntries(KubernetesManifest m) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> c : containers(m)) {
            out.addAll(maps(c, "env"));
        }
        out.addAll(maps(m.spec(), "template", "connectContainer", "env"));
        return out;
    }

    private static List<Map<String, Object>> containers(KubernetesManifest m) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> pod : List.of(map(m.spec(), "podTemplate", "spec"), map(m.spec(), "template", "spec"))) {
            out.addAll(maps(pod, "containers"));
            out.addAll(maps(pod, "initContainers"));
        }
        for (Map<String, Object> nodeSet : maps(m.spec(), "nodeSets")) {
            out.addAll(maps(nodeSet, "podTemplate", "spec", "containers"));
            out.addAll(maps(nodeSet, "podTemplate", "spec", "initContainers"));
        }
        return out;
    }

    private static List<Map<String, Object>> volumes(KubernetesManifest m) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.addAll(maps(m.spec(), "podTemplate", "spec", "volumes"));
        out.addAll(maps(m.spec(), "template", "spec", "volumes"));
        out.addAll(maps(m.spec(), "template", "pod", "volumes"));
        return out;
    }

    /** Every image a resource names: its spec.image and its containers'. */
    private static List<String> images(KubernetesManifest m) {
        List<String> out = new ArrayList<>();
        if (string(m.spec(), "image") != null) {
            out.add(string(m.spec(), "image"));
        }
        containers(m).stream().map(c -> string(c, "image")).filter(i -> i != null).forEach(out::add);
        return out;
    }

    /** "name/key" of an env entry's secretKeyRef, or null. */
    private static String secretRef(Map<String, Object> envEntry) {
        Map<String, Object> ref = map(envEntry, "valueFrom", "secretKeyRef");
        return ref.isEmpty() ? null : ref.get("name") + "/" + ref.get("key");
    }

    /** The content of a file a workload reads from a mounted ConfigMap. */
    private static String mountedConfigMapFile(Workload w, String path) {
        Map<String, Object> mount = maps(w.container(), "volumeMounts").stream()
                .filter(m -> path.startsWith(string(m, "mountPath") + "/")).findFirst()
                .orElseThrow(() -> new AssertionError(path + " is mounted in no volume of " + w));
        Map<String, Object> volume = maps(w.pod(), "volumes").stream().filter(v -> string(v, "name").equals(string(mount, "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no volume " + mount.get("name") + " in " + w));
        String configMap = string(volume, "configMap", "name");
        assertThat(configMap).as("volume %s of %s is a ConfigMap", mount.get("name"), w).isNotNull();
        KubernetesManifest cm = of("ConfigMap").stream().filter(c -> c.name().equals(configMap)).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + configMap));
        return string(cm.body(), "data", path.substring(string(mount, "mountPath").length() + 1));
    }

    /** Strimzi's bootstrap service of the plain listener: {@code <cluster>-kafka-bootstrap:<port>}. */
    private static String kafkaBootstrap() {
        KubernetesManifest kafka = only("Kafka");
        Map<String, Object> plain = maps(kafka.spec(), "kafka", "listeners").stream()
                .filter(l -> Boolean.FALSE.equals(l.get("tls")) && !l.containsKey("authentication") && "internal".equals(l.get("type")))
                .findFirst().orElseThrow(() -> new AssertionError("the Yuqing clients need a plain internal listener"));
        return kafka.name() + "-kafka-bootstrap:" + plain.get("port");
    }

    /** ECK's HTTP service, plain when its self-signed certificate is disabled and no certificate is given. */
    private static String elasticsearchUrl() {
        KubernetesManifest es = only("Elasticsearch");
        boolean plain = Boolean.TRUE.equals(at(es.spec(), "http", "tls", "selfSignedCertificate", "disabled"))
                && at(es.spec(), "http", "tls", "certificate") == null;
        return (plain ? "http" : "https") + "://" + es.name() + "-es-http:9200";
    }

    private static String kibanaUrl() {
        KubernetesManifest kb = only("Kibana");
        boolean plain = Boolean.TRUE.equals(at(kb.spec(), "http", "tls", "selfSignedCertificate", "disabled"));
        return (plain ? "http" : "https") + "://" + kb.name() + "-kb-http:5601";
    }

    /** The Secret ECK generates with the {@code elastic} user's password. */
    private static String elasticUserSecret() {
        return only("Elasticsearch").name() + "-es-elastic-user";
    }

    private static List<String> validate(KubernetesManifest like, Map<String, Object> body) {
        return crds.validate(new CrdSchemas.Key(like.group(), like.version(), like.kind()), body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(KubernetesManifest m) {
        return MAPPER.convertValue(m.body(), LinkedHashMap.class);
    }

    private static String tag(String image) {
        int colon = image.lastIndexOf(':');
        assertThat(colon).as("%s has a tag", image).isGreaterThan(image.lastIndexOf('/'));
        return image.substring(colon + 1);
    }

    /** The image a Dockerfile starts from, with its ARG defaults filled in. */
    private static String baseImage(String dockerfile) throws IOException {
        Map<String, String> args = new HashMap<>();
        for (String line : Files.readAllLines(root.resolve(dockerfile))) {
            String l = line.trim();
            if (l.startsWith("ARG ") && l.contains("=")) {
                args.put(l.substring(4, l.indexOf('=')).trim(), l.substring(l.indexOf('=') + 1).trim());
            } else if (l.startsWith("FROM ")) {
                String image = l.substring(5).trim().split("\\s+")[0];
                for (var a : args.entrySet()) {
                    image = image.replace("${" + a.getKey() + "}", a.getValue());
                }
                return image;
            }
        }
        throw new AssertionError(dockerfile + " has no FROM");
    }

    /** A path as the image resolves it through its symbolic links. */
    private static String throughLinks(String path, Map<String, String> links) {
        return links.entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .filter(e -> path.equals(e.getKey()) || path.startsWith(e.getKey() + "/")).findFirst()
                .map(e -> e.getValue() + path.substring(e.getKey().length())).orElse(path);
    }

    private static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>yuqing-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(root.resolve("pom.xml")));
        assertThat(m.find()).as("the parent pom's version").isTrue();
        return m.group(1);
    }
}
