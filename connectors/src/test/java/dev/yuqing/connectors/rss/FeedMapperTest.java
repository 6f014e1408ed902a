package dev.yuqing.connectors.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedMapperTest {
    private static final Instant FETCHED = Instant.parse("2026-05-15T02:00:00Z");
    private final FeedMapper mapper = new FeedMapper(URI.create("https://www.demo.yuqing.invalid/sfyw/rss.xml"),
            "site:www.demo.yuqing.invalid/sfyw", "南湖区");

    private static FeedEntry entry(String id, boolean idIsLink, String link, String title, String text, String published) {
        return new FeedEntry(1, id, idIsLink, link, title, text, published, null, "<item/>");
    }

    @Test
    void mapsAnItemToSitePageFields() {
        var mapped = (FeedMapper.Fields) mapper.map(entry("sfyw-1", false, "2026/art_1.html", "标题", "正文", "Fri, 15 May 2026 09:30:00 +0800"), FETCHED);
        assertThat(mapped.fields().toString()).isEqualTo("{\"id\":\"site:www.demo.yuqing.invalid/sfyw:sfyw-1\",\"source\":\"site-page\","
                + "\"account\":\"site:www.demo.yuqing.invalid/sfyw\",\"url\":\"https://www.demo.yuqing.invalid/sfyw/2026/art_1.html\","
                + "\"title\":\"标题\",\"text\":\"正文\",\"publishedAt\":\"2026-05-15T01:30:00Z\",\"fetchedAt\":\"2026-05-15T02:00:00Z\",\"region\":\"南湖区\"}");
    }

    @Test
    void withoutAnIdTheLinkIsTheIdentityAndATitleOnlyItemHasItsTitleAsText() {
        var mapped = (FeedMapper.Fields) mapper.map(entry(null, false, "https://www.demo.yuqing.invalid/sfyw/a b.html", "只有标题", null,
                "2026-05-15 09:30:00"), FETCHED);
        assertThat(mapped.fields().get("id").asText()).isEqualTo("site:www.demo.yuqing.invalid/sfyw:https://www.demo.yuqing.invalid/sfyw/a%20b.html");
        assertThat(mapped.fields().get("text").asText()).isEqualTo("只有标题");
    }

    @Test
    void aPermalinkGuidIsTheLink() {
        var mapped = (FeedMapper.Fields) mapper.map(entry("https://www.demo.yuqing.invalid/p.html", true, null, "t", "x", "2026-05-15 09:30"), FETCHED);
        assertThat(mapped.fields().get("url").asText()).isEqualTo("https://www.demo.yuqing.invalid/p.html");
    }

    @Test
    void anItemWithoutALinkCannotBeMapped() {
        assertThat(mapper.map(entry("sfyw-3", false, null, "t", "x", "2026-05-15 09:30"), FETCHED)).isEqualTo(new FeedMapper.Unmappable("url",
                "no link: the item has no <link> and no permalink <guid>, and a site page needs its address", null));
        assertThat(mapper.map(entry(null, false, "mailto:office@demo.yuqing.invalid", "t", "x", "2026-05-15 09:30"), FETCHED))
                .isEqualTo(new FeedMapper.Unmappable("url", "the link is not an http(s) URL: 'mailto:office@demo.yuqing.invalid'", null));
    }

    @Test
    void aBadOrMissingDateCannotBeMapped() {
        assertThat(mapper.map(entry("sfyw-4", false, "/a.html", "t", "x", "星期四 下午三点"), FETCHED)).isEqualTo(new FeedMapper.Unmappable("publishedAt",
                "not a time: '星期四 下午三点' (expected RFC 822 such as 'Tue, 03 Jun 2008 11:05:30 +0800', or ISO 8601)",
                "site:www.demo.yuqing.invalid/sfyw:sfyw-4"));
        assertThat(mapper.map(entry("sfyw-5", false, "/a.html", "t", "x", null), FETCHED)).isEqualTo(new FeedMapper.Unmappable("publishedAt",
                "no published time: the item has no pubDate, dc:date, published or updated", "site:www.demo.yuqing.invalid/sfyw:sfyw-5"));
    }

    @Test
    void anItemWithoutTitleOrTextCannotBeMapped() {
        assertThat(mapper.map(entry("sfyw-6", false, "/a.html", null, null, "2026-05-15 09:30"), FETCHED))
                .isEqualTo(new FeedMapper.Unmappable("text", "the item has neither a title nor a description", "site:www.demo.yuqing.invalid/sfyw:sfyw-6"));
    }
}
