package dev.yuqing.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharsetsTest {
    private static final byte[] GBK_FEED = FeedServer.resource("/feeds/gbk.xml");
    private static final byte[] GBK_PAGE = FeedServer.resource("/site/art_4002-gbk.html");
    private static final Charset GB18030 = Charset.forName("GB18030");

    private static Charsets.Decoded feed(byte[] bytes, String contentType) {
        return Charsets.decode(bytes, contentType, null, Charsets.Declaration.XML);
    }

    private static Charsets.Decoded page(byte[] bytes, String contentType) {
        return Charsets.decode(bytes, contentType, null, Charsets.Declaration.HTML_META);
    }

    @Test
    void chineseCharsetLabelsReadAsGb18030() {
        assertThat(Charsets.forLabel("gb2312")).map(Charset::name).contains("GB18030");
        assertThat(Charsets.forLabel("GBK")).map(Charset::name).contains("GB18030");
        assertThat(Charsets.forLabel("utf-8")).map(Charset::name).contains("UTF-8");
        assertThat(Charsets.forLabel("no-such-charset")).isEmpty();
        assertThat(Charsets.ofContentType("text/xml; charset=\"GB2312\"")).contains("GB2312");
        assertThat(Charsets.ofContentType("application/rss+xml")).isEmpty();
    }

    @Test
    void findsTheXmlDeclarationAndTheMetaTag() {
        assertThat(Charsets.Declaration.XML.find("<?xml version=\"1.0\" encoding='GBK'?><rss/>".getBytes(StandardCharsets.US_ASCII))).contains("GBK");
        assertThat(Charsets.Declaration.XML.find("<rss><?xml encoding=\"GBK\"?></rss>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(Charsets.Declaration.HTML_META.find("<meta charset='gbk'>".getBytes(StandardCharsets.US_ASCII))).contains("gbk");
        assertThat(Charsets.Declaration.HTML_META.find(GBK_PAGE)).contains("gb2312"); // <meta http-equiv="Content-Type" …>
    }

    @Test
    void aGbkDocumentDeclaredInItselfIsReadAsGb18030() {
        var f = feed(GBK_FEED, "text/xml");
        var p = page(GBK_PAGE, "text/html"); // GBK characters under a meta tag that says GB2312
        assertThat(List.of(f.charset(), p.charset())).containsOnly(GB18030);
        assertThat(List.of(f.lossy(), p.lossy())).containsOnly(false);
        assertThat(f.text()).contains("关于2026年端午节放假安排的通知");
        assertThat(p.text()).contains("王喆同志扎根基层三十年");
    }

    @Test
    void aWrongHeaderCharsetGivesWayToTheDeclaration() {
        var f = feed(GBK_FEED, "text/xml; charset=utf-8");
        var p = page(GBK_PAGE, "text/html; charset=UTF-8");
        assertThat(List.of(f.charset(), p.charset())).containsOnly(GB18030);
        assertThat(p.lossy()).isFalse();
        assertThat(f.text()).contains("示范市停水通知");
        assertThat(p.text()).contains("王喆");
    }

    @Test
    void theHeaderCharsetWinsWhenItDecodes() {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>";
        var d = feed(xml.getBytes(StandardCharsets.UTF_8), "text/xml; charset=UTF-8");
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void anUndeclaredGbkDocumentIsReadAsGb18030AndUtf8IsTheDefault() {
        var f = feed("<rss><channel><title>通知公告</title></channel></rss>".getBytes(GB18030), null);
        assertThat(f.charset()).isEqualTo(GB18030);
        assertThat(f.text()).contains("通知公告");
        byte[] gbk = "<p>示范市停水通知</p>".getBytes(Charset.forName("GBK"));
        assertThat(page(gbk, null).text()).isEqualTo("<p>示范市停水通知</p>");
        byte[] utf8 = "<p>示范市停水通知</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(page(utf8, null).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aByteOrderMarkDecidesAndIsDropped() {
        var f = feed(("\uFEFF<rss>标题</rss>").getBytes(StandardCharsets.UTF_16LE), "text/xml; charset=gbk");
        assertThat(f.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(f.text()).isEqualTo("<rss>标题</rss>");
        var p = page("\uFEFF<p>标题</p>".getBytes(StandardCharsets.UTF_8), "text/html; charset=gbk");
        assertThat(p.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(p.text()).isEqualTo("<p>标题</p>");
    }

    @Test
    void aConfiguredCharsetOverridesAndSaysWhenItReplacedBytes() {
        var f = Charsets.decode(GBK_FEED, "text/xml; charset=gbk", StandardCharsets.UTF_8, Charsets.Declaration.XML);
        assertThat(f.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(f.lossy()).isTrue();
        assertThat(f.text()).contains("\uFFFD");
        byte[] utf8 = "<p>示范</p>".getBytes(StandardCharsets.UTF_8);
        var p = Charsets.decode(utf8, "text/html; charset=utf-8", GB18030, Charsets.Declaration.HTML_META);
        assertThat(p.charset()).isEqualTo(GB18030);
        assertThat(p.text()).isNotEqualTo("<p>示范</p>");
    }
}
