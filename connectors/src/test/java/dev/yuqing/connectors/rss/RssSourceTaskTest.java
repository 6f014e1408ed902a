package dev.yuqing.connectors.rss;

import static dev.yuqing.connectors.http.FeedServer.feed;
import static dev.yuqing.connectors.http.FeedServer.resource;
import static dev.yuqing.connectors.http.FeedServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.connect.HttpSourceKeys;
import dev.yuqing.connectors.connect.SourceHealth;
import dev.yuqing.connectors.connect.StartedTasks;
import dev.yuqing.connectors.http.FeedServer;
import dev.yuqing.core.Topics;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.PostJson;
import dev.yuqing.core.source.SourceHeartbeat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task driven by hand against a real HTTP server, committing offsets as the worker would;
 * {@code ConnectIT} in local runs it in a real Connect worker against a real broker.
 */
class RssSourceTaskTest {
    static final String ACCOUNT = "site:www.demo.yuqing.invalid/sfyw";
    private FeedServer server;
    private final StartedTasks<RssSourceTask> tasks = new StartedTasks<>(RssSourceTask::new);

    @BeforeEach
    void start() throws Exception {
        server = FeedServer.start();
    }

    @AfterEach
    void stop() {
        tasks.stopAll();
        server.close();
    }

    /** A task without heartbeats, which the tests of the posts do not expect. */
    private RssSourceTask task() {
        return task(Map.of(SourceHealth.HEALTH_TOPIC, ""));
    }

    private RssSourceTask task(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of(RssConfig.FEED_URL, server.uri("/sfyw/rss.xml").toString(), RssConfig.FEED_ACCOUNT, ACCOUNT,
                RssConfig.FEED_REGION, "示范市", RssConfig.POLL_INTERVAL_MS, "100", RssConfig.RETRY_BACKOFF_INITIAL_MS, "10",
                HttpSourceKeys.HTTP_ALLOWED_HOSTS, "127.0.0.1"));
        props.putAll(extra);
        return tasks.start(props);
    }

    /** Polls until the server has seen {@code requests} requests of the feed; what the polls returned. */
    private List<SourceRecord> pollUntil(RssSourceTask task, int requests) throws InterruptedException {
        List<SourceRecord> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.requests("/sfyw/rss.xml").size() < requests) {
            assertThat(System.nanoTime()).as("the feed fetched %d times", requests).isLessThan(deadline);
            List<SourceRecord> polled = task.poll();
            if (polled != null) {
                out.addAll(polled);
            }
        }
        return out;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void sendsNewItemsOncePostsOrDeadLettersAndResumesWithAConditionalGet() throws Exception {
        server.serve("/sfyw/rss.xml", status(503), status(429, "Retry-After", "1"),
                feed(resource("/feeds/rss2.xml"), "application/rss+xml; charset=utf-8", "\"v1\"", null));
        RssSourceTask task = task();
        List<SourceRecord> first = pollUntil(task, 3);
        assertThat(server.requests("/sfyw/rss.xml")).extracting(FeedServer.Request::status).containsExactly(503, 429, 200);

        assertThat(first).extracting(SourceRecord::topic)
                .containsExactly("posts.raw", "posts.raw", "posts.raw", "posts.dlq", "posts.dlq", "posts.raw");
        PostJson json = new PostJson();
        List<Post> posts = new ArrayList<>();
        for (SourceRecord r : first.stream().filter(r -> r.topic().equals("posts.raw")).toList()) {
            Post p = json.read((byte[]) r.value());
            assertThat(text((byte[]) r.key())).isEqualTo(p.id());
            posts.add(p);
        }
        assertThat(posts).extracting(Post::id).containsExactly(
                ACCOUNT + ":https://www.demo.yuqing.invalid/sfyw/2026/05/art_1000.html",
                ACCOUNT + ":https://www.demo.yuqing.invalid/sfyw/2026/05/art_1001.html",
                ACCOUNT + ":sfyw-1002",
                ACCOUNT + ":sfyw-1005");
        assertThat(posts).allSatisfy(p -> {
            assertThat(p.source().code()).isEqualTo("site-page");
            assertThat(p.account()).isEqualTo(ACCOUNT);
            assertThat(p.region()).isEqualTo("示范市");
        });
        assertThat(posts.get(1).publishedAt()).isEqualTo(Instant.parse("2026-05-11T02:00:00Z"));
        assertThat(posts.get(2).url()).isEqualTo(server.uri("/sfyw/2026/05/art_1002.html").toString());
        assertThat(posts.get(3).text()).isEqualTo("5月15日，示范市召开防汛工作会议。 会议要求各区 做好准备。");

        DeadLetter noLink = DeadLetter.fromJson((byte[]) first.get(3).value());
        assertThat(noLink.stage()).isEqualTo("connector");
        assertThat(noLink.field()).isEqualTo("url");
        assertThat(noLink.origin()).isEqualTo(server.uri("/sfyw/rss.xml") + "#item-3");
        assertThat(noLink.raw()).contains("sfyw-1003");
        assertThat(first.get(3).key()).isNull();
        DeadLetter badDate = DeadLetter.fromJson((byte[]) first.get(4).value());
        assertThat(badDate.field()).isEqualTo("publishedAt");
        assertThat(badDate.reason()).startsWith("not a time: '星期四 下午三点'");
        assertThat(badDate.key()).isEqualTo(ACCOUNT + ":sfyw-1004");

        // Only the last record of the fetch moves the cursor.
        assertThat(first.subList(0, 5)).allSatisfy(r -> assertThat(r.sourceOffset()).doesNotContainKey("etag"));
        assertThat(first.get(5).sourceOffset().get("etag")).isEqualTo("\"v1\"");
        tasks.context().commit(first);

        assertThat(pollUntil(task, 4)).isEmpty();
        assertThat(server.requests("/sfyw/rss.xml").get(3).status()).isEqualTo(304);
        assertThat(tasks.context().metric("posts-total")).isEqualTo(4L);
        assertThat(tasks.context().metric("dead-letters-total")).isEqualTo(2L);
        assertThat(tasks.context().metric("not-modified-total")).isEqualTo(1L);
        task.stop();
        tasks.restart();

        // A new task (a restart) resumes from the committed cursor: conditional GET, nothing re-sent.
        RssSourceTask again = task();
        assertThat(pollUntil(again, 5)).isEmpty();
        FeedServer.Request resumed = server.requests("/sfyw/rss.xml").get(4);
        assertThat(resumed.headers()).containsEntry("if-none-match", "\"v1\"");
        assertThat(resumed.status()).isEqualTo(304);

        // The column publishes: only the new item is sent, although the feed repeats the others.
        server.serve("/sfyw/rss.xml", feed(resource("/feeds/rss2-v2.xml"), "application/rss+xml; charset=utf-8", "\"v2\"", null));
        List<SourceRecord> next = pollUntil(again, 6);
        assertThat(next).singleElement().satisfies(r -> assertThat(text((byte[]) r.key())).isEqualTo(ACCOUNT + ":sfyw-1006"));
        assertThat(tasks.context().metric("duplicates-total")).isEqualTo(5L);
    }

    /**
     * After each fetch, one heartbeat keyed by the account: failed with the reason (a status, a
     * document that is no feed), read (also when not modified) with its time as the last success,
     * which a failure after a restart still carries.
     */
    @Test
    void eachFetchEndsWithAHeartbeatThatKeepsTheLastSuccessAcrossARestart() throws Exception {
        server.serve("/sfyw/rss.xml", status(404), feed(resource("/feeds/rss2.xml"), "application/rss+xml; charset=utf-8", "\"v1\"", null));
        Map<String, String> props = Map.of("name", "sfyw-rss", RssConfig.RETRY_MAX_ATTEMPTS, "1");
        RssSourceTask task = task(props);

        List<SourceRecord> failed = pollUntil(task, 1);
        assertThat(failed).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo(Topics.SOURCE_HEALTH);
            assertThat(text((byte[]) r.key())).isEqualTo(ACCOUNT);
        });
        SourceHeartbeat down = heartbeat(failed.get(0));
        assertThat(down).extracting(SourceHeartbeat::account, SourceHeartbeat::connector, SourceHeartbeat::ok, SourceHeartbeat::lastSuccess)
                .containsExactly(ACCOUNT, "sfyw-rss", false, null);
        assertThat(down.error()).contains("404");

        Instant beforeRead = Instant.now();
        List<SourceRecord> read = pollUntil(task, 2);
        assertThat(read).extracting(SourceRecord::topic).hasSize(7).endsWith("posts.raw", Topics.SOURCE_HEALTH);
        SourceHeartbeat up = heartbeat(read.get(read.size() - 1));
        assertThat(up.ok()).isTrue();
        assertThat(up.error()).isEmpty();
        assertThat(up.lastSuccess()).isEqualTo(up.at()).isAfterOrEqualTo(beforeRead);
        assertThat(new HashMap<String, Object>(read.get(read.size() - 1).sourceOffset())).as("the cursor the posts end with, and the last success")
                .containsAllEntriesOf(new HashMap<String, Object>(read.get(read.size() - 2).sourceOffset())).containsEntry("lastSuccess", up.lastSuccess().toString());

        List<SourceRecord> notModified = pollUntil(task, 3);
        assertThat(notModified).as("a 304: read, nothing new").singleElement().satisfies(r -> assertThat(heartbeat(r).ok()).isTrue());
        tasks.context().commit(read);
        task.stop();
        tasks.restart();

        server.serve("/sfyw/rss.xml", status(500));
        List<SourceRecord> afterRestart = pollUntil(task(props), 4);
        SourceHeartbeat stillDown = heartbeat(afterRestart.get(afterRestart.size() - 1));
        assertThat(stillDown.ok()).isFalse();
        assertThat(stillDown.error()).contains("500");
        assertThat(stillDown.lastSuccess()).as("from the offset").isEqualTo(up.lastSuccess());
    }

    private static SourceHeartbeat heartbeat(SourceRecord r) throws java.io.IOException {
        assertThat(r.topic()).isEqualTo(Topics.SOURCE_HEALTH);
        return Json.MAPPER.readValue((byte[]) r.value(), SourceHeartbeat.class);
    }

    @Test
    void anItemTwiceInOneDocumentIsSentOnce() throws Exception {
        String item = "<item><title>置顶：示范市政务服务热线</title><guid isPermaLink=\"false\">sfyw-top</guid>"
                + "<link>https://www.demo.yuqing.invalid/sfyw/top.html</link><pubDate>Fri, 15 May 2026 09:30:00 +0800</pubDate></item>";
        byte[] rss = ("<rss version=\"2.0\"><channel><title>t</title>" + item + item + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
        server.serve("/sfyw/rss.xml", feed(rss, "application/rss+xml", null, null));
        List<SourceRecord> out = pollUntil(task(), 1);
        assertThat(out).singleElement().satisfies(r -> assertThat(text((byte[]) r.key())).isEqualTo(ACCOUNT + ":sfyw-top"));
        assertThat(tasks.context().metric("duplicates-total")).isEqualTo(1L);
    }

    @Test
    void aDocumentThatIsNoFeedIsCountedAsAFailureAndSendsNothing() throws Exception {
        server.serve("/sfyw/rss.xml", feed("<html><body>系统维护中</body></html>".getBytes(StandardCharsets.UTF_8), "text/html", null, null));
        RssSourceTask task = task();
        assertThat(pollUntil(task, 2)).isEmpty();
        assertThat((Long) tasks.context().metric("failures-total")).isGreaterThanOrEqualTo(1L);
    }
}
