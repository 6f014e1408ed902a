package dev.yuqing.local;

import static dev.yuqing.connectors.http.FeedServer.page;
import static dev.yuqing.connectors.http.FeedServer.resource;
import static dev.yuqing.connectors.site.SiteFixtures.BOARD;
import static dev.yuqing.connectors.site.SiteFixtures.COLUMN;
import static dev.yuqing.connectors.site.SiteFixtures.HTML;
import static dev.yuqing.local.ConnectRest.await;
import static dev.yuqing.local.ConnectRest.create;
import static dev.yuqing.local.ConnectRest.deadLetters;
import static dev.yuqing.local.ConnectRest.keys;
import static dev.yuqing.local.ConnectRest.metric;
import static dev.yuqing.local.ConnectRest.posts;
import static dev.yuqing.local.ConnectRest.read;
import static dev.yuqing.local.ConnectRest.rest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.connect.PostSourceConnector;
import dev.yuqing.connectors.http.FeedServer;
import dev.yuqing.connectors.site.HtmlSiteSourceConnector;
import dev.yuqing.connectors.site.AttachmentFixtures;
import dev.yuqing.connectors.site.SiteFixtures;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.source.LinkCheck;
import dev.yuqing.core.source.SourceHeartbeat;
import dev.yuqing.local.connect.EmbeddedConnect;
import dev.yuqing.local.kafka.EmbeddedKafka;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML site connector in a real Kafka Connect worker (standalone, in this JVM) against a real
 * Kafka broker, reading a real HTTP server on loopback: a column of two list pages whose items are
 * a clean page, a GBK page, broken HTML, a page that answers 503 before it serves, one behind a
 * redirect, one whose time is not one (dead-lettered) and one robots.txt disallows (never
 * fetched); and a message board with answered and unanswered messages. After the worker
 * restarts, nothing is sent again, while a newly listed item and a reply given meanwhile arrive.
 */
class SiteConnectIT {
    private static final String POSTS = "site-it.posts";
    private static final String DLQ = "site-it.dlq";
    private static final String LINKS = "site-it.links";
    private static final String HEALTH = "site-it.health";

    @TempDir
    Path dir;

    private static Map<String, String> common() {
        Map<String, String> m = PostSourceConnector.configuration(HtmlSiteSourceConnector.class, POSTS, DLQ);
        m.put("links.topic", LINKS);
        m.put("health.topic", HEALTH);
        m.put("poll.interval.ms", "500");
        m.put("retry.backoff.initial.ms", "100");
        m.put("http.host.min.delay.ms", "20");
        return m;
    }

    private static Map<String, Map<String, String>> connectors(FeedServer server) {
        Map<String, String> column = common();
        column.putAll(SiteFixtures.column(server.uri("/tzgg/index.html").toString()));
        Map<String, String> board = common();
        board.putAll(SiteFixtures.board(server.uri("/hdjl/list.html").toString()));
        board.put("links.check.max", "0");

        Map<String, Map<String, String>> c = new LinkedHashMap<>();
        c.put("tzgg-site", column);
        c.put("hdjl-board", board);
        return c;
    }

    private static String item(FeedServer server, String n) {
        return COLUMN + ":" + server.uri("/tzgg/2026/05/art_" + n + ".html");
    }

    @Test
    void readsAColumnAndABoardSurvivesFaultsAndResumesAfterARestartWithoutResending() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0); FeedServer server = FeedServer.start()) {
            kafka.createTopics(List.of(POSTS, DLQ, LINKS, HEALTH), 2);
            SiteFixtures.serve(server);
            Map<String, Map<String, String>> connectors = connectors(server);

            try (EmbeddedConnect connect = EmbeddedConnect.start(kafka.bootstrapServers(), dir.resolve("connect"), 0)) {
                // A board without its reply selectors is refused by the worker with the connector's own message.
                Map<String, String> bad = new LinkedHashMap<>(connectors.get("hdjl-board"));
                bad.remove("board.reply.selector");
                HttpResponse<String> refused = rest(connect, "PUT", "connectors/bad-board/config", bad);
                assertThat(refused.statusCode()).isEqualTo(400);
                assertThat(refused.body()).contains("board.reply.selector is required when site.mode is board");

                create(connect, connectors);
                // Column: 4001, 4002, 4003, 4005, 4006 are posts, 4007 a dead letter, 4008 not fetched.
                // Board: 3 messages and 2 replies.
                await("10 posts, 1 dead letter and the dead link",
                        () -> read(kafka, POSTS).size() == 10 && read(kafka, DLQ).size() == 1 && !read(kafka, LINKS).isEmpty());
                assertThat(metric("tzgg-site", "column-latest-update-ms")).isEqualTo(Instant.parse("2026-05-15T01:30:00Z").toEpochMilli());
                assertThat(metric("tzgg-site", "robots-skipped-total")).isEqualTo(1L);
                assertThat(metric("hdjl-board", "posts-total")).isEqualTo(5L);
            }

            List<Post> posts = posts(kafka, POSTS);
            Map<String, Post> byId = posts.stream().collect(Collectors.toMap(Post::id, Function.identity()));
            assertThat(byId.keySet()).containsExactlyInAnyOrder(
                    item(server, "4001"), item(server, "4002"), item(server, "4003"), item(server, "4005"), item(server, "4006"),
                    BOARD + ":5001", BOARD + ":5001#reply", BOARD + ":5002", BOARD + ":5002#reply", BOARD + ":5003");
            // Tika, POI and PDFBox on the classpath of the worker, next to Flink's and Elasticsearch's libraries.
            assertThat(byId.get(item(server, "4001")).text()).as("with its attachments' text")
                    .contains("\n\n附件：防汛值班人员名单.xlsx\n", AttachmentFixtures.ID_IN_XLSX, "\n\n附件：duty.pdf\n", AttachmentFixtures.ID_IN_PDF);
            assertThat(byId.get(item(server, "4002")).title()).as("GBK").isEqualTo("关于开展王喆同志先进事迹学习活动的通知");
            assertThat(byId.get(item(server, "4003")).text()).as("broken HTML").startsWith("因管网维修");
            assertThat(byId.get(item(server, "4006")).text()).as("behind a redirect").isEqualTo("政务服务中心自6月1日起在新址办公。");
            assertThat(posts).filteredOn(p -> p.account().equals(COLUMN)).allSatisfy(p -> {
                assertThat(p.source().code()).isEqualTo("site-page");
                assertThat(p.region()).isEqualTo("示范市");
            });
            Post reply = byId.get(BOARD + ":5002#reply");
            assertThat(reply.source().code()).isEqualTo("citizen-message");
            assertThat(reply.replyTo()).isEqualTo(BOARD + ":5002");
            assertThat(reply.threadId()).isEqualTo(BOARD + ":5002");
            assertThat(reply.author()).isEqualTo("示范市公安局交通警察支队");
            assertThat(byId.get(BOARD + ":5002").threadId()).isEqualTo(BOARD + ":5002");
            assertThat(byId.get(BOARD + ":5002").replyTo()).isNull();

            assertThat(server.requests("/tzgg/2026/05/art_4005.html")).extracting(FeedServer.Request::status).startsWith(503, 200);
            assertThat(server.requests("/tzgg/2026/05/art_4006.html")).extracting(FeedServer.Request::status).containsExactly(301);
            assertThat(server.requests("/tzgg/private/art_4008.html")).as("disallowed by robots.txt").isEmpty();

            List<DeadLetter> dead = deadLetters(kafka, DLQ);
            assertThat(dead).singleElement().satisfies(d -> {
                assertThat(d.stage()).isEqualTo("connector");
                assertThat(d.field()).isEqualTo("publishedAt");
                assertThat(d.reason()).startsWith("not a time: '发布时间：星期五 上午'");
                assertThat(d.key()).isEqualTo(item(server, "4007"));
            });
            List<LinkCheck> links = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : read(kafka, LINKS)) {
                links.add(Json.MAPPER.readValue(r.value(), LinkCheck.class));
            }
            assertThat(links).as("the one dead link, reported once while it stays dead").singleElement().satisfies(l -> {
                assertThat(l.account()).isEqualTo(COLUMN);
                assertThat(l.link()).isEqualTo(server.uri("/tzgg/old/art_0001.html").toString());
                assertThat(l.pageUrl()).isEqualTo(server.uri("/tzgg/index.html").toString());
                assertThat(l.dead()).isTrue();
                assertThat(l.status()).isEqualTo(404);
            });

            // Both connectors said after each poll that they read their source.
            List<SourceHeartbeat> beats = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : read(kafka, HEALTH)) {
                beats.add(Json.MAPPER.readValue(r.value(), SourceHeartbeat.class));
            }
            assertThat(beats).extracting(SourceHeartbeat::account).contains(COLUMN, BOARD);
            assertThat(beats).extracting(SourceHeartbeat::connector).contains("tzgg-site", "hdjl-board");
            assertThat(beats).allSatisfy(b -> {
                assertThat(b.ok()).isTrue();
                assertThat(b.lastSuccess()).isEqualTo(b.at());
            });

            // While the worker is down the column lists a new item and message 5003 is answered.
            server.serve("/tzgg/index.html", page(new String(resource("/site/tzgg-index.html"), StandardCharsets.UTF_8)
                    .replace("<ul class=\"list\">", "<ul class=\"list\">\n  <li><a href=\"2026/05/art_4009.html\">示范市2026年高考期间噪声管控的通告</a></li>")
                    .getBytes(StandardCharsets.UTF_8), HTML));
            server.serve("/tzgg/2026/05/art_4009.html", page(resource("/site/art_4009.html"), HTML));
            server.serve("/hdjl/msg_5003.html", page(resource("/site/msg_5003-replied.html"), HTML));
            int listsBefore = server.requests("/tzgg/index.html").size();

            try (EmbeddedConnect connect = EmbeddedConnect.start(kafka.bootstrapServers(), dir.resolve("connect"), 0)) {
                create(connect, connectors);
                await("the new item and the new reply", () -> read(kafka, POSTS).size() >= 12);
                await("the column listed twice after the restart", () -> server.requests("/tzgg/index.html").size() >= listsBefore + 2);
            }
            List<String> keys = keys(kafka, POSTS);
            assertThat(keys).as("nothing sent twice").doesNotHaveDuplicates().hasSize(12)
                    .contains(item(server, "4009"), BOARD + ":5003#reply");
            assertThat(posts(kafka, POSTS)).filteredOn(p -> p.id().equals(BOARD + ":5003#reply")).singleElement()
                    .satisfies(p -> assertThat(p.replyTo()).isEqualTo(BOARD + ":5003"));
            assertThat(read(kafka, DLQ)).as("no dead letter sent twice").hasSize(1);
            for (String n : List.of("4001", "4002", "4003", "4006_new", "4007")) {
                assertThat(server.requests("/tzgg/2026/05/art_" + n + ".html")).as("art_%s fetched once", n).hasSize(1);
            }
            assertThat(server.requests("/hdjl/msg_5001.html")).hasSize(1);
        }
    }

}
