package dev.yuqing.local;

import static dev.yuqing.connectors.connect.PostSourceConnector.configuration;
import static dev.yuqing.connectors.http.FeedServer.json;
import static dev.yuqing.local.ConnectRest.await;
import static dev.yuqing.local.ConnectRest.create;
import static dev.yuqing.local.ConnectRest.deadLetters;
import static dev.yuqing.local.ConnectRest.keys;
import static dev.yuqing.local.ConnectRest.metric;
import static dev.yuqing.local.ConnectRest.posts;
import static dev.yuqing.local.ConnectRest.read;
import static dev.yuqing.local.ConnectRest.rest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.yuqing.connectors.api.HttpApiSourceConnector;
import dev.yuqing.connectors.exports.ExportDirectorySourceConnector;
import dev.yuqing.connectors.http.FeedServer;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.post.Post;
import dev.yuqing.local.connect.EmbeddedConnect;
import dev.yuqing.local.kafka.EmbeddedKafka;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP JSON API and export-directory connectors in a real Kafka Connect worker against a real
 * broker. The API is a real HTTP server on loopback that checks the token (which the worker reads
 * from a secrets file through its config provider) and pages a message board: the first page
 * answers 429 with Retry-After before it serves, the second 503 and then a redirect to a slow
 * archive, one item has no id and one no valid time. The export directory has two files, a third
 * is dropped in while the worker runs. After the worker restarts, what came meanwhile arrives (an
 * export overwritten by a new one under the same name: all of the new one) and nothing is sent twice.
 */
class ApiConnectIT {
    private static final String POSTS = "api-it.posts";
    private static final String DLQ = "api-it.dlq";
    private static final String HEALTH = "api-it.health";
    private static final String API = "/api/messages";
    private static final String ARCHIVE = "/api/archive";
    private static final String TOKEN = "Bearer it-t0ken";
    private static final String BOARD = "board:www.demo.yuqing.invalid/zmhd";

    @TempDir
    Path dir;
    /** The board's pages by query, and how often each query was asked. */
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final Map<String, Integer> asked = new ConcurrentHashMap<>();

    private static String message(int mid, String extra) {
        return "{\"mid\":" + mid + ",\"content\":\"留言" + mid + "\",\"created_at\":\"2026-05-15 09:0" + mid + ":00\","
                + "\"user\":{\"name\":\"市民" + mid + "\"}" + extra + "}";
    }

    private static String page(String... items) {
        return "{\"code\":0,\"data\":{\"items\":[" + String.join(",", items) + "]}}";
    }

    private static String weibo(int n) {
        return "{\"mid\":\"w" + n + "\",\"text\":\"第" + n + "条微博\",\"created_at\":\"2026-05-15 10:0" + n + ":00\","
                + "\"user\":{\"screen_name\":\"网友" + n + "\"}}\n";
    }

    /** The board: the token checked on every request, then per query the faults scripted below, then the page. */
    private FeedServer.Reply board(String path, String query, Map<String, String> headers) throws InterruptedException {
        if (!TOKEN.equals(headers.get("authorization"))) {
            return new FeedServer.Reply(401, Map.of(), new byte[0]);
        }
        int n = asked.merge(path + "?" + query, 1, Integer::sum);
        if (path.equals(API) && query.equals("page=1") && n == 1) {
            return new FeedServer.Reply(429, Map.of("Retry-After", "1"), new byte[0]);
        }
        if (path.equals(API) && query.equals("page=2")) {
            return n == 1 ? new FeedServer.Reply(503, Map.of(), new byte[0]) : new FeedServer.Reply(302, Map.of("Location", ARCHIVE + "?page=2"), new byte[0]);
        }
        if (path.equals(ARCHIVE)) {
            Thread.sleep(800); // slow, but under http.timeout.ms
        }
        return json(pages.getOrDefault(query, page()));
    }

    private Map<String, Map<String, String>> connectors(FeedServer server, Path secrets, Path exports) {
        Map<String, Map<String, String>> c = new LinkedHashMap<>();
        Map<String, String> api = configuration(HttpApiSourceConnector.class, POSTS, DLQ);
        api.put("api.url", server.uri(API) + "?page={page}");
        api.put("api.account", BOARD);
        api.put("api.items.pointer", "/data/items");
        api.put("api.mapping", "id=/mid,text=/content,publishedAt=/created_at,author=/user/name,replyTo=/reply_to,threadId=/thread_id");
        api.put("api.region", "示范市");
        api.put("health.topic", HEALTH);
        api.put("http.headers", "${file:" + secrets + ":headers}");
        api.put("http.timeout.ms", "3000");
        api.put("http.allowed.hosts", "127.0.0.1"); // the fixture server; loopback is refused by default
        api.put("poll.interval.ms", "500");
        api.put("retry.backoff.initial.ms", "100");
        c.put("zmhd-api", api);
        Map<String, String> export = configuration(ExportDirectorySourceConnector.class, POSTS, DLQ);
        export.put("export.dir", exports.toString());
        export.put("export.glob", "weibo-*.jsonl");
        export.put("export.mapping", "id=mid,text=text,publishedAt=created_at,author=/user/screen_name,source='weibo',account='weibo:demo'");
        export.put("export.poll.interval.ms", "200");
        c.put("weibo-exports", export);
        return c;
    }

    @Test
    void ingestsAnApiAndAnExportDirectorySurvivesFaultsAndResumesAfterARestartWithoutResending() throws Exception {
        pages.put("page=1", page(message(3, ",\"reply_to\":\"2\",\"thread_id\":\"2\""), message(2, ",\"thread_id\":\"2\""),
                "{\"content\":\"没有编号的留言\"}"));
        pages.put("page=2", page(message(1, ""), message(4, ",\"created_at\":\"上周三\"")));
        Path secrets = Files.writeString(dir.resolve("api.properties"), "headers=Authorization: " + TOKEN + "\n");
        Path exports = Files.createDirectories(dir.resolve("exports"));
        Files.writeString(exports.resolve("weibo-0501.jsonl"), weibo(1) + weibo(2));
        Files.writeString(exports.resolve("weibo-0502.jsonl"), weibo(3) + "{\"mid\":\"w-broken\"\n");
        Files.writeString(exports.resolve("readme.txt"), "not an export\n");

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0); FeedServer server = FeedServer.start()) {
            kafka.createTopics(List.of(POSTS, DLQ, HEALTH), 2);
            server.route(API, (query, headers) -> board(API, query, headers));
            server.route(ARCHIVE, (query, headers) -> board(ARCHIVE, query, headers));
            Map<String, Map<String, String>> connectors = connectors(server, secrets, exports);

            try (EmbeddedConnect connect = EmbeddedConnect.start(kafka.bootstrapServers(), dir.resolve("connect"), 0)) {
                // A bad configuration is refused by the worker with the connector's own messages.
                Map<String, String> bad = new LinkedHashMap<>(connectors.get("zmhd-api"));
                bad.put("api.url", server.uri(API) + "?cursor={cursor}");
                HttpResponse<String> refused = rest(connect, "PUT", "connectors/bad-api/config", bad);
                assertThat(refused.statusCode()).isEqualTo(400);
                assertThat(refused.body()).contains("api.url has no {page} for api.paging page");

                create(connect, connectors);
                // API: messages 1-3 are posts, the one without id and 4 (no time) dead letters; exports: w1-w3, the broken line.
                await("6 posts and 3 dead letters", () -> read(kafka, POSTS).size() == 6 && read(kafka, DLQ).size() == 3);
                Files.writeString(exports.resolve("weibo-0503.jsonl"), weibo(4));
                await("the file dropped in later", () -> read(kafka, POSTS).size() == 7);
                assertThat(metric("zmhd-api", "posts-total")).isEqualTo(3L);
                assertThat(metric("zmhd-api", "dead-letters-total")).isEqualTo(2L);
                assertThat(metric("weibo-exports", "dead-letters-total")).isEqualTo(1L);
            }

            List<FeedServer.Request> first = server.requests(API);
            assertThat(first.subList(0, 3)).extracting(FeedServer.Request::query, FeedServer.Request::status)
                    .containsExactly(tuple("page=1", 429), tuple("page=1", 200), tuple("page=2", 503));
            assertThat(Duration.between(first.get(0).at(), first.get(1).at())).as("the wait Retry-After asked for")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
            assertThat(server.requests(ARCHIVE)).as("the redirect followed, with the token").isNotEmpty()
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(server.requests()).allSatisfy(r -> assertThat(r.headers()).containsEntry("authorization", TOKEN));

            List<Post> posts = posts(kafka, POSTS);
            assertThat(posts).extracting(Post::id).containsExactlyInAnyOrder(BOARD + ":1", BOARD + ":2", BOARD + ":3", "w1", "w2", "w3", "w4");
            assertThat(posts).filteredOn(p -> p.id().equals(BOARD + ":3")).singleElement().satisfies(p -> {
                assertThat(p.replyTo()).isEqualTo(BOARD + ":2");
                assertThat(p.threadId()).isEqualTo(BOARD + ":2");
                assertThat(p.author()).isEqualTo("市民3");
                assertThat(p.region()).isEqualTo("示范市");
                assertThat(p.source().code()).isEqualTo("citizen-message");
            });
            assertThat(posts).filteredOn(p -> p.id().equals("w2")).singleElement().satisfies(p -> {
                assertThat(p.author()).isEqualTo("网友2");
                assertThat(p.account()).isEqualTo("weibo:demo");
            });

            List<DeadLetter> dead = deadLetters(kafka, DLQ);
            assertThat(dead).extracting(DeadLetter::field, DeadLetter::origin).containsExactlyInAnyOrder(
                    tuple("id", server.uri(API) + "?page=1#item-3"),
                    tuple("publishedAt", server.uri(API) + "?page=2#item-2"),
                    tuple("record", "weibo-0502.jsonl:2"));

            // While the worker is down a message is posted on the board, and exports are dropped in and appended to,
            // and one is overwritten by a new export with more records under the same name.
            pages.put("page=1", page(message(5, ""), message(3, ""), message(2, "")));
            Files.writeString(exports.resolve("weibo-0504.jsonl"), weibo(5));
            Files.writeString(exports.resolve("weibo-0501.jsonl"), weibo(6), StandardOpenOption.APPEND);
            Files.writeString(exports.resolve("weibo-0502.jsonl"), weibo(7) + weibo(8) + weibo(9));

            try (EmbeddedConnect connect = EmbeddedConnect.start(kafka.bootstrapServers(), dir.resolve("connect"), 0)) {
                create(connect, connectors);
                await("the new message and the new lines", () -> keys(kafka, POSTS).containsAll(List.of(BOARD + ":5", "w5", "w6", "w9")));
                int before = server.requests(API).size();
                await("another poll of the board", () -> server.requests(API).size() > before + 1);
                assertThat(metric("weibo-exports", "items-total")).as("w5, w6 and the whole overwritten export; finished files are not read again")
                        .isEqualTo(5L);
            }
            List<String> keys = keys(kafka, POSTS);
            assertThat(keys).as("nothing sent twice").doesNotHaveDuplicates().hasSize(13).contains(BOARD + ":5", "w5", "w6", "w7", "w8", "w9");
            assertThat(read(kafka, DLQ)).as("no dead letter sent twice").hasSize(3);
        }
    }
}
