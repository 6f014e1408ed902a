package dev.yuqing.jobs;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.yuqing.core.Topics;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import dev.yuqing.dashboards.EsConnection;
import dev.yuqing.dashboards.IndexTemplates;
import dev.yuqing.dashboards.Lifecycle;
import java.io.IOException;
import java.time.Duration;
import dev.yuqing.core.inspection.Registry;
import dev.yuqing.jobs.inspection.RegistryPublisher;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One-shot preparation of a real cluster (the compose file's setup service): waits for
 * Elasticsearch, sets the kibana_system password, applies the lifecycle policies (retention,
 * where the cluster has ILM) and the index templates, creates the
 * topics (the registry topic with one partition, compacted) and publishes the registry file.
 * Running it again changes nothing: a target already registered keeps the time its clock started.
 */
public final class Setup {
    public static final ConfigKey<String> KIBANA_PASSWORD = ConfigKey.optionalString("kibana.system.password",
            "password to set for the built-in kibana_system user; empty leaves it alone");
    public static final ConfigKey<Integer> PARTITIONS = ConfigKey.integer("setup.topic.partitions", 4, 1, 1000,
            "partitions of each topic created");
    public static final ConfigKey<Integer> REPLICATION = ConfigKey.integer("setup.topic.replication", 1, 1, 10,
            "replication factor of each topic created");
    public static final ConfigKey<Duration> WAIT = ConfigKey.duration("setup.wait", "5m", Duration.ofSeconds(1),
            "how long to wait for Elasticsearch and Kafka to answer");
    public static final ConfigKey<String> REGISTRY_FILE = ConfigKey.optionalString("setup.registry.file",
            "registry of monitored sites, columns and accounts (JSON, as core/src/main/resources/inspection/registry-demo.json) published to the registry topic; empty publishes nothing");
    public static final List<String> TOPICS = List.of(Topics.POSTS_RAW, Topics.POSTS_ENRICHED, Topics.POSTS_DLQ, Topics.ALERTS,
            Topics.ALERTS_OUT, Topics.ALERTS_DLQ, Topics.SITE_LINKS, Topics.SITE_PROBES, Topics.SOURCE_HEALTH);

    public static final ConfigDef DEF = new ConfigDef("setup", JobOptions.KAFKA_BOOTSTRAP, JobOptions.ES_URLS,
            JobOptions.ES_USERNAME, JobOptions.ES_PASSWORD, KIBANA_PASSWORD, PARTITIONS, REPLICATION, WAIT, REGISTRY_FILE,
            Lifecycle.POSTS, Lifecycle.TRENDS, Lifecycle.ALERTS, Lifecycle.INSPECTIONS);

    private Setup() {}

    public static void main(String[] args) throws Exception {
        Config c = DEF.fromArgs(args);
        long deadline = System.nanoTime() + c.get(WAIT).toNanos();
        EsConnection connection = JobOptions.esConnection(c);
        ElasticsearchClient client = connection.open();
        try {
            awaitElasticsearch(client, deadline);
            String kibanaPassword = c.get(KIBANA_PASSWORD);
            if (!kibanaPassword.isEmpty()) {
                client.security().changePassword(r -> r.username("kibana_system").password(kibanaPassword));
                System.out.println("kibana_system password set");
            }
            boolean ilm = Lifecycle.apply(client, Lifecycle.Retention.of(c));
            IndexTemplates.applyAll(client);
            System.out.println("index templates applied: " + IndexTemplates.ALL + (ilm ? ", with lifecycle policies" : ", no ILM on this cluster"));
        } finally {
            EsConnection.close(client);
        }
        createTopics(c, deadline);
        String registry = c.get(REGISTRY_FILE);
        if (!registry.isBlank()) {
            Registry r = Registry.fromFile(Path.of(registry));
            RegistryPublisher.publish(c.get(JobOptions.KAFKA_BOOTSTRAP), Topics.REGISTRY, r, Instant.now());
            System.out.println("registry published: " + r.size() + " targets to " + Topics.REGISTRY);
        }
    }

    private static void awaitElasticsearch(ElasticsearchClient client, long deadline) throws InterruptedException, IOException {
        while (true) {
            try {
                client.cluster().health(h -> h.waitForStatus(co.elastic.clients.elasticsearch._types.HealthStatus.Yellow).timeout(t -> t.time("10s")));
                return;
            } catch (IOException | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("Elasticsearch did not answer in time", e);
                }
                System.out.println("waiting for Elasticsearch: " + e.getMessage());
                Thread.sleep(2000);
            }
        }
    }

    private static void createTopics(Config c, long deadline) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", c.get(JobOptions.KAFKA_BOOTSTRAP));
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = null;
            while (existing == null) {
                try {
                    existing = admin.listTopics().names().get();
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("Kafka did not answer in time", e.getCause());
                    }
                    Thread.sleep(2000);
                }
            }
            Set<String> present = existing;
            List<NewTopic> missing = TOPICS.stream().filter(t -> !present.contains(t))
                    .map(t -> new NewTopic(t, c.get(PARTITIONS), c.get(REPLICATION).shortValue())).toList();
            List<NewTopic> create = new java.util.ArrayList<>(missing);
            if (!present.contains(Topics.REGISTRY)) {
                // One partition keeps a site's entry ahead of its columns'; compacted, it holds the latest entry per target.
                create.add(new NewTopic(Topics.REGISTRY, 1, c.get(REPLICATION).shortValue())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
            if (!create.isEmpty()) {
                admin.createTopics(create).all().get();
            }
            System.out.println("topics present: " + TOPICS + " and " + Topics.REGISTRY);
            // The enrichment keeps each partition's order only into the same-numbered partition (see DeduplicatePosts).
            var described = admin.describeTopics(List.of(Topics.POSTS_RAW, Topics.POSTS_ENRICHED)).allTopicNames().get();
            int raw = described.get(Topics.POSTS_RAW).partitions().size();
            int enriched = described.get(Topics.POSTS_ENRICHED).partitions().size();
            if (raw != enriched) {
                System.err.println("WARNING: " + Topics.POSTS_RAW + " has " + raw + " partitions and " + Topics.POSTS_ENRICHED + " " + enriched
                        + ": posts reach the trend and inspection jobs out of order; give both the same number");
            }
        }
    }
}
