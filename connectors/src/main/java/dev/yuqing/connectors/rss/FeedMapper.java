package dev.yuqing.connectors.rss;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.connectors.connect.PostIds;
import dev.yuqing.core.post.SourceType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Optional;

/**
 * Maps a feed entry onto {@code Post} fields, or says why it cannot: a site page needs its
 * address (the link, else a permalink guid) and its published time. The post id is the account
 * and the entry's id (guid / Atom id), else its link. An entry without a description gives its
 * title as the text: many government column feeds carry titles and links only.
 */
final class FeedMapper {
    sealed interface Mapped permits Fields, Unmappable {}

    /** Post fields, still to be checked by {@code PostJson}. */
    record Fields(ObjectNode fields) implements Mapped {}

    /**
     * @param field  the post field that cannot be filled
     * @param reason why, for the dead letter
     * @param postId the id the post would have had, when known
     */
    record Unmappable(String field, String reason, String postId) implements Mapped {}

    private final URI feed;
    private final String account;
    private final String region;

    FeedMapper(URI feed, String account, String region) {
        this.feed = feed;
        this.account = account;
        this.region = region;
    }

    Mapped map(FeedEntry e, Instant fetchedAt) {
        Optional<String> url;
        try {
            url = e.link() != null ? Optional.of(absolute(e.link())) : e.idIsLink() && e.id() != null ? Optional.of(absolute(e.id())) : Optional.empty();
        } catch (URISyntaxException ex) {
            return new Unmappable("url", "the link is not an http(s) URL: '" + abbreviate(ex.getInput()) + "'", null);
        }
        if (url.isEmpty()) {
            return new Unmappable("url", "no link: the item has no <link> and no permalink <guid>, and a site page needs its address", null);
        }
        String postId = PostIds.of(account, e.id() != null ? e.id() : url.get());
        if (e.published() == null) {
            return new Unmappable("publishedAt", "no published time: the item has no pubDate, dc:date, published or updated", postId);
        }
        Optional<Instant> published = FeedTimes.parse(e.published());
        if (published.isEmpty()) {
            return new Unmappable("publishedAt", "not a time: '" + abbreviate(e.published())
                    + "' (expected RFC 822 such as 'Tue, 03 Jun 2008 11:05:30 +0800', or ISO 8601)", postId);
        }
        String text = e.text() != null ? e.text() : e.title();
        if (text == null) {
            return new Unmappable("text", "the item has neither a title nor a description", postId);
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", postId);
        o.put("source", SourceType.SITE_PAGE.code());
        o.put("account", account);
        o.put("url", url.get());
        if (e.title() != null) {
            o.put("title", e.title());
        }
        o.put("text", text);
        o.put("publishedAt", published.get().toString());
        o.put("fetchedAt", fetchedAt.toString());
        if (e.author() != null) {
            o.put("author", e.author());
        }
        if (!region.isEmpty()) {
            o.put("region", region);
        }
        return new Fields(o);
    }

    /** The link resolved against the feed's address (CMSs write relative links), http(s) only. */
    private String absolute(String link) throws URISyntaxException {
        URI uri = feed.resolve(new URI(link.strip().replace(" ", "%20")));
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
            throw new URISyntaxException(link, "not an absolute http(s) URL");
        }
        return uri.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
