package dev.yuqing.connectors.site;

import static dev.yuqing.connectors.connect.StartedTasks.key;
import static dev.yuqing.connectors.http.FeedServer.page;
import static dev.yuqing.connectors.http.FeedServer.resource;
import static dev.yuqing.connectors.http.FeedServer.status;
import static dev.yuqing.connectors.site.SiteFixtures.BOARD;
import static dev.yuqing.connectors.site.SiteFixtures.COLUMN;
import static dev.yuqing.connectors.site.SiteFixtures.HTML;
import static dev.yuqing.connectors.site.SiteFixtures.board;
import static dev.yuqing.connectors.site.SiteFixtures.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.connect.SourceHealth;
import dev.yuqing.connectors.connect.StartedTasks;
import dev.yuqing.connectors.http.FeedServer;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.Topics;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.source.LinkCheck;
import dev.yuqing.core.source.SourceHeartbeat;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.PostJson;
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
 * {@code SiteConnectIT} in local runs it in a real Connect worker against a real broker.
 */
class HtmlSiteSourceTaskTest {
    private FeedServer server;
    private final StartedTasks<HtmlSiteSourceTask> tasks = new StartedTasks<>(HtmlSiteSourceTask::new);
    private final PostJson json = new PostJson();

    @BeforeEach
    void start() throws Exception {
        server = FeedServer.start();
        SiteFixtures.serve(server);
    }

    @AfterEach
    void stop() {
        tasks.stopAll();
        server.close();
    }

    private HtmlSiteSourceTask task(Map<String, String> props) {
        Map<String, String> m = new HashMap<>(props);
        m.put(SiteConfig.POLL_INTERVAL_MS, "200");
        m.put("retry.backoff.initial.ms", "10");
        m.putIfAbsent(SiteConfig.HOST_MIN_DELAY_MS, "0");
        m.putIfAbsent(SourceHealth.HEALTH_TOPIC, ""); // the tests of the posts expect no heartbeats
        return tasks.start(m);
    }

    /** Polls until a poll returns records, or fails after 20 s. */
    private static List<SourceRecord> pollForRecords(HtmlSiteSourceTask task) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            assertThat(System.nanoTime()).as("records within 20 s").isLessThan(deadline);
            List<SourceRecord> polled = task.poll();
            if (polled != null) {
                return polled;
            }
        }
    }

    /** Polls for {@code duration}, collecting whatever comes. */
    private static List<SourceRecord> pollFor(HtmlSiteSourceTask task, Duration duration) throws InterruptedException {
        List<SourceRecord> out = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            List<SourceRecord> polled = task.poll();
            if (polled != null) {
                out.addAll(polled);
            }
        }
        return out;
    }

    private String item(String n) {
        return COLUMN + ":" + server.uri("/tzgg/2026/05/art_" + n + ".html");
    }

    @Test
    void readsAColumnAcrossPagesOnceAndOnlyWhatIsNewAfterARestart() throws Exception {
        HtmlSiteSourceTask task = task(column(server.uri("/tzgg/index.html").toString()));
        List<SourceRecord> first = pollForRecords(task);

        assertThat(first).extracting(SourceRecord::topic).containsExactly(
                "site.links", "posts.dlq", "posts.raw", "posts.raw", "posts.raw", "posts.raw", "posts.raw");
        assertThat(key(first.get(0))).as("the one dead link of the list pages").isEqualTo(server.uri("/tzgg/old/art_0001.html").toString());
        LinkCheck dead = Json.MAPPER.readValue((byte[]) first.get(0).value(), LinkCheck.class);
        assertThat(dead.account()).isEqualTo(COLUMN);
        assertThat(dead.link()).isEqualTo(server.uri("/tzgg/old/art_0001.html").toString());
        assertThat(dead.pageUrl()).isEqualTo(server.uri("/tzgg/index.html").toString());
        assertThat(dead.dead()).isTrue();
        assertThat(dead.status()).isEqualTo(404);
        assertThat(dead.reason()).contains("404");
        assertThat(dead.checkedAt()).isNotNull();

        DeadLetter badTime = DeadLetter.fromJson((byte[]) first.get(1).value());
        assertThat(badTime.field()).isEqualTo("publishedAt");
        assertThat(badTime.reason()).startsWith("not a time: '发布时间：星期五 上午'");
        assertThat(badTime.origin()).isEqualTo(server.uri("/tzgg/2026/05/art_4007.html").toString());
        assertThat(badTime.key()).isEqualTo(item("4007"));

        List<Post> posts = new ArrayList<>();
        for (SourceRecord r : first.subList(2, first.size())) {
            Post p = json.read((byte[]) r.value());
            assertThat(key(r)).isEqualTo(p.id());
            posts.add(p);
        }
        // Oldest first: page 2 before page 1, each page bottom up.
        assertThat(posts).extracting(Post::id).containsExactly(item("4006"), item("4005"), item("4003"), item("4002"), item("4001"));
        assertThat(posts).allSatisfy(p -> {
            assertThat(p.source().code()).isEqualTo("site-page");
            assertThat(p.region()).isEqualTo("示范市");
        });
        assertThat(posts.get(0).title()).as("behind a redirect").isEqualTo("示范市政务服务中心搬迁公告");
        assertThat(posts.get(1).text()).as("after a 503").startsWith("端午节放假安排如下");
        assertThat(posts.get(2).text()).as("broken HTML").startsWith("因管网维修");
        assertThat(posts.get(3).title()).as("GBK").isEqualTo("关于开展王喆同志先进事迹学习活动的通知");
        assertThat(posts.get(4).publishedAt()).isEqualTo(Instant.parse("2026-05-15T01:30:00Z"));
        assertThat(posts.get(4).text()).as("with its attachments").startsWith("各区人民政府，市各有关单位：\n现将2026年防汛工作安排通知如下。"
                        + "\n\n附件：防汛值班人员名单.xlsx\n").contains(AttachmentFixtures.ID_IN_XLSX)
                .contains("\n\n附件：duty.pdf\nDuty list\nID " + AttachmentFixtures.ID_IN_PDF);

        assertThat(server.requests("/tzgg/private/art_4008.html")).as("disallowed by robots.txt").isEmpty();
        assertThat(server.requests("/tzgg/2026/05/art_4005.html")).extracting(FeedServer.Request::status).containsExactly(503, 200);
        assertThat(server.requests("/robots.txt")).hasSize(1);
        assertThat(tasks.context().metric("robots-skipped-total")).isEqualTo(1L);
        assertThat(tasks.context().metric("column-latest-update-ms")).isEqualTo(Instant.parse("2026-05-15T01:30:00Z").toEpochMilli());
        assertThat(tasks.context().metric("posts-total")).isEqualTo(5L);
        assertThat(tasks.context().metric("dead-letters-total")).isEqualTo(1L);
        assertThat(tasks.context().metric("dead-links-total")).isEqualTo(1L);

        // Only the last record moves the cursor.
        assertThat(first.subList(0, first.size() - 1)).allSatisfy(r -> assertThat(r.sourceOffset().get("seen")).isEqualTo(""));
        assertThat(((String) first.get(first.size() - 1).sourceOffset().get("seen")).split(",")).hasSize(6);
        assertThat(first.get(first.size() - 1).sourceOffset().get("newest")).isEqualTo("2026-05-15T01:30:00Z");
        tasks.context().commit(first);

        // The next polls of the same task send nothing again: no item, and the dead link only once while it stays dead.
        assertThat(pollFor(task, Duration.ofMillis(600))).isEmpty();
        assertThat((Long) tasks.context().metric("links-checked-total")).as("the links are checked again on later polls").isGreaterThanOrEqualTo(14L);
        task.stop();
        tasks.restart();

        // After a restart, the column lists a new item on top: only it is fetched and sent.
        server.serve("/tzgg/index.html", page(new String(resource("/site/tzgg-index.html"), StandardCharsets.UTF_8)
                .replace("<ul class=\"list\">", "<ul class=\"list\">\n  <li><a href=\"2026/05/art_4009.html\">示范市2026年高考期间噪声管控的通告</a></li>")
                .replace("<a href=\"/tzgg/old/art_0001.html\">已撤销的旧通知</a>", "")
                .getBytes(StandardCharsets.UTF_8), HTML));
        server.serve("/tzgg/2026/05/art_4009.html", page(resource("/site/art_4009.html"), HTML));
        int before4001 = server.requests("/tzgg/2026/05/art_4001.html").size();
        HtmlSiteSourceTask again = task(column(server.uri("/tzgg/index.html").toString()));
        List<SourceRecord> next = pollFor(again, Duration.ofMillis(800));
        assertThat(next).filteredOn(r -> !r.topic().equals("site.links")).singleElement()
                .satisfies(r -> assertThat(key(r)).isEqualTo(item("4009")));
        // The page no longer links the dead link (the usual fix): reported gone, so that its finding closes.
        assertThat(next).filteredOn(r -> r.topic().equals("site.links")).singleElement().satisfies(r -> {
            LinkCheck gone = Json.MAPPER.readValue((byte[]) r.value(), LinkCheck.class);
            assertThat(gone).extracting(LinkCheck::link, LinkCheck::dead, LinkCheck::reason).containsExactly(
                    server.uri("/tzgg/old/art_0001.html").toString(), false, "no longer linked from " + server.uri("/tzgg/index.html"));
        });
        assertThat(server.requests("/tzgg/2026/05/art_4001.html")).as("a page read before is not fetched again").hasSize(before4001);
        assertThat(tasks.context().metric("column-latest-update-ms")).isEqualTo(Instant.parse("2026-05-16T09:00:00Z").toEpochMilli());
    }

    @Test
    void aLinkCheckAsksOnceWhereAnItemPageIsRetried() throws Exception {
        server.serve("/about.html", status(503));
        List<SourceRecord> first = pollForRecords(task(column(server.uri("/tzgg/index.html").toString())));

        assertThat(first).filteredOn(r -> r.topic().equals("site.links")).extracting(r -> key(r))
                .contains(server.uri("/about.html").toString());
        assertThat(server.requests("/about.html")).extracting(FeedServer.Request::status).containsExactly(503);
        assertThat(server.requests("/tzgg/2026/05/art_4005.html")).extracting(FeedServer.Request::status).containsExactly(503, 200);
    }

    /** Each poll ends with one heartbeat: failed when the first list page was not read, read otherwise. */
    @Test
    void eachPollEndsWithAHeartbeat() throws Exception {
        server.serve("/tzgg/index.html", status(404), page(resource("/site/tzgg-index.html"), HTML));
        Map<String, String> props = column(server.uri("/tzgg/index.html").toString());
        props.put(SourceHealth.HEALTH_TOPIC, Topics.SOURCE_HEALTH);
        props.put(SiteConfig.LINKS_CHECK_MAX, "0");
        HtmlSiteSourceTask task = task(props);

        List<SourceRecord> failed = pollForRecords(task);
        assertThat(failed).singleElement().satisfies(r -> {
            assertThat(key(r)).isEqualTo(COLUMN);
            SourceHeartbeat beat = heartbeat(r);
            assertThat(beat).extracting(SourceHeartbeat::account, SourceHeartbeat::ok, SourceHeartbeat::lastSuccess)
                    .containsExactly(COLUMN, false, null);
            assertThat(beat.error()).contains("404");
        });

        List<SourceRecord> read = pollForRecords(task);
        SourceRecord last = read.get(read.size() - 1);
        assertThat(read.subList(0, read.size() - 1)).as("the posts, then the heartbeat").isNotEmpty()
                .allSatisfy(r -> assertThat(r.topic()).isNotEqualTo(Topics.SOURCE_HEALTH));
        SourceHeartbeat beat = heartbeat(last);
        assertThat(beat.ok()).isTrue();
        assertThat(beat.lastSuccess()).isEqualTo(beat.at());
        assertThat(new HashMap<String, Object>(last.sourceOffset())).as("the new cursor, as the last post carries it")
                .containsAllEntriesOf(new HashMap<String, Object>(read.get(read.size() - 2).sourceOffset())).containsKey("lastSuccess");

        List<SourceRecord> nothingNew = pollForRecords(task);
        assertThat(nothingNew).as("nothing new: the column was still read").singleElement()
                .satisfies(r -> assertThat(heartbeat(r).lastSuccess()).isAfter(beat.lastSuccess()));
    }

    private static SourceHeartbeat heartbeat(SourceRecord r) throws java.io.IOException {
        assertThat(r.topic()).isEqualTo(Topics.SOURCE_HEALTH);
        return Json.MAPPER.readValue((byte[]) r.value(), SourceHeartbeat.class);
    }

    /**
     * A link reported dead is reported again only when it answers otherwise: alive (so that its
     * finding closes), also after a restart, which the offset carries the dead links across.
     */
    @Test
    void aDeadLinkThatAnswersAgainIsReportedAliveAfterARestart() throws Exception {
        server.serve("/about.html", status(404));
        HtmlSiteSourceTask task = task(column(server.uri("/tzgg/index.html").toString()));
        List<SourceRecord> first = pollForRecords(task);
        assertThat(first).filteredOn(r -> r.topic().equals(Topics.SITE_LINKS)).extracting(r -> key(r))
                .containsExactlyInAnyOrder(server.uri("/about.html").toString(), server.uri("/tzgg/old/art_0001.html").toString());
        tasks.context().commit(first);
        task.stop();
        tasks.restart();

        server.serve("/about.html", page("<html>关于</html>".getBytes(StandardCharsets.UTF_8), HTML));
        HtmlSiteSourceTask again = task(column(server.uri("/tzgg/index.html").toString()));
        List<SourceRecord> next = pollForRecords(again);
        assertThat(next).as("the link still dead is not reported again; the one alive again is").singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo(Topics.SITE_LINKS);
            assertThat(key(r)).isEqualTo(server.uri("/about.html").toString());
            LinkCheck alive = Json.MAPPER.readValue((byte[]) r.value(), LinkCheck.class);
            assertThat(alive).extracting(LinkCheck::account, LinkCheck::dead, LinkCheck::status, LinkCheck::reason)
                    .containsExactly(COLUMN, false, 200, "");
        });
        tasks.context().commit(next);
        assertThat(pollFor(again, Duration.ofMillis(600))).as("alive once, then nothing while it stays alive").isEmpty();
    }

    /**
     * The list page links to 127.0.0.2 (an item and another link) and lists an item that redirects
     * there; only 127.0.0.1 is allowed. Nothing reaches 127.0.0.2, not even a request for its
     * robots.txt: the refused items are dead-lettered once with the reason, the refused link is not
     * reported dead, every refusal is counted.
     */
    @Test
    void linksAndRedirectsToARefusedAddressAreNeverFetched() throws Exception {
        try (FeedServer other = FeedServer.start("127.0.0.2")) {
            other.serve("/robots.txt", page("User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8), "text/plain"));
            other.serve("/admin.html", page("<html>内网</html>".getBytes(StandardCharsets.UTF_8), HTML));
            other.serve("/art_4011.html", page(resource("/site/art_4001.html"), HTML));
            other.serve("/art_4012.html", page(resource("/site/art_4001.html"), HTML));
            server.serve("/tzgg/index.html", page(new String(resource("/site/tzgg-index.html"), StandardCharsets.UTF_8)
                    .replace("<ul class=\"list\">", "<ul class=\"list\">\n  <li><a href=\"" + other.uri("/art_4011.html") + "\">内网链接</a></li>"
                            + "\n  <li><a href=\"2026/05/art_4012.html\">跳转到内网</a></li>")
                    .replace("<div class=\"links\">", "<div class=\"links\"><a href=\"" + other.uri("/admin.html") + "\">管理</a>")
                    .getBytes(StandardCharsets.UTF_8), HTML));
            server.serve("/tzgg/2026/05/art_4012.html", FeedServer.redirect(302, other.uri("/art_4012.html").toString()));
            Map<String, String> props = column(server.uri("/tzgg/index.html").toString());
            props.put(SiteConfig.LIST_NEXT_SELECTOR, "");
            HtmlSiteSourceTask task = task(props);
            List<SourceRecord> first = pollForRecords(task);

            assertThat(other.requests()).as("nothing is sent to 127.0.0.2").isEmpty();
            assertThat(server.requests("/tzgg/2026/05/art_4012.html")).as("the redirect itself is asked").hasSize(1);
            List<DeadLetter> refused = new ArrayList<>();
            for (SourceRecord r : first) {
                if (r.topic().equals("posts.dlq")) {
                    DeadLetter d = DeadLetter.fromJson((byte[]) r.value());
                    if (d.field().equals("url")) {
                        refused.add(d);
                    }
                }
            }
            assertThat(refused).extracting(DeadLetter::origin).containsExactlyInAnyOrder(other.uri("/art_4011.html").toString(),
                    server.uri("/tzgg/2026/05/art_4012.html").toString());
            assertThat(refused).extracting(DeadLetter::reason).containsExactlyInAnyOrder(
                    "not fetched: " + other.uri("/art_4011.html") + ": 127.0.0.2 is a loopback address (127.0.0.0/8)",
                    "not fetched: " + server.uri("/tzgg/2026/05/art_4012.html") + " redirects to " + other.uri("/art_4012.html")
                            + ": 127.0.0.2 is a loopback address (127.0.0.0/8)");
            assertThat(first).filteredOn(r -> r.topic().equals("site.links")).extracting(r -> key(r))
                    .as("a refused link is not a dead link").containsExactly(server.uri("/tzgg/old/art_0001.html").toString());
            assertThat(tasks.context().metric("refused-total")).as("the link, the item, the redirect").isEqualTo(3L);
            assertThat(tasks.context().metric("dead-links-total")).isEqualTo(1L);
            assertThat(first).filteredOn(r -> r.topic().equals("posts.raw")).extracting(r -> key(r))
                    .as("the column's own items are read as before").contains(item("4001"), item("4002"), item("4003"));
            tasks.context().commit(first);

            // Refused items are dead-lettered once and asked again on later polls (read once http.allowed.hosts lets
            // them); the link is refused again, and again not reported.
            assertThat(pollFor(task, Duration.ofMillis(600))).isEmpty();
            assertThat(other.requests()).isEmpty();
            assertThat(server.requests("/tzgg/2026/05/art_4012.html")).hasSizeGreaterThan(1);
            assertThat((Long) tasks.context().metric("refused-total")).isGreaterThanOrEqualTo(4L);
        }
    }

    /** A list URL on a refused address is not read at all, nor its robots.txt; the task waits for the next poll. */
    @Test
    void aListPageOnARefusedAddressIsNotRead() throws Exception {
        try (FeedServer other = FeedServer.start("127.0.0.2")) {
            SiteFixtures.serve(other);
            Map<String, String> props = column(other.uri("/tzgg/index.html").toString());
            props.put(SourceHealth.HEALTH_TOPIC, Topics.SOURCE_HEALTH);
            HtmlSiteSourceTask task = task(props);
            // The column is not read: each poll says so on the health topic, and sends nothing else.
            assertThat(pollFor(task, Duration.ofMillis(500))).isNotEmpty().allSatisfy(r -> {
                assertThat(r.topic()).isEqualTo(Topics.SOURCE_HEALTH);
                SourceHeartbeat beat = Json.MAPPER.readValue((byte[]) r.value(), SourceHeartbeat.class);
                assertThat(beat.ok()).isFalse();
                assertThat(beat.error()).contains("127.0.0.2 is a loopback address");
            });
            assertThat(other.requests()).isEmpty();
            assertThat((Long) tasks.context().metric("refused-total")).isPositive();
            assertThat(tasks.context().metric("fetches-total")).isEqualTo(0L);
        }
    }

    /**
     * A list URL that redirects (an old address, a missing trailing slash): relative links resolve
     * against where the page was served from, as a browser resolves them.
     */
    @Test
    void relativeLinksOfARedirectedListPageResolveAgainstItsNewAddress() throws Exception {
        server.serve("/zmhd", FeedServer.redirect(301, "/hdjl/list.html"));
        Map<String, String> props = board(server.uri("/zmhd").toString());
        props.put(SiteConfig.LINKS_CHECK_MAX, "0");
        List<SourceRecord> first = pollForRecords(task(props));
        assertThat(first).filteredOn(r -> !r.topic().equals(SiteConfig.definition().configKeys().get(SiteConfig.LINKS_TOPIC).defaultValue))
                .extracting(r -> json.read((byte[]) r.value()).url())
                .contains(server.uri("/hdjl/msg_5001.html").toString(), server.uri("/hdjl/msg_5003.html").toString());
        assertThat(server.requests("/msg_5001.html")).as("not resolved against /zmhd").isEmpty();
    }

    @Test
    void aBoardSendsMessagesAndRepliesAsThreadsAndALaterReplyAlone() throws Exception {
        Map<String, String> props = board(server.uri("/hdjl/list.html").toString());
        props.put(SiteConfig.HOST_MIN_DELAY_MS, "150");
        props.put(SiteConfig.LINKS_CHECK_MAX, "0");
        HtmlSiteSourceTask task = task(props);
        List<SourceRecord> first = pollForRecords(task);
        List<Post> posts = new ArrayList<>();
        for (SourceRecord r : first) {
            posts.add(json.read((byte[]) r.value()));
        }
        assertThat(posts).extracting(Post::id).containsExactly(BOARD + ":5001", BOARD + ":5001#reply", BOARD + ":5002", BOARD + ":5002#reply",
                BOARD + ":5003");
        assertThat(posts).allSatisfy(p -> assertThat(p.source().code()).isEqualTo("citizen-message"));
        assertThat(posts.get(1).replyTo()).isEqualTo(BOARD + ":5001");
        assertThat(posts.get(1).threadId()).isEqualTo(BOARD + ":5001");
        assertThat(posts.get(0).threadId()).isEqualTo(BOARD + ":5001");
        assertThat(posts.get(1).author()).isEqualTo("示范市住房和城乡建设局");
        assertThat(posts.get(3).publishedAt()).isEqualTo(Instant.parse("2026-05-15T01:00:00Z"));

        // Requests to the host start at least the minimum delay apart. Arrival times jitter by a connection's set-up, so the
        // span of the list page and the three messages is measured, not each gap; robots.txt, first, also waits for the
        // HTTP client's start-up.
        List<FeedServer.Request> requests = server.requests().stream().sorted(java.util.Comparator.comparing(FeedServer.Request::at)).toList();
        assertThat(requests).hasSize(5);
        assertThat(Duration.between(requests.get(1).at(), requests.get(4).at())).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        tasks.context().commit(first);
        task.stop();
        tasks.restart();

        // 5003 is answered while the task is down: its reply alone is sent; the answered threads are not fetched again.
        server.serve("/hdjl/msg_5003.html", page(resource("/site/msg_5003-replied.html"), HTML));
        HtmlSiteSourceTask again = task(props);
        List<SourceRecord> next = pollForRecords(again);
        assertThat(next).singleElement().satisfies(r -> {
            Post reply = json.read((byte[]) r.value());
            assertThat(reply.id()).isEqualTo(BOARD + ":5003#reply");
            assertThat(reply.replyTo()).isEqualTo(BOARD + ":5003");
            assertThat(reply.threadId()).isEqualTo(BOARD + ":5003");
            assertThat(reply.text()).isEqualTo("已修复南湖路中段路灯12盏。");
        });
        assertThat(server.requests("/hdjl/msg_5001.html")).hasSize(1);
        assertThat(server.requests("/hdjl/msg_5003.html")).hasSize(2);
    }

    /**
     * An item page linking its content as files: the text of those Tika reads goes into the post
     * under 附件： lines, where the checks see the ID numbers and the marking; each that cannot be
     * read is a dead letter naming the file and the post, and the post is sent all the same.
     */
    @Test
    void theTextOfAnItemsAttachmentsGoesIntoItsPostAndEachUnreadOneIsADeadLetter() throws Exception {
        String itemPage = """
                <html><head><meta charset="utf-8"></head><body>
                <div class="header"><a href="/help/说明.pdf">网站说明</a></div>
                <div class="article"><h1>关于2026年补贴发放名单的公示</h1><span class="pubtime">2026-05-18 10:00</span>
                <div class="content"><p>现将名单公示如下。</p>
                  <p><a href="/fj/u/名单.xlsx">2026年补贴发放名单.xlsx</a></p>
                  <p><a href="/fj/download.jsp?file=通知.docx">点击下载</a></p>
                  <p><a href="/fj/art_4009.html">相关阅读</a></p></div>
                <p>附件：<a href="/fj/u/list.pdf">list.pdf</a> <a href="/fj/u/表格.et">表格.et</a> <a href="/fj/u/locked.pdf">locked.pdf</a>
                   <a href="/fj/u/cut.docx">cut.docx</a> <a href="/fj/u/huge.pdf">huge.pdf</a> <a href="/fj/u/gone.doc">gone.doc</a></p>
                </div></body></html>""";
        server.serve("/fj/index.html", page("<ul class=\"list\"><li><a href=\"art_4010.html\">公示</a></li></ul>"
                .getBytes(StandardCharsets.UTF_8), HTML));
        server.serve("/fj/art_4010.html", page(itemPage.getBytes(StandardCharsets.UTF_8), HTML));
        server.serve("/fj/u/名单.xlsx", page(AttachmentFixtures.xlsx(AttachmentFixtures.roster()), "application/octet-stream"));
        server.route("/fj/download.jsp", (query, headers) -> new FeedServer.Reply(200, Map.of("Content-Type", "application/msword"),
                AttachmentFixtures.docx(AttachmentFixtures.MARKING_IN_DOCX, "请各单位认真组织学习。")));
        server.serve("/fj/u/list.pdf", page(AttachmentFixtures.pdf("Public list", "ID " + AttachmentFixtures.ID_IN_PDF), "application/pdf"));
        server.serve("/fj/u/表格.et", page(AttachmentFixtures.xls(List.of(List.of("王五", "110105197003033333"))), "application/octet-stream"));
        server.serve("/fj/u/locked.pdf", page(AttachmentFixtures.encryptedPdf("secret", "ID " + AttachmentFixtures.ID_IN_PDF), "application/pdf"));
        server.serve("/fj/u/cut.docx", page(AttachmentFixtures.cutShort(AttachmentFixtures.docx("正文")), "application/octet-stream"));
        server.serve("/fj/u/huge.pdf", page(new byte[2 * 1024 * 1024], "application/pdf"));
        Map<String, String> props = column(server.uri("/fj/index.html").toString());
        props.put(SiteConfig.LINKS_CHECK_MAX, "0");
        props.put(SiteConfig.ATTACHMENTS_MAX_PER_ITEM, "10");
        props.put(SiteConfig.ATTACHMENTS_MAX_BYTES, String.valueOf(1024 * 1024));
        HtmlSiteSourceTask task = task(props);
        List<SourceRecord> first = pollForRecords(task);

        String postId = COLUMN + ":" + server.uri("/fj/art_4010.html");
        assertThat(first).extracting(SourceRecord::topic).containsExactly("posts.dlq", "posts.dlq", "posts.dlq", "posts.dlq", "posts.raw");
        Post post = json.read((byte[]) first.get(4).value());
        assertThat(post.id()).isEqualTo(postId);
        assertThat(post.text()).startsWith("现将名单公示如下。\n2026年补贴发放名单.xlsx\n点击下载\n相关阅读\n\n附件：2026年补贴发放名单.xlsx\n")
                .contains("张三\t" + AttachmentFixtures.ID_IN_XLSX + "\t示范市南湖区")
                .contains("\n\n附件：点击下载\n" + AttachmentFixtures.MARKING_IN_DOCX + "\n请各单位认真组织学习。")
                .contains("\n\n附件：list.pdf\nPublic list\nID " + AttachmentFixtures.ID_IN_PDF)
                .contains("\n\n附件：表格.et\n名单\n王五\t110105197003033333")
                .doesNotContain("locked.pdf", "cut.docx", "huge.pdf", "gone.doc");

        List<DeadLetter> dead = new ArrayList<>();
        for (SourceRecord r : first.subList(0, 4)) {
            assertThat(key(r)).isEqualTo(postId);
            dead.add(DeadLetter.fromJson((byte[]) r.value()));
        }
        assertThat(dead).allSatisfy(d -> {
            assertThat(d.stage()).isEqualTo("connector");
            assertThat(d.field()).isEqualTo("attachment");
            assertThat(d.key()).isEqualTo(postId);
            assertThat(d.reason()).endsWith("; the post " + postId + " was sent without its text");
        });
        assertThat(dead).extracting(DeadLetter::origin).containsExactly(server.uri("/fj/u/locked.pdf").toString(),
                server.uri("/fj/u/cut.docx").toString(), server.uri("/fj/u/huge.pdf").toString(), server.uri("/fj/u/gone.doc").toString());
        assertThat(dead.get(0).reason()).startsWith("encrypted (password protected): its text cannot be read;");
        assertThat(dead.get(0).rawEncoding()).as("the file itself").isEqualTo("base64");
        assertThat(dead.get(1).reason()).startsWith("unreadable file (");
        assertThat(dead.get(2).reason()).startsWith("too large: " + server.uri("/fj/u/huge.pdf") + " is 2097152 bytes (Content-Length), "
                + "more than the 1048576 allowed; not downloaded (attachments.max.bytes);");
        assertThat(dead.get(3).reason()).startsWith("not downloaded: " + server.uri("/fj/u/gone.doc") + " answered 404 (not retried);");

        assertThat(server.requests("/help/说明.pdf")).as("a file of the page's frame, not of the item").isEmpty();
        assertThat(server.requests("/fj/art_4009.html")).as("not a file").isEmpty();
        assertThat(tasks.context().metric("attachments-read-total")).isEqualTo(4L);
        assertThat(tasks.context().metric("attachments-unread-total")).isEqualTo(4L);
        assertThat(tasks.context().metric("dead-letters-total")).isEqualTo(4L);

        // The item is read: its attachments are not fetched again.
        assertThat(pollFor(task, Duration.ofMillis(600))).isEmpty();
        assertThat(server.requests("/fj/u/list.pdf")).hasSize(1);
    }

    @Test
    void withoutExtensionsNoAttachmentIsRead() throws Exception {
        server.serve("/fj/index.html", page("<ul class=\"list\"><li><a href=\"art_4010.html\">公示</a></li></ul>"
                .getBytes(StandardCharsets.UTF_8), HTML));
        server.serve("/fj/art_4010.html", page(("<div class=\"article\"><h1>公示</h1><span class=\"pubtime\">2026-05-18</span>"
                + "<div class=\"content\">见附件 <a href=\"u/list.pdf\">list.pdf</a></div></div>").getBytes(StandardCharsets.UTF_8), HTML));
        Map<String, String> props = column(server.uri("/fj/index.html").toString());
        props.put(SiteConfig.ATTACHMENTS_EXTENSIONS, "");
        assertThat(pollForRecords(task(props))).singleElement()
                .satisfies(r -> assertThat(json.read((byte[]) r.value()).text()).isEqualTo("见附件 list.pdf"));
        assertThat(server.requests("/fj/u/list.pdf")).isEmpty();
    }
}
