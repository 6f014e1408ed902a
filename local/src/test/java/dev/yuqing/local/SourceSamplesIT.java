package dev.yuqing.local;

import static dev.yuqing.connectors.http.FeedServer.page;
import static dev.yuqing.connectors.http.FeedServer.resource;
import static dev.yuqing.connectors.http.FeedServer.status;
import static dev.yuqing.local.ConnectRest.await;
import static dev.yuqing.local.ConnectRest.metric;
import static dev.yuqing.local.ConnectRest.rest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.connectors.connect.CommonSourceConfig;
import dev.yuqing.connectors.connect.SampleConfigs;
import dev.yuqing.connectors.http.FeedServer;
import dev.yuqing.connectors.site.SiteFixtures;
import dev.yuqing.core.Topics;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.source.SiteProbe;
import dev.yuqing.core.source.SourceHeartbeat;
import dev.yuqing.dashboards.IndexTemplates;
import dev.yuqing.jobs.JobOptions;
import dev.yuqing.jobs.Setup;
import dev.yuqing.jobs.enrich.EnrichOptions;
import dev.yuqing.local.connect.EmbeddedConnect;
import dev.yuqing.local.kafka.EmbeddedKafka;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's journey with real sources: a Kafka cluster prepared by {@link Setup} alone (nothing
 * else creates a topic), a Connect worker, the enrichment job, and every sample configuration of
 * connectors/config created through the worker's REST API as the README says, with only its
 * addresses pointed at loopback fixtures (a site column and a message board, a feed, a JSON API
 * behind a token, export files). Before Setup, the worker refuses each sample, naming the missing
 * topic; after it, every sample's items arrive in Elasticsearch. A task whose topic is missing
 * fails within a minute, naming it, instead of waiting for it without a word.
 */
@ExtendWith(LocalStackExtension.class)
class SourceSamplesIT {
    private static final Path SAMPLES = Path.of(System.getProperty("yuqing.root", "..")).resolve("connectors/config");
    private static final String TOKEN = "Bearer samples-token";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    Path dir;

    /** What each sample must bring into Elasticsearch: posts of its account. */
    private record Expected(String account, int posts) {}

    @Test
    void everySampleDeliversItsItemsOnAClusterThatOnlySetupPrepared(LocalStack stack) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0); FeedServer server = FeedServer.start()) {
            serveFixtures(server);
            Map<String, Map<String, String>> samples = samples(server, kafka.bootstrapServers());
            assertThat(samples.keySet()).as("every sample in connectors/config").containsExactlyInAnyOrder("export-directory.json",
                    "export-directory.properties", "http-api.json", "http-api.properties", "sfyw-rss.json", "site-board.json",
                    "site-column.properties", "site-probe.json", "weibo-file.json");
            Map<String, Expected> expected = Map.of(
                    "sfyw-rss.json", new Expected("site:www.example.gov.cn/sfyw", 4), // rss2.xml: 4 good items, 2 broken
                    "http-api.json", new Expected("board:www.example.gov.cn/zmhd", 3),
                    "http-api.properties", new Expected("board:www.example.gov.cn/zmhd", 3),
                    "site-board.json", new Expected("site:www.example.gov.cn/hdjl", 5),
                    "site-column.properties", new Expected("site:www.example.gov.cn/tzgg", 5),
                    "export-directory.json", new Expected("wechat:city", 2),
                    "export-directory.properties", new Expected("weibo:city", 2),
                    "weibo-file.json", new Expected("weibo:示范市发布", 2));

            try (EmbeddedConnect connect = EmbeddedConnect.start(kafka.bootstrapServers(), dir.resolve("connect"), 0)) {
                // Nothing has created the topics yet: the worker refuses each sample with the topic and the fix.
                for (var sample : samples.entrySet()) {
                    HttpResponse<String> refused = rest(connect, "PUT", "connectors/" + name(sample.getKey()) + "/config", sample.getValue());
                    assertThat(refused.statusCode()).as(sample.getKey()).isEqualTo(400);
                    String missing = sample.getKey().equals("site-probe.json") ? "topic site.probes (probe.topic)" : "topic posts.raw (topic)";
                    assertThat(refused.body()).as(sample.getKey())
                            .contains(missing + " does not exist on the Kafka cluster at " + kafka.bootstrapServers())
                            .contains("the Setup command creates every Yuqing topic");
                }
                assertThat(refusal(connect, samples.get("site-board.json"))).contains("topic site.links (links.topic) does not exist");

                Setup.main(new String[] {"--" + JobOptions.KAFKA_BOOTSTRAP.name() + "=" + kafka.bootstrapServers(),
                        "--" + JobOptions.ES_URLS.name() + "=" + stack.elasticsearchUrl(), "--" + Setup.PARTITIONS.name() + "=2",
                        "--" + Setup.WAIT.name() + "=30s"});
                try (Admin admin = kafka.admin()) {
                    assertThat(admin.listTopics().names().get()).containsAll(Topics.STREAMS).contains(Topics.REGISTRY);
                }

                JobClient job = stack.startEnrichJob(stack.enrichConfig(Duration.ofSeconds(1), Map.of(
                        JobOptions.KAFKA_BOOTSTRAP.name(), kafka.bootstrapServers(),
                        EnrichOptions.GROUP_ID.name(), "samples-" + System.nanoTime())), 1);
                try {
                    for (var sample : samples.entrySet()) {
                        connect.putConnector(name(sample.getKey()), sample.getValue());
                    }
                    for (String sample : samples.keySet()) {
                        connect.awaitRunning(name(sample), ConnectRest.TIMEOUT);
                    }
                    for (var e : expected.entrySet()) {
                        await(e.getKey() + ": " + e.getValue().posts() + " posts of " + e.getValue().account() + " sent",
                                () -> ((Number) metric(name(e.getKey()), "posts-total")).longValue() >= e.getValue().posts());
                    }
                    await("every sample's posts in Elasticsearch", () -> {
                        stack.refresh();
                        for (Expected x : expected.values()) {
                            if (indexed(stack, x.account()) < x.posts()) {
                                return false;
                            }
                        }
                        return true;
                    });
                    for (Expected x : expected.values()) {
                        // The demo's posts share weibo:示范市发布 in this Elasticsearch; the other accounts are the samples' alone.
                        if (!x.account().equals("weibo:示范市发布")) {
                            assertThat(indexed(stack, x.account())).as(x.account()).isEqualTo(x.posts());
                        }
                    }
                    await("both sites probed", () -> ConnectRest.read(kafka, Topics.SITE_PROBES).size() >= 2);
                    assertThat(ConnectRest.read(kafka, Topics.SITE_PROBES)).extracting(r -> Json.MAPPER.readValue(r.value(), SiteProbe.class))
                            .extracting(SiteProbe::siteId, SiteProbe::status, SiteProbe::failed)
                            .contains(tuple("site:www.example.gov.cn", 200, false), tuple("site:fgw.example.gov.cn", 404, true));
                    assertThat(ConnectRest.read(kafka, Topics.SOURCE_HEALTH)).extracting(r -> Json.MAPPER.readValue(r.value(), SourceHeartbeat.class))
                            .filteredOn(SourceHeartbeat::ok).extracting(SourceHeartbeat::account)
                            .contains("site:www.example.gov.cn/sfyw", "board:www.example.gov.cn/zmhd", "site:www.example.gov.cn/hdjl", "site:www.example.gov.cn/tzgg");
                    assertThat(server.requests("/zmhd/messages")).as("the API token came from the worker's secrets file")
                            .isNotEmpty().allSatisfy(r -> assertThat(r.headers()).containsEntry("authorization", TOKEN));
                } finally {
                    job.cancel().get();
                }
                for (String sample : samples.keySet()) {
                    connect.deleteConnector(name(sample));
                }
            }
        }
    }

    /**
     * A task whose topic goes missing fails at its next start, naming the topic and the fix; one
     * that was never told the cluster (no check) still fails within the worker's producer bound,
     * naming the topic, where it used to wait for ever.
     */
    @Test
    void aTaskWhoseTopicIsMissingFailsNamingIt(LocalStack stack) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0); FeedServer server = FeedServer.start()) {
            serveFixtures(server);
            kafka.createTopics(List.of(Topics.POSTS_RAW, Topics.POSTS_DLQ, Topics.SOURCE_HEALTH, "samples.links"), 1);
            // The column's list page links to a page that is gone: its dead link is sent to links.topic.
            Map<String, String> column = new LinkedHashMap<>(samples(server, kafka.bootstrapServers()).get("site-column.properties"));
            column.put("links.topic", "samples.links");
            try (EmbeddedConnect connect = EmbeddedConnect.start(kafka.bootstrapServers(), dir.resolve("connect"), 0)) {
                connect.putConnector("checked-column", column);
                connect.awaitRunning("checked-column", ConnectRest.TIMEOUT);
                await("the column's dead link reported", () -> ConnectRest.read(kafka, "samples.links").size() > 0);
                try (Admin admin = kafka.admin()) {
                    admin.deleteTopics(List.of("samples.links")).all().get();
                }
                assertThat(rest(connect, "POST", "connectors/checked-column/tasks/0/restart", null).statusCode()).isEqualTo(204);
                String trace = awaitFailed(connect, "checked-column", Duration.ofSeconds(30));
                assertThat(trace).contains("topic samples.links (links.topic) does not exist on the Kafka cluster at " + kafka.bootstrapServers())
                        .contains("or set links.topic to a topic that exists");
                connect.deleteConnector("checked-column");

                Map<String, String> unchecked = new LinkedHashMap<>(column);
                unchecked.put(CommonSourceConfig.KAFKA_BOOTSTRAP, "");
                unchecked.put("links.topic", "samples.nowhere");
                long start = System.nanoTime();
                connect.putConnector("unchecked-column", unchecked);
                String backstop = awaitFailed(connect, "unchecked-column", EmbeddedConnect.PRODUCER_MAX_BLOCK.plusSeconds(30));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
                assertThat(backstop).contains("samples.nowhere");
                connect.deleteConnector("unchecked-column");
            }
        }
    }

    /** Serves what the samples read, at their own paths: the fixture site, a feed, a JSON API. */
    private static void serveFixtures(FeedServer server) {
        SiteFixtures.serve(server);
        server.serve("/index.html", status(404)); // fgw's home page in the probe sample: gone
        server.serve("/sfyw/rss.xml", page(resource("/feeds/rss2.xml"), "application/rss+xml; charset=utf-8"));
        String now = LOCAL.format(Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.ofHours(8)));
        server.route("/zmhd/messages", (query, headers) -> {
            if (!TOKEN.equals(headers.get("authorization"))) {
                return new FeedServer.Reply(401, Map.of(), new byte[0]);
            }
            String items = query != null && query.contains("page=1&") ? String.join(",",
                    "{\"mid\":\"m1\",\"title\":\"路灯不亮\",\"content\":\"幸福路的路灯坏了一周\",\"created_at\":\"" + now + "\",\"user\":{\"name\":\"市民甲\"},\"thread_id\":\"m1\"}",
                    "{\"mid\":\"m2\",\"title\":\"噪音扰民\",\"content\":\"工地夜间施工\",\"created_at\":\"" + now + "\",\"user\":{\"name\":\"市民乙\"},\"thread_id\":\"m2\"}",
                    "{\"mid\":\"r1\",\"content\":\"已安排维修\",\"created_at\":\"" + now + "\",\"user\":{\"name\":\"市城管局\"},\"thread_id\":\"m1\",\"reply_to\":\"m1\"}")
                    : "";
            return FeedServer.json("{\"code\":0,\"data\":{\"items\":[" + items + "]}}");
        });
    }

    /**
     * The samples as a user would create them, with only what points outside this machine changed:
     * the cluster, the sites' addresses, the secrets file and the export files.
     */
    private Map<String, Map<String, String>> samples(FeedServer server, String bootstrap) throws Exception {
        Path secrets = Files.writeString(dir.resolve("api-secrets.properties"), "headers=Authorization: " + TOKEN + "\n");
        Path wechat = Files.createDirectories(dir.resolve("exports/wechat"));
        Files.writeString(wechat.resolve("wechat-20261201.csv"), "文章ID,标题,正文,发布时间,链接,阅读数\n"
                + "a1,停水通知,南湖区明日停水,2026-12-01 08:00:00,https://mp.example.invalid/a1,120\n"
                + "a2,办事指南,如何办理居住证,2026-12-01 09:00:00,https://mp.example.invalid/a2,80\n");
        Path weibo = Files.createDirectories(dir.resolve("exports/weibo"));
        Files.writeString(weibo.resolve("weibo-20261201.jsonl"), weiboLine("w1") + weiboLine("w2"));
        Path file = Files.writeString(dir.resolve("weibo.jsonl"), weiboLine("f1") + weiboLine("f2"));

        Map<String, Map<String, String>> samples = new LinkedHashMap<>();
        for (Path f : SampleConfigs.list(SAMPLES)) {
            Map<String, String> m = SampleConfigs.read(f);
            m.remove("name"); // a standalone worker's; the REST API takes it from the path
            m.replace(CommonSourceConfig.KAFKA_BOOTSTRAP, bootstrap);
            m.replaceAll((k, v) -> local(server, v));
            if (m.keySet().stream().anyMatch(k -> k.startsWith("http."))) {
                m.put("http.allowed.hosts", "127.0.0.1"); // the fixture sites: loopback is refused by default
            }
            m.computeIfPresent("http.headers", (k, v) -> v.replace("/run/secrets/yuqing-api.properties", secrets.toString()));
            m.computeIfPresent("export.dir", (k, v) -> v.endsWith("wechat") ? wechat.toString() : weibo.toString());
            m.computeIfPresent("file.path", (k, v) -> file.toString());
            samples.put(f.getFileName().toString(), m);
        }
        return samples;
    }

    private static String weiboLine(String mid) {
        return "{\"mid\":\"" + mid + "\",\"text\":\"市民热线今日开通" + mid + "\",\"created_at\":\"2026-12-01T10:00:00+08:00\","
                + "\"user\":{\"screen_name\":\"网友\"},\"attitudes_count\":3}\n";
    }

    /** Every URL of the sample sites in {@code value} with its scheme and host replaced by the fixture server's (paths and queries kept). */
    private static String local(FeedServer server, String value) {
        return value.replaceAll("https://[a-z]+\\.example\\.gov\\.cn", server.uri("/").toString().replaceFirst("/$", ""));
    }

    private static String name(String sample) {
        return sample.replace('.', '-');
    }

    private static String refusal(EmbeddedConnect connect, Map<String, String> config) throws Exception {
        return rest(connect, "PUT", "connectors/refused/config", config).body();
    }

    private static long indexed(LocalStack stack, String account) throws Exception {
        return stack.client().count(c -> c.index(IndexTemplates.POSTS).query(q -> q.term(t -> t.field("account").value(account)))).count();
    }

    /** The failed task's trace, once its status says FAILED. */
    private static String awaitFailed(EmbeddedConnect connect, String name, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode t : connect.status(name).path("tasks")) {
                if (t.path("state").asText().equals("FAILED")) {
                    return t.path("trace").asText();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the task of " + name + " did not fail within " + timeout + ": " + connect.status(name));
    }
}
