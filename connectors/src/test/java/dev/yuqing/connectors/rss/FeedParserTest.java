package dev.yuqing.connectors.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.connectors.http.FeedServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {
    private final FeedParser parser = new FeedParser();

    private static String fixture(String name) {
        return new String(FeedServer.resource("/feeds/" + name), StandardCharsets.UTF_8);
    }

    @Test
    void readsRss2ItemsWithHtmlReducedToText() throws Exception {
        List<FeedEntry> items = parser.parse(fixture("rss2.xml"));
        assertThat(items).extracting(FeedEntry::position).containsExactly(1, 2, 3, 4, 5, 6);
        FeedEntry first = items.get(0);
        assertThat(first.id()).isEqualTo("sfyw-1005");
        assertThat(first.idIsLink()).isFalse();
        assertThat(first.link()).isEqualTo("https://www.demo.yuqing.invalid/sfyw/2026/05/art_1005.html");
        assertThat(first.title()).isEqualTo("示范市召开防汛工作会议");
        assertThat(first.text()).isEqualTo("5月15日，示范市召开防汛工作会议。 会议要求各区 做好准备。");
        assertThat(first.published()).isEqualTo("Fri, 15 May 2026 09:30:00 +0800");
        assertThat(first.xml()).startsWith("<item").contains("sfyw-1005").endsWith("</item>");

        FeedEntry encoded = items.get(3);
        assertThat(encoded.text()).as("content:encoded over the description").isEqualTo("东区今年新建三座口袋公园， 方便居民就近休闲。");
        assertThat(encoded.link()).isEqualTo("/sfyw/2026/05/art_1002.html");
        assertThat(encoded.published()).as("dc:date").isEqualTo("2026-05-12T08:00:00+08:00");
        assertThat(encoded.author()).as("dc:creator").isEqualTo("东区融媒体中心");

        FeedEntry permalink = items.get(4);
        assertThat(permalink.id()).isEqualTo("https://www.demo.yuqing.invalid/sfyw/2026/05/art_1001.html");
        assertThat(permalink.idIsLink()).isTrue();
        assertThat(permalink.link()).isNull();
        assertThat(permalink.text()).isNull();

        assertThat(items.get(5).text()).as("entity-encoded HTML").isEqualTo("一季度全市地区生产总值同比增长5.2%。");
        assertThat(items.get(5).id()).isNull();
    }

    @Test
    void readsAtomEntries() throws Exception {
        List<FeedEntry> entries = parser.parse(fixture("atom.xml"));
        assertThat(entries).hasSize(2);
        FeedEntry html = entries.get(0);
        assertThat(html.id()).isEqualTo("tag:demo.yuqing.invalid,2026:zcwj-2002");
        assertThat(html.title()).isEqualTo("关于印发示范市老旧小区改造实施方案的通知");
        assertThat(html.link()).isEqualTo("https://www.demo.yuqing.invalid/zcwj/2026/05/art_2002.html");
        assertThat(html.published()).as("published over updated").isEqualTo("2026-05-14T10:00:00+08:00");
        assertThat(html.author()).isEqualTo("示范市住房和城乡建设局");
        assertThat(html.text()).startsWith("各区人民政府：现将《示范市老旧小区改造实施方案》");
        FeedEntry xhtml = entries.get(1);
        assertThat(xhtml.link()).as("the link without rel, not rel=edit").isEqualTo("https://www.demo.yuqing.invalid/zcwj/2026/05/art_2001.html");
        assertThat(xhtml.text()).isEqualTo("为促进高校毕业生就业， 制定以下措施。");
        assertThat(xhtml.published()).isEqualTo("2026-05-10T09:00:00Z");
    }

    @Test
    void readsRss1() throws Exception {
        String rdf = """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="https://www.demo.yuqing.invalid/"><title>t</title></channel>
                  <item rdf:about="https://www.demo.yuqing.invalid/a.html">
                    <title>标题</title><link>https://www.demo.yuqing.invalid/a.html</link><dc:date>2026-05-10T09:00:00Z</dc:date>
                  </item>
                </rdf:RDF>""";
        assertThat(parser.parse(rdf)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("https://www.demo.yuqing.invalid/a.html");
            assertThat(e.title()).isEqualTo("标题");
            assertThat(e.published()).isEqualTo("2026-05-10T09:00:00Z");
        });
    }

    @Test
    void refusesExternalEntities() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><item><title>&xxe;</title></item></channel></rss>""";
        assertThatThrownBy(() -> parser.parse(xxe)).isInstanceOf(FeedException.class)
                .hasMessageContaining("DOCTYPE, which is refused");
    }

    @Test
    void refusesEntityExpansion() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
                <rss version="2.0"><channel><item><title>&c;</title></item></channel></rss>""";
        assertThatThrownBy(() -> parser.parse(laughs)).isInstanceOf(FeedException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void saysWhatIsWrongWithADocumentThatIsNoFeed() {
        assertThatThrownBy(() -> parser.parse("<html><body>维护中</body></html>"))
                .isInstanceOf(FeedException.class).hasMessage("not an RSS or Atom feed: the root element is <html>");
        assertThatThrownBy(() -> parser.parse("<rss><channel><item>"))
                .isInstanceOf(FeedException.class).hasMessageStartingWith("not well-formed XML:");
        assertThatThrownBy(() -> parser.parse("<rss version=\"2.0\"/>"))
                .isInstanceOf(FeedException.class).hasMessage("an <rss> document without a <channel>");
    }

    @Test
    void parsesAgainAfterAFailure() throws Exception {
        assertThatThrownBy(() -> parser.parse("<rss>")).isInstanceOf(FeedException.class);
        assertThat(parser.parse(fixture("atom.xml"))).hasSize(2);
    }
}
