package dev.yuqing.connectors.rss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.http.FeedServer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedDecoderTest {
    private static final byte[] GBK = FeedServer.resource("/feeds/gbk.xml");
    private static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void readsAGbkFeedDeclaredOnlyInItsXmlDeclaration() {
        var d = new FeedDecoder(null).decode(GBK, "text/xml");
        assertThat(d.charset()).isEqualTo(GB18030);
        assertThat(d.lossy()).isFalse();
        assertThat(d.text()).contains("关于2026年端午节放假安排的通知");
    }

    @Test
    void aWrongHeaderCharsetGivesWayToTheDeclaration() {
        var d = new FeedDecoder(null).decode(GBK, "text/xml; charset=utf-8");
        assertThat(d.charset()).isEqualTo(GB18030);
        assertThat(d.text()).contains("示范市停水通知");
    }

    @Test
    void theHeaderCharsetWinsWhenItDecodes() {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>";
        var d = new FeedDecoder(null).decode(xml.getBytes(StandardCharsets.UTF_8), "text/xml; charset=UTF-8");
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void anUndeclaredGbkFeedIsReadAsGb18030() {
        byte[] undeclared = "<rss><channel><title>通知公告</title></channel></rss>".getBytes(GB18030);
        var d = new FeedDecoder(null).decode(undeclared, null);
        assertThat(d.charset()).isEqualTo(GB18030);
        assertThat(d.text()).contains("通知公告");
    }

    @Test
    void aByteOrderMarkDecidesAndIsDropped() {
        byte[] body = ("\uFEFF<rss>标题</rss>").getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length];
        System.arraycopy(body, 0, withBom, 0, body.length);
        var d = new FeedDecoder(null).decode(withBom, "text/xml; charset=gbk");
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(d.text()).isEqualTo("<rss>标题</rss>");
    }

    @Test
    void aConfiguredCharsetOverridesAndSaysWhenItReplacedBytes() {
        var d = new FeedDecoder(StandardCharsets.UTF_8).decode(GBK, "text/xml; charset=gbk");
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.lossy()).isTrue();
        assertThat(d.text()).contains("\uFFFD");
    }
}
