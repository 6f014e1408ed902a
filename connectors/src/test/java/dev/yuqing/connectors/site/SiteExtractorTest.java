package dev.yuqing.connectors.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.http.Charsets;
import dev.yuqing.connectors.http.FeedServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The selectors on the fixture pages, broken HTML and a GBK page included. */
class SiteExtractorTest {
    static final String ACCOUNT = "site:www.demo.yuqing.invalid/tzgg";
    static final String BOARD = "site:www.demo.yuqing.invalid/hdjl";
    private static final Instant FETCHED = Instant.parse("2026-05-16T00:00:00Z");
    private static final URI BASE = URI.create("https://www.demo.yuqing.invalid/tzgg/index.html");

    static Selectors column() {
        return new Selectors("ul.list li", "a.next", "div.article h1", "span.pubtime", "div.content", "span.source", null,
                null, null, null, null);
    }

    static Selectors board(String nativeId) {
        return new Selectors("table.msgs td.t a", null, "h1.subject", "div.msg .time", "div.msg .content", "span.asker", nativeId,
                "div.reply", ".content", ".time", ".unit");
    }

    private final SiteExtractor columns = new SiteExtractor(column(), SiteConfig.Mode.COLUMN, new SiteTimes(null, ZoneId.of("Asia/Shanghai")), ACCOUNT, "示范市", Attachments.Settings.none());

    private static String page(String name) {
        return new String(FeedServer.resource("/site/" + name), StandardCharsets.UTF_8);
    }

    @Test
    void aListPageGivesItsItemsResolvedItsNextPageAndItsLinks() {
        SiteExtractor.ListPage list = columns.list(page("tzgg-index.html"), BASE);
        assertThat(list.items()).containsExactly(
                URI.create("https://www.demo.yuqing.invalid/tzgg/2026/05/art_4001.html"),
                URI.create("https://www.demo.yuqing.invalid/tzgg/2026/05/art_4002.html"),
                URI.create("https://www.demo.yuqing.invalid/tzgg/2026/05/art_4003.html"));
        assertThat(list.next()).isEqualTo(URI.create("https://www.demo.yuqing.invalid/tzgg/index_1.html"));
        assertThat(list.links()).as("http(s) links only, without fragments").contains(
                URI.create("https://www.demo.yuqing.invalid/about.html"),
                URI.create("https://www.demo.yuqing.invalid/tzgg/old/art_0001.html"))
                .noneMatch(u -> u.getScheme().equals("mailto") || u.toString().contains("javascript"))
                .hasSize(7);
        assertThat(SiteExtractor.absolute("https://www.demo.yuqing.invalid/tzgg/%E9%80%9A%E7%9F%A5.html?q=a%26b#p2"))
                .as("escapes kept, the fragment cut").contains(URI.create("https://www.demo.yuqing.invalid/tzgg/%E9%80%9A%E7%9F%A5.html?q=a%26b"));
        assertThat(columns.list(page("tzgg-index_1.html"), URI.create("https://www.demo.yuqing.invalid/tzgg/index_1.html")).next())
                .as("no next link on the last page").isNull();
    }

    @Test
    void anItemPageIsASitePage() {
        URI url = URI.create("https://www.demo.yuqing.invalid/tzgg/2026/05/art_4001.html");
        SiteExtractor.Item item = columns.item(page("art_4001.html"), url, FETCHED);
        assertThat(item.awaitingReply()).isFalse();
        assertThat(item.outputs()).singleElement().isInstanceOfSatisfying(SiteExtractor.Fields.class, f -> {
            assertThat(f.fields().get("id").asText()).isEqualTo(ACCOUNT + ":" + url);
            assertThat(f.fields().get("source").asText()).isEqualTo("site-page");
            assertThat(f.fields().get("title").asText()).isEqualTo("示范市2026年防汛工作安排的通知");
            assertThat(f.fields().get("text").asText()).isEqualTo("各区人民政府，市各有关单位：\n现将2026年防汛工作安排通知如下。");
            assertThat(f.fields().get("publishedAt").asText()).isEqualTo("2026-05-15T01:30:00Z");
            assertThat(f.fields().get("author").asText()).isEqualTo("来源：示范市人民政府办公室");
            assertThat(f.fields().get("region").asText()).isEqualTo("示范市");
            assertThat(f.fields().get("url").asText()).isEqualTo(url.toString());
            assertThat(f.fields().has("threadId")).isFalse();
        });
    }

    @Test
    void brokenHtmlStillGivesTitleTimeAndText() {
        SiteExtractor.Item item = columns.item(page("art_4003-broken.html"), URI.create("https://www.demo.yuqing.invalid/tzgg/2026/05/art_4003.html"), FETCHED);
        assertThat(item.outputs()).singleElement().isInstanceOfSatisfying(SiteExtractor.Fields.class, f -> {
            assertThat(f.fields().get("title").asText()).isEqualTo("示范市停水通知");
            assertThat(f.fields().get("publishedAt").asText()).isEqualTo("2026-05-13T00:00:00Z");
            assertThat(f.fields().get("text").asText()).startsWith("因管网维修，5月14日9时至18时南湖区部分区域停水。\n请居民提前储水。");
        });
    }

    @Test
    void aGbkPageDecodedThenExtracted() {
        String html = Charsets.decode(FeedServer.resource("/site/art_4002-gbk.html"), "text/html", null, Charsets.Declaration.HTML_META).text();
        SiteExtractor.Item item = columns.item(html, URI.create("https://www.demo.yuqing.invalid/tzgg/2026/05/art_4002.html"), FETCHED);
        assertThat(item.outputs()).singleElement().isInstanceOfSatisfying(SiteExtractor.Fields.class, f -> {
            assertThat(f.fields().get("title").asText()).isEqualTo("关于开展王喆同志先进事迹学习活动的通知");
            assertThat(f.fields().get("publishedAt").asText()).isEqualTo("2026-05-14T02:00:00Z");
        });
    }

    @Test
    void aTimeThatIsNoneOrAMissingPartIsUnmappableWithTheFieldAndTheReason() {
        URI url = URI.create("https://www.demo.yuqing.invalid/tzgg/2026/05/art_4007.html");
        assertThat(columns.item(page("art_4007-badtime.html"), url, FETCHED).outputs()).singleElement()
                .isInstanceOfSatisfying(SiteExtractor.Unmappable.class, u -> {
                    assertThat(u.field()).isEqualTo("publishedAt");
                    assertThat(u.reason()).startsWith("not a time: '发布时间：星期五 上午' (expected a date such as");
                    assertThat(u.postId()).isEqualTo(ACCOUNT + ":" + url);
                });
        assertThat(columns.item("<html><body><div class=content>正文</div><span class=pubtime>2026-05-15</span></body></html>", url, FETCHED)
                .outputs()).singleElement().isInstanceOfSatisfying(SiteExtractor.Unmappable.class, u -> {
                    assertThat(u.field()).isEqualTo("title");
                    assertThat(u.reason()).isEqualTo("no title: nothing matches item.title.selector 'div.article h1'");
                });
        assertThat(columns.item("<div class=article><h1>标题</h1></div><span class=pubtime>2026-05-15</span>", url, FETCHED)
                .outputs()).singleElement().isInstanceOfSatisfying(SiteExtractor.Unmappable.class, u -> assertThat(u.field()).isEqualTo("text"));
    }

    @Test
    void aBoardPageIsTheMessageAndItsReplyInOneThread() {
        SiteExtractor boards = new SiteExtractor(board("span.no"), SiteConfig.Mode.BOARD, new SiteTimes(null, ZoneId.of("Asia/Shanghai")), BOARD, "", Attachments.Settings.none());
        URI url = URI.create("https://www.demo.yuqing.invalid/hdjl/msg_5001.html");
        SiteExtractor.Item item = boards.item(page("msg_5001.html"), url, FETCHED);
        assertThat(item.awaitingReply()).isFalse();
        assertThat(item.outputs()).hasSize(2);
        var message = (SiteExtractor.Fields) item.outputs().get(0);
        var reply = (SiteExtractor.Fields) item.outputs().get(1);
        assertThat(message.reply()).isFalse();
        assertThat(message.fields().get("id").asText()).isEqualTo(BOARD + ":5001");
        assertThat(message.fields().get("source").asText()).isEqualTo("citizen-message");
        assertThat(message.fields().get("threadId").asText()).isEqualTo(BOARD + ":5001");
        assertThat(message.fields().get("author").asText()).isEqualTo("张先生");
        assertThat(message.fields().get("title").asText()).isEqualTo("小区停车难的问题");
        assertThat(message.fields().get("text").asText()).isEqualTo("我们小区车位太少，晚上停车很难，希望增加车位。");
        assertThat(message.fields().get("publishedAt").asText()).isEqualTo("2026-05-12T02:21:00Z");
        assertThat(message.fields().has("replyTo")).isFalse();

        assertThat(reply.reply()).isTrue();
        assertThat(reply.fields().get("id").asText()).isEqualTo(BOARD + ":5001#reply");
        assertThat(reply.fields().get("source").asText()).isEqualTo("citizen-message");
        assertThat(reply.fields().get("replyTo").asText()).isEqualTo(BOARD + ":5001");
        assertThat(reply.fields().get("threadId").asText()).isEqualTo(BOARD + ":5001");
        assertThat(reply.fields().get("author").asText()).isEqualTo("示范市住房和城乡建设局");
        assertThat(reply.fields().get("text").asText()).isEqualTo("经核查，已协调物业在小区东侧增设停车位40个。");
        assertThat(reply.fields().get("publishedAt").asText()).isEqualTo("2026-05-14T08:00:00Z");
    }

    @Test
    void anUnansweredMessageAwaitsItsReplyAndAReplyWithoutATimeIsUnmappable() {
        SiteExtractor boards = new SiteExtractor(board(null), SiteConfig.Mode.BOARD, new SiteTimes(null, ZoneId.of("Asia/Shanghai")), BOARD, "", Attachments.Settings.none());
        URI url = URI.create("https://www.demo.yuqing.invalid/hdjl/msg_5003.html");
        SiteExtractor.Item open = boards.item(page("msg_5003.html"), url, FETCHED);
        assertThat(open.awaitingReply()).isTrue();
        assertThat(open.outputs()).singleElement().isInstanceOfSatisfying(SiteExtractor.Fields.class,
                f -> assertThat(f.fields().get("id").asText()).as("the URL when there is no id selector").isEqualTo(BOARD + ":" + url));

        String noTime = page("msg_5003-replied.html").replace("答复时间：2026-05-17 10:30", "答复时间：待定");
        SiteExtractor.Item bad = boards.item(noTime, url, FETCHED);
        assertThat(bad.awaitingReply()).isFalse();
        assertThat(bad.outputs()).hasSize(2).last().isInstanceOfSatisfying(SiteExtractor.Unmappable.class, u -> {
            assertThat(u.reply()).isTrue();
            assertThat(u.field()).isEqualTo("publishedAt");
            assertThat(u.reason()).startsWith("the reply's time is not a time: '答复时间：待定'");
            assertThat(u.postId()).isEqualTo(BOARD + ":" + url + "#reply");
        });
    }
}
