package dev.yuqing.local;

import static dev.yuqing.connectors.connect.PostSourceConnector.configuration;
import static dev.yuqing.connectors.http.FeedServer.feed;
import static dev.yuqing.connectors.http.FeedServer.resource;
import static dev.yuqing.connectors.http.FeedServer.status;
import static dev.yuqing.local.ConnectRest.await;
import static dev.yuqing.local.ConnectRest.create;
import static dev.yuqing.local.ConnectRest.deadLetters;
import static dev.yuqing.local.ConnectRest.keys;
import static dev.yuqing.local.ConnectRest.metric;
import static dev.yuqing.local.ConnectRest.posts;
import static dev.yuqing.local.ConnectRest.read;
import static dev.yuqing.local.ConnectRest.rest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.http.FeedServer;
import dev.yuqing.connectors.replay.FileReplaySourceConnector;
import dev.yuqing.connectors.rss.RssSourceConnector;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.post.Post;
import dev.yuqing.local.connect.EmbeddedConnect;
import dev.yuqing.local.kafka.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connectors in a real Kafka Connect worker (standalone, in this JVM) against a real Kafka
 * broker, reading a real HTTP server on loopback: an RSS feed that answers 503 and then 429 with
 * Retry-After before it serves, an Atom feed with Last-Modified, a GBK feed, and a JSON-lines
 * file. The items land as valid posts with stable ids, the broken ones in the DLQ with their
 * reason; after the worker restarts, the feeds are asked with conditional GETs and nothing is
 * sent twice, while what is new arrives.
 */
class ConnectIT {
    private static final String POSTS = "connect-it.posts";
    private static final String DLQ = "connect-it.dlq";
    private static final String HEALTH = "connect-it.health";
    private static final String RSS = "/sfyw/rss.xml";
    private static final String ATOM = "/zcwj/atom.xml";
    private static final String GBK = "/tzgg/rss.xml";
    private static final String ATOM_LAST_MODIFIED = "Thu, 14 May 2026 02:30:00 GMT";

    @TempDir
    Path dir;

    private static String line(int n) {
        return "{\"id\":\"weibo-" + n + "\",\"source\":\"weibo\",\"account\":\"weibo:demo\",\"text\":\"第" + n + "条微博\","
                + "\"publishedAt\":\"2026-05-15 09:0" + n + ":00\"}\n";
    }

    private Map<String, Map<String, String>> connectors(FeedServer feeds, Path file) {
        Map<String, Map<String, String>> c = new LinkedHashMap<>();
        c.put("sfyw-rss", rss(feeds.uri(RSS), "site:www.demo.yuqing.invalid/sfyw"));
        c.put("zcwj-atom", rss(feeds.uri(ATOM), "site:www.demo.yuqing.invalid/zcwj"));
        c.put("tzgg-gbk", rss(feeds.uri(GBK), "site:www.demo.yuqing.invalid/tzgg"));
        Map<String, String> replay = configuration(FileReplaySourceConnector.class, POSTS, DLQ);
        replay.put("file.path", file.toString());
        replay.put("file.poll.interval.ms", "200");
        c.put("weibo-file", replay);
        return c;
    }

    private static Map<String, String> rss(URI feed, String account) {
        Map<String, String> m = configuration(RssSourceConnector.class, POSTS, DLQ);
        m.put("feed.url", feed.toString());
        m.put("feed.account", account);
        m.put("feed.region", "示范市");
        m.put("http.allowed.hosts", "127.0.0.1"); // the fixture server; loopback is refused by default
        m.put("health.topic", HEALTH);
        m.put("poll.interval.ms", "500");
        m.put("retry.backoff.initial.ms", "100");
        return m;
    }

    private static boolean answered304(FeedServer feeds, String path, int after) {
        List<FeedServer.Request> r = feeds.requests(path);
        return r.subList(Math.min(after, r.size()), r.size()).stream().anyMatch(q -> q.status() == 304);
    }

    @Test
    void ingestsFeedsAndAFileSurvivesFaultsAndResumesAfterARestartWithoutResending() throws Exception {
        Path file = Files.writeString(dir.resolve("weibo.jsonl"), line(1) + line(2) + "{\"id\": \"weibo-3\"\n" + line(4));
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0); FeedServer feeds = FeedServer.start()) {
            kafka.createTopics(List.of(POSTS, DLQ, HEALTH), 2);
            feeds.serve(RSS, status(503), status(429, "Retry-After", "1"),
                    feed(resource("/feeds/rss2.xml"), "application/rss+xml; charset=utf-8", "\"v1\"", null));
            feeds.serve(ATOM, feed(resource("/feeds/atom.xml"), "application/atom+xml", null, ATOM_LAST_MODIFIED));
            feeds.serve(GBK, feed(resource("/feeds/gbk.xml"), "text/xml", "\"g1\"", null));
            Map<String, Map<String, String>> connectors = connectors(feeds, file);

            try (EmbeddedConnect connect = EmbeddedConnect.start(kafka.bootstrapServers(), dir.resolve("connect"), 0)) {
                // A bad configuration is refused by the worker with the connector's own messages.
                Map<String, String> bad = new LinkedHashMap<>(connectors.get("sfyw-rss"));
                bad.put("feed.url", "ftp://www.demo.yuqing.invalid/rss.xml");
                bad.remove("value.converter");
                HttpResponse<String> refused = rest(connect, "PUT", "connectors/bad-rss/config", bad);
                assertThat(refused.statusCode()).isEqualTo(400);
                assertThat(refused.body()).contains("feed.url: must be an absolute http(s) URL")
                        .contains("value.converter must be set to org.apache.kafka.connect.converters.ByteArrayConverter");

                create(connect, connectors);
                // 4 + 2 + 2 feed items and 3 lines are posts; 2 feed items and 1 line cannot be.
                await("11 posts and 3 dead letters", () -> read(kafka, POSTS).size() == 11 && read(kafka, DLQ).size() == 3);
                await("a conditional GET answered 304 by each feed",
                        () -> answered304(feeds, RSS, 0) && answered304(feeds, ATOM, 0) && answered304(feeds, GBK, 0));
                assertThat(metric("sfyw-rss", "posts-total")).isEqualTo(4L);
                assertThat(metric("sfyw-rss", "dead-letters-total")).isEqualTo(2L);
                assertThat((Long) metric("zcwj-atom", "not-modified-total")).isPositive();
            }

            List<FeedServer.Request> rss = feeds.requests(RSS);
            assertThat(rss.subList(0, 3)).extracting(FeedServer.Request::status).containsExactly(503, 429, 200);
            assertThat(Duration.between(rss.get(1).at(), rss.get(2).at())).as("the wait Retry-After asked for")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));

            List<Post> posts = posts(kafka, POSTS);
            assertThat(posts).extracting(Post::id).containsExactlyInAnyOrder(
                    "site:www.demo.yuqing.invalid/sfyw:https://www.demo.yuqing.invalid/sfyw/2026/05/art_1000.html",
                    "site:www.demo.yuqing.invalid/sfyw:https://www.demo.yuqing.invalid/sfyw/2026/05/art_1001.html",
                    "site:www.demo.yuqing.invalid/sfyw:sfyw-1002",
                    "site:www.demo.yuqing.invalid/sfyw:sfyw-1005",
                    "site:www.demo.yuqing.invalid/zcwj:tag:demo.yuqing.invalid,2026:zcwj-2001",
                    "site:www.demo.yuqing.invalid/zcwj:tag:demo.yuqing.invalid,2026:zcwj-2002",
                    "site:www.demo.yuqing.invalid/tzgg:https://www.demo.yuqing.invalid/tzgg/2026/05/art_3001.html",
                    "site:www.demo.yuqing.invalid/tzgg:https://www.demo.yuqing.invalid/tzgg/2026/05/art_3002.html",
                    "weibo-1", "weibo-2", "weibo-4");
            assertThat(posts).filteredOn(p -> p.account().endsWith("/tzgg")).extracting(Post::title)
                    .containsExactlyInAnyOrder("关于2026年端午节放假安排的通知", "示范市停水通知");
            assertThat(posts).filteredOn(p -> p.account().startsWith("site:")).allSatisfy(p -> {
                assertThat(p.source().code()).isEqualTo("site-page");
                assertThat(p.region()).isEqualTo("示范市");
            });

            List<DeadLetter> dead = deadLetters(kafka, DLQ);
            assertThat(dead).extracting(DeadLetter::stage).containsOnly("connector");
            assertThat(dead).extracting(DeadLetter::field, DeadLetter::origin).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("url", feeds.uri(RSS) + "#item-3"),
                    org.assertj.core.groups.Tuple.tuple("publishedAt", feeds.uri(RSS) + "#item-2"),
                    org.assertj.core.groups.Tuple.tuple("record", "weibo.jsonl:3"));
            assertThat(dead).filteredOn(d -> d.field().equals("publishedAt")).singleElement()
                    .satisfies(d -> assertThat(d.reason()).startsWith("not a time: '星期四 下午三点'"));

            // While the worker is down the column publishes and the export grows.
            feeds.serve(RSS, feed(resource("/feeds/rss2-v2.xml"), "application/rss+xml; charset=utf-8", "\"v2\"", null));
            Files.writeString(file, line(5), StandardOpenOption.APPEND);
            Map<String, Integer> before = Map.of(RSS, feeds.requests(RSS).size(), ATOM, feeds.requests(ATOM).size(), GBK, feeds.requests(GBK).size());

            try (EmbeddedConnect connect = EmbeddedConnect.start(kafka.bootstrapServers(), dir.resolve("connect"), 0)) {
                create(connect, connectors);
                await("the new item and the new line", () -> read(kafka, POSTS).size() >= 13);
                await("the unchanged feeds answered 304 after the restart",
                        () -> answered304(feeds, ATOM, before.get(ATOM)) && answered304(feeds, GBK, before.get(GBK)));
                await("the changed feed fetched again after the restart", () -> answered304(feeds, RSS, before.get(RSS)));
            }
            // The first request of each feed after the restart carried the validators kept in the offsets.
            assertThat(feeds.requests(RSS).get(before.get(RSS)).headers()).containsEntry("if-none-match", "\"v1\"");
            assertThat(feeds.requests(ATOM).get(before.get(ATOM))).satisfies(r -> {
                assertThat(r.headers()).containsEntry("if-modified-since", ATOM_LAST_MODIFIED);
                assertThat(r.status()).isEqualTo(304);
            });
            assertThat(feeds.requests(GBK).get(before.get(GBK))).satisfies(r -> {
                assertThat(r.headers()).containsEntry("if-none-match", "\"g1\"");
                assertThat(r.status()).isEqualTo(304);
            });

            List<String> keys = keys(kafka, POSTS);
            assertThat(keys).as("nothing sent twice").doesNotHaveDuplicates().hasSize(13)
                    .contains("site:www.demo.yuqing.invalid/sfyw:sfyw-1006", "weibo-5");
            assertThat(read(kafka, DLQ)).as("no dead letter sent twice").hasSize(3);
        }
    }
}
