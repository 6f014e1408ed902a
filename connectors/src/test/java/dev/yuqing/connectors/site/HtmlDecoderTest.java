package dev.yuqing.connectors.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.http.FeedServer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlDecoderTest {
    private final HtmlDecoder detect = new HtmlDecoder(null);

    @Test
    void aGbkPageDeclaredAsGb2312InAMetaTagIsReadAsGb18030() {
        byte[] gbk = FeedServer.resource("/site/art_4002-gbk.html");
        HtmlDecoder.Decoded d = detect.decode(gbk, "text/html");
        assertThat(d.charset().name()).isEqualTo("GB18030");
        assertThat(d.lossy()).isFalse();
        assertThat(d.text()).contains("王喆同志扎根基层三十年");
    }

    @Test
    void aHeaderThatSaysUtf8OverAGbkPageLosesToTheMetaTag() {
        HtmlDecoder.Decoded d = detect.decode(FeedServer.resource("/site/art_4002-gbk.html"), "text/html; charset=UTF-8");
        assertThat(d.text()).contains("王喆");
        assertThat(d.lossy()).isFalse();
    }

    @Test
    void undeclaredGbkFallsBackToGb18030AndUtf8IsTheDefault() {
        byte[] gbk = "<p>示范市停水通知</p>".getBytes(Charset.forName("GBK"));
        assertThat(detect.decode(gbk, null).text()).isEqualTo("<p>示范市停水通知</p>");
        byte[] utf8 = "<p>示范市停水通知</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(detect.decode(utf8, null).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(HtmlDecoder.meta("<meta charset='gbk'>".getBytes(StandardCharsets.US_ASCII))).contains("gbk");
    }

    @Test
    void aConfiguredCharsetWins() {
        byte[] utf8 = "<p>示范</p>".getBytes(StandardCharsets.UTF_8);
        HtmlDecoder.Decoded d = new HtmlDecoder(Charset.forName("GB18030")).decode(utf8, "text/html; charset=utf-8");
        assertThat(d.charset().name()).isEqualTo("GB18030");
        assertThat(d.text()).isNotEqualTo("<p>示范</p>");
    }
}
