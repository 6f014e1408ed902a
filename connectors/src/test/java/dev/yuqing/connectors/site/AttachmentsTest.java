package dev.yuqing.connectors.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.post.PostJson;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Which links of an item page are attachments, and how their text joins the post's. */
class AttachmentsTest {
    private static final Set<String> EXTENSIONS = Set.of("pdf", "doc", "docx", "xls", "xlsx", "wps", "et");
    private static final String PAGE = "https://www.demo.yuqing.invalid/tzgg/2026/05/art_4010.html";

    private static Attachments.Settings settings(String selector, int maxPerItem) {
        return new Attachments.Settings(EXTENSIONS, selector, maxPerItem, 1 << 20, 10_000, Duration.ofSeconds(5));
    }

    private static List<Attachments.Link> find(Attachments.Settings settings, String html) {
        Document doc = Jsoup.parse(html, PAGE);
        return Attachments.find(settings, doc, doc.select("div.content"));
    }

    private static final String HTML = """
            <div class="header"><a href="/help/无障碍说明.pdf">无障碍说明</a> <a href="/">首页</a></div>
            <div class="content">
              <p>现将名单公示如下。</p>
              <p><a href="/u/2026/名单.XLSX">2026年补贴发放名单</a></p>
              <p><a href="/module/download/downfile.jsp?classid=0&amp;filename=%E9%80%9A%E7%9F%A5.doc">点击下载</a></p>
              <p><a href="/u/2026/名单.XLSX#top">同一个文件</a></p>
              <p><a href="art_4009.html">相关阅读</a></p>
            </div>
            <p class="fj">附件：<a href="/download?id=7">实施细则.wps</a></p>
            <div class="attach"><span>相关文件</span><ul><li><a href="/u/表格.et">表格</a></li></ul></div>
            <div class="footer"><a href="/u/other.pdf">other</a> <a title="附件" href="/u/titled.pdf">titled</a></div>
            """;

    @Test
    void linksInTheBodyLabelledAttachmentsOrInTheSelectorsElementsWithAConfiguredExtension() {
        List<Attachments.Link> links = find(settings("div.attach", 10), HTML);

        assertThat(links).extracting(l -> l.url().toString()).containsExactly(
                "https://www.demo.yuqing.invalid/u/2026/名单.XLSX",
                "https://www.demo.yuqing.invalid/module/download/downfile.jsp?classid=0&filename=%E9%80%9A%E7%9F%A5.doc",
                "https://www.demo.yuqing.invalid/download?id=7",
                "https://www.demo.yuqing.invalid/u/表格.et",
                "https://www.demo.yuqing.invalid/u/titled.pdf");
        assertThat(links).extracting(Attachments.Link::fileName).containsExactly("名单.XLSX", "通知.doc", "实施细则.wps", "表格.et", "titled.pdf");
        assertThat(links).extracting(Attachments.Link::name).as("the link text, as the page shows it")
                .containsExactly("2026年补贴发放名单", "点击下载", "实施细则.wps", "表格", "titled");
    }

    @Test
    void withoutTheSelectorOnlyTheBodyAndLinksLabelledAttachmentsAndAtMostMaxPerItem() {
        assertThat(find(settings(null, 10), HTML)).extracting(Attachments.Link::fileName)
                .containsExactly("名单.XLSX", "通知.doc", "实施细则.wps", "titled.pdf");
        assertThat(find(settings(null, 2), HTML)).extracting(Attachments.Link::fileName).containsExactly("名单.XLSX", "通知.doc");
        assertThat(find(Attachments.Settings.none(), HTML)).isEmpty();
        assertThat(find(new Attachments.Settings(Set.of("rtf"), null, 5, 1024, 1000, Duration.ofSeconds(1)), HTML))
                .as("no link to a file of the extensions").isEmpty();
    }

    @Test
    void theFileNameComesFromThePathAQueryValueOrTheLinkText() {
        assertThat(Attachments.fileName(URI.create("https://h.invalid/a/b.PDF"), "", EXTENSIONS)).contains("b.PDF");
        assertThat(Attachments.fileName(URI.create("https://h.invalid/dl.jsp?path=%2Fu%2Fc.xls&x=1"), "", EXTENSIONS)).contains("c.xls");
        assertThat(Attachments.fileName(URI.create("https://h.invalid/dl?id=9"), "名单.xlsx", EXTENSIONS)).contains("名单.xlsx");
        assertThat(Attachments.fileName(URI.create("https://h.invalid/a/b.html"), "下载", EXTENSIONS)).isEmpty();
        assertThat(Attachments.fileName(URI.create("https://h.invalid/a/pdf"), ".pdf", EXTENSIONS)).as("no name before the dot").isEmpty();
    }

    @Test
    void textIsCompactedAndAppendedUnderAHeaderLine() {
        assertThat(Attachments.compact("  姓名\t身份证号码  \r\n\n\n 张三\t1101 \n")).isEqualTo("姓名\t身份证号码\n张三\t1101");
        Attachments.Link link = new Attachments.Link(URI.create("https://h.invalid/u/a.xlsx"), "a.xlsx", "名单");
        Attachments.Link other = new Attachments.Link(URI.create("https://h.invalid/u/b.pdf"), "b.pdf", "b.pdf");
        Attachments.Composed c = Attachments.compose("正文。", List.of(new Attachments.Read(link, "张三", false),
                new Attachments.Read(other, "ABC", true)));
        assertThat(c.text()).isEqualTo("正文。\n\n附件：名单\n张三\n\n附件：b.pdf\nABC" + Attachments.cutNote(3));
        assertThat(c.leftOut()).isEmpty();
    }

    @Test
    void thePostStaysWithinItsLimitTheLastTextCutWithANoteAndOneWithoutRoomLeftOut() throws Exception {
        Attachments.Link a = new Attachments.Link(URI.create("https://h.invalid/u/a.xlsx"), "a.xlsx", "a.xlsx");
        Attachments.Link b = new Attachments.Link(URI.create("https://h.invalid/u/b.xlsx"), "b.xlsx", "b.xlsx");
        String body = "正".repeat(100_000);
        Attachments.Composed c = Attachments.compose(body, List.of(new Attachments.Read(a, "甲".repeat(150_000), false),
                new Attachments.Read(b, "乙".repeat(10), false)));

        assertThat(c.text()).hasSizeLessThanOrEqualTo(PostJson.MAX_TEXT_LENGTH).startsWith(body + "\n\n附件：a.xlsx\n甲甲");
        int kept = c.text().length() - body.length() - "\n\n附件：a.xlsx\n".length() - Attachments.cutNote(99_999).length();
        assertThat(c.text()).endsWith(Attachments.cutNote(kept));
        assertThat(c.leftOut()).extracting(r -> r.link().fileName()).containsExactly("b.xlsx");
        // Still a valid post.
        var fields = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("id", "site:x:1").put("source", "site-page").put("account", "site:x").put("text", c.text())
                .put("publishedAt", "2026-05-15T01:30:00Z");
        assertThat(new PostJson().read(fields).text()).isEqualTo(c.text());
    }
}
