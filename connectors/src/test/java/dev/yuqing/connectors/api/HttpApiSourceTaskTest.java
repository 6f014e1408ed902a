package dev.yuqing.connectors.api;

import static dev.yuqing.connectors.http.FeedServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.connect.SourceHealth;
import dev.yuqing.connectors.connect.StartedTasks;
import dev.yuqing.connectors.http.FeedServer;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.PostJson;
import dev.yuqing.core.source.SourceHeartbeat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task driven by hand against a real HTTP server that pages like an API, committing offsets
 * as the worker would; {@code ApiConnectIT} in local runs it in a real Connect worker.
 */
class HttpApiSourceTaskTest {
    static final String ACCOUNT = "board:www.demo.yuqing.invalid/zmhd";
    static final String PATH = "/api/messages";
    static final String DLQ = "posts.dlq";
    private FeedServer server;
    private final StartedTasks<HttpApiSourceTask> tasks = new StartedTasks<>(HttpApiSourceTask::new);
    /** What the API answers, by its query. */
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        server = FeedServer.start();
        server.route(PATH, (query, headers) -> {
            if (!"Bearer t0ken".equals(headers.get("authorization"))) {
                return new FeedServer.Reply(401, Map.of(), new byte[0]);
            }
            return json(answers.getOrDefault(query, "{\"data\":{\"items\":[]}}"));
        });
    }

    @AfterEach
    void stop() {
        tasks.stopAll();
        server.close();
    }

    static String item(int mid, String extra) {
        return "{\"mid\":" + mid + ",\"content\":\"留言" + mid + "\",\"created_at\":\"2026-05-1" + (mid % 10) + " 09:00:00\","
                + "\"user\":{\"name\":\"市民" + mid + "\"}" + extra + "}";
    }

    static String page(String... items) {
        return "{\"data\":{\"items\":[" + String.join(",", items) + "]}}";
    }

    private HttpApiSourceTask task(String paging, String query, Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of(HttpApiConfig.API_URL, server.uri(PATH).toString() + "?" + query,
                HttpApiConfig.API_PAGING, paging, HttpApiConfig.API_ACCOUNT, ACCOUNT, HttpApiConfig.API_ITEMS_POINTER, "/data/items",
                HttpApiConfig.API_MAPPING, "id=/mid,text=/content,publishedAt=/created_at,author=/user/name,replyTo=/reply_to,threadId=/thread_id",
                HttpApiConfig.HTTP_HEADERS, "Authorization: Bearer t0ken", "poll.interval.ms", "100", "retry.backoff.initial.ms", "10",
                "retry.max.attempts", "2", "http.allowed.hosts", "127.0.0.1"));
        props.put(SourceHealth.HEALTH_TOPIC, ""); // the tests of the posts expect no heartbeats
        props.putAll(extra);
        return tasks.start(props);
    }

    /** Polls until the API has been asked {@code requests} times in all; what the polls returned, committed. */
    private List<SourceRecord> pollUntil(HttpApiSourceTask task, int requests) throws InterruptedException {
        List<SourceRecord> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.requests(PATH).size() < requests) {
            assertThat(System.nanoTime()).as("the API asked %d times", requests).isLessThan(deadline);
            List<SourceRecord> polled = task.poll();
            if (polled != null) {
                out.addAll(polled);
                tasks.context().commit(polled);
            }
        }
        return out;
    }

    private static List<Post> posts(List<SourceRecord> records) {
        PostJson json = new PostJson();
        return records.stream().filter(r -> !r.topic().equals(DLQ)).map(r -> {
            try {
                return json.read((byte[]) r.value());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static List<DeadLetter> deadLetters(List<SourceRecord> records) {
        return records.stream().filter(r -> r.topic().equals(DLQ)).map(r -> {
            try {
                return DeadLetter.fromJson((byte[]) r.value());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private List<String> queries() {
        return server.requests(PATH).stream().map(FeedServer.Request::query).toList();
    }

    /** Each poll ends with one heartbeat: failed when the first request's answer cannot be read, read otherwise. */
    @Test
    void eachPollEndsWithAHeartbeat() throws Exception {
        answers.put("page=1", "<html>维护中</html>");
        HttpApiSourceTask task = task("page", "page={page}", Map.of(SourceHealth.HEALTH_TOPIC, "api-it.health", "name", "zmhd-api"));
        List<SourceRecord> failed = pollUntil(task, 1);
        assertThat(failed).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("api-it.health");
            assertThat(new String((byte[]) r.key(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(ACCOUNT);
            SourceHeartbeat beat = Json.MAPPER.readValue((byte[]) r.value(), SourceHeartbeat.class);
            assertThat(beat).extracting(SourceHeartbeat::account, SourceHeartbeat::connector, SourceHeartbeat::ok, SourceHeartbeat::lastSuccess)
                    .containsExactly(ACCOUNT, "zmhd-api", false, null);
            assertThat(beat.error()).contains("not JSON");
        });

        answers.put("page=1", page(item(1, "")));
        List<SourceRecord> read = pollUntil(task, 3);
        assertThat(read).extracting(SourceRecord::topic).containsExactly("posts.raw", "api-it.health");
        SourceHeartbeat beat = Json.MAPPER.readValue((byte[]) read.get(1).value(), SourceHeartbeat.class);
        assertThat(beat.ok()).isTrue();
        assertThat(beat.error()).isEmpty();
        assertThat(beat.lastSuccess()).isEqualTo(beat.at());
        assertThat(new HashMap<String, Object>(read.get(1).sourceOffset())).containsAllEntriesOf(new HashMap<String, Object>(read.get(0).sourceOffset()));
    }

    /** An API that redirects to an address the policy refuses is a source not read: a failed heartbeat, not a failed task. */
    @Test
    void aRedirectToARefusedAddressIsASourceNotRead() throws Exception {
        server.serve("/moved", FeedServer.redirect(302, "http://127.0.0.2:9/api"));
        Map<String, String> props = new HashMap<>(Map.of(HttpApiConfig.API_URL, server.uri("/moved").toString() + "?page={page}",
                HttpApiConfig.API_PAGING, "page", HttpApiConfig.API_ACCOUNT, ACCOUNT, HttpApiConfig.API_ITEMS_POINTER, "/data/items",
                HttpApiConfig.API_MAPPING, "id=/mid,text=/content,publishedAt=/created_at", "poll.interval.ms", "100",
                "http.allowed.hosts", "127.0.0.1", SourceHealth.HEALTH_TOPIC, "api-it.health", "name", "moved-api"));
        HttpApiSourceTask task = tasks.start(props);
        List<SourceRecord> out = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (out == null) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            out = task.poll();
        }
        assertThat(out).singleElement().satisfies(r -> {
            SourceHeartbeat beat = Json.MAPPER.readValue((byte[]) r.value(), SourceHeartbeat.class);
            assertThat(beat.ok()).isFalse();
            assertThat(beat.error()).contains("redirects to http://127.0.0.2:9/api", "loopback");
        });
    }

    @Test
    void pagesUntilAnEmptyPageMapsByPointerAndSendsOnlyNewItemsAcrossARestart() throws Exception {
        answers.put("page=1", page(item(3, ",\"reply_to\":\"2\",\"thread_id\":\"1\""), item(2, ""), "{\"content\":\"无编号\"}"));
        answers.put("page=2", page(item(1, ",\"created_at\":\"昨天\"")));
        List<SourceRecord> first = pollUntil(task("page", "page={page}", Map.of()), 3);
        assertThat(queries()).containsExactly("page=1", "page=2", "page=3");
        assertThat(server.requests(PATH)).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));

        List<Post> posts = posts(first);
        assertThat(posts).extracting(Post::id).containsExactly(ACCOUNT + ":3", ACCOUNT + ":2");
        assertThat(posts.get(0)).satisfies(p -> {
            assertThat(p.text()).isEqualTo("留言3");
            assertThat(p.author()).isEqualTo("市民3");
            assertThat(p.replyTo()).isEqualTo(ACCOUNT + ":2");
            assertThat(p.threadId()).isEqualTo(ACCOUNT + ":1");
            assertThat(p.source().code()).isEqualTo("citizen-message");
            assertThat(p.account()).isEqualTo(ACCOUNT);
            assertThat(p.fetchedAt()).isNotNull();
        });
        assertThat(deadLetters(first)).extracting(DeadLetter::field, DeadLetter::origin).containsExactly(
                org.assertj.core.groups.Tuple.tuple("id", server.uri(PATH) + "?page=1#item-3"),
                org.assertj.core.groups.Tuple.tuple("publishedAt", server.uri(PATH) + "?page=2#item-1"));
        assertThat(tasks.context().metric("posts-total")).isEqualTo(2L);

        // A new message on top; the next poll stops at page 1, whose other items were all sent.
        answers.put("page=1", page(item(4, ""), item(3, ""), item(2, "")));
        answers.put("page=2", page(item(2, ""), item(1, ",\"created_at\":\"昨天\"")));
        List<SourceRecord> second = pollUntil(tasks.first(), 5);
        assertThat(posts(second)).extracting(Post::id).containsExactly(ACCOUNT + ":4");
        assertThat(queries().subList(3, 5)).containsExactly("page=1", "page=2");

        // The restarted task remembers what was sent through the committed offset.
        tasks.first().stop();
        tasks.restart();
        answers.put("page=1", page(item(5, ""), item(4, ""), item(3, "")));
        List<SourceRecord> third = pollUntil(task("page", "page={page}", Map.of()), 7);
        assertThat(posts(third)).extracting(Post::id).containsExactly(ACCOUNT + ":5");
        assertThat(deadLetters(third)).isEmpty();
    }

    @Test
    void followsTheCursorAndStartsTheNextPollAtTheLastOne() throws Exception {
        String withCursor = "{\"data\":{\"items\":[%s],\"next\":\"%s\"}}";
        answers.put("cursor=", withCursor.formatted(item(1, ""), "c/1")); // a cursor that needs encoding
        answers.put("cursor=c%2F1", withCursor.formatted(item(2, ""), "c2"));
        answers.put("cursor=c2", "{\"data\":{\"items\":[" + item(3, "") + "],\"next\":\"\"}}");
        Map<String, String> cursor = Map.of(HttpApiConfig.API_CURSOR_POINTER, "/data/next");
        List<SourceRecord> first = pollUntil(task("cursor", "cursor={cursor}", cursor), 3);
        assertThat(posts(first)).extracting(Post::id).containsExactly(ACCOUNT + ":1", ACCOUNT + ":2", ACCOUNT + ":3");
        assertThat(first.get(2).sourceOffset().get(ApiState.CURSOR)).isEqualTo("c2");

        answers.put("cursor=c2", withCursor.formatted(item(3, "") + "," + item(4, ""), "c3"));
        tasks.first().stop();
        tasks.restart();
        List<SourceRecord> second = pollUntil(task("cursor", "cursor={cursor}", cursor), 5);
        assertThat(queries().subList(3, 5)).containsExactly("cursor=c2", "cursor=c3");
        assertThat(posts(second)).extracting(Post::id).containsExactly(ACCOUNT + ":4");
    }

    @Test
    void sinceIdSendsOnlyHigherIdsAndKeepsTheHighest() throws Exception {
        answers.put("since_id=0", page(item(9, ""), item(10, ""), item(8, "")));
        answers.put("since_id=10", page(item(10, "")));
        Map<String, String> since = Map.of(HttpApiConfig.API_SINCE_INITIAL, "0");
        List<SourceRecord> first = pollUntil(task("since-id", "since_id={since}", since), 2);
        assertThat(posts(first)).extracting(Post::id).containsExactly(ACCOUNT + ":9", ACCOUNT + ":10", ACCOUNT + ":8");
        assertThat(first.get(2).sourceOffset().get(ApiState.SINCE)).isEqualTo("10");

        tasks.first().stop();
        tasks.restart();
        answers.put("since_id=10", page(item(11, ""), item(7, "")));
        answers.put("since_id=11", page());
        List<SourceRecord> second = pollUntil(task("since-id", "since_id={since}", since), 4);
        assertThat(queries().subList(2, 4)).containsExactly("since_id=10", "since_id=11");
        assertThat(posts(second)).extracting(Post::id).as("7 is below since-id").containsExactly(ACCOUNT + ":11");
    }

    @Test
    void anAnswerThatIsNotJsonOrLacksTheItemsIsAFailedFetchRetriedNextPoll() throws Exception {
        answers.put("page=1", "<html>维护中</html>");
        HttpApiSourceTask task = task("page", "page={page}", Map.of());
        assertThat(pollUntil(task, 1)).isEmpty();
        answers.put("page=1", "{\"data\":{\"error\":\"busy\"}}");
        assertThat(pollUntil(task, 2)).isEmpty();
        assertThat(tasks.context().metric("failures-total")).isEqualTo(2L);
        answers.put("page=1", page(item(1, "")));
        assertThat(posts(pollUntil(task, 4))).extracting(Post::id).containsExactly(ACCOUNT + ":1");
    }

    @Test
    void readsAnAnswerInTheCharsetItsContentTypeNamesOrTheConfiguredOne() throws Exception {
        byte[] gbk = page(item(1, "")).getBytes(java.nio.charset.Charset.forName("GBK"));
        Map<String, String> onePage = Map.of(HttpApiConfig.API_PAGES_MAX, "1");
        server.route(PATH, (query, headers) -> new FeedServer.Reply(200, Map.of("Content-Type", "application/json; charset=GBK"), gbk));
        assertThat(posts(pollUntil(task("page", "page={page}", onePage), 1))).extracting(Post::text).containsExactly("留言1");

        // A server that does not say: read as configured.
        server.route(PATH, (query, headers) -> new FeedServer.Reply(200, Map.of("Content-Type", "application/json"), gbk));
        tasks.forgetOffsets();
        HttpApiSourceTask configured = task("page", "page={page}", Map.of(HttpApiConfig.API_PAGES_MAX, "1", HttpApiConfig.API_CHARSET, "GBK"));
        assertThat(posts(pollUntil(configured, 2))).extracting(Post::text).containsExactly("留言1");
    }

    @Test
    void aRefusedTokenIsAFailureNotRetried() throws Exception {
        HttpApiSourceTask task = task("page", "page={page}", Map.of(HttpApiConfig.HTTP_HEADERS, "Authorization: Bearer wrong"));
        assertThat(pollUntil(task, 1)).isEmpty();
        assertThat(server.requests(PATH)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.headers()).containsEntry("authorization", "Bearer wrong").containsEntry("accept", "application/json, */*;q=0.5");
        });
        assertThat(tasks.context().metric("failures-total")).isEqualTo(1L);
    }
}
