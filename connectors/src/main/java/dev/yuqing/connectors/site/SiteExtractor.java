package dev.yuqing.connectors.site;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.connectors.connect.PostIds;
import dev.yuqing.core.post.SourceType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads list pages and item pages by the configured CSS selectors. jsoup parses HTML as browsers
 * do, so unclosed tags and stray markup still give the elements a reader sees. Links are resolved
 * against the page's address (or its {@code <base href>}).
 */
final class SiteExtractor {
    /**
     * What a list page links to.
     *
     * @param items the item pages, in page order (newest first on most sites), each once
     * @param next  the next list page, or null
     * @param links every http(s) link of the page, for the dead-link check
     */
    record ListPage(List<URI> items, URI next, List<URI> links) {}

    /** One output of an item page. */
    sealed interface Out permits Fields, Unmappable {}

    /** Post fields (still to be checked by {@code PostJson}); {@code reply} for a board's answer. */
    record Fields(ObjectNode fields, Instant publishedAt, boolean reply) implements Out {}

    /**
     * @param field  the post field that cannot be filled
     * @param reason why, for the dead letter
     * @param postId the id the post would have had, when known
     * @param reply  true when it is the board's reply that cannot be read (the message may still be a post)
     */
    record Unmappable(String field, String reason, String postId, boolean reply) implements Out {}

    /**
     * An item page read.
     *
     * @param outputs       the post (column), or the message and its reply (board), or what cannot be read
     * @param awaitingReply a board message without a reply block yet
     * @param attachments   the files the page links to whose text belongs in the post (the message's, on a board); empty
     *                      when the post cannot be made
     */
    record Item(List<Out> outputs, boolean awaitingReply, List<Attachments.Link> attachments) {
        Item(List<Out> outputs, boolean awaitingReply) {
            this(outputs, awaitingReply, List.of());
        }
    }

    private final Selectors selectors;
    private final SiteConfig.Mode mode;
    private final SiteTimes times;
    private final String account;
    private final String region;
    private final Attachments.Settings attachments;

    SiteExtractor(Selectors selectors, SiteConfig.Mode mode, SiteTimes times, String account, String region, Attachments.Settings attachments) {
        this.selectors = selectors;
        this.attachments = attachments;
        this.mode = mode;
        this.times = times;
        this.account = account;
        this.region = region;
    }

    ListPage list(String html, URI page) {
        Document doc = Jsoup.parse(html, page.toString());
        Set<URI> items = new LinkedHashSet<>();
        for (Element e : doc.select(selectors.listItem())) {
            link(e).ifPresent(items::add);
        }
        URI next = null;
        if (selectors.listNext() != null) {
            Element n = doc.selectFirst(selectors.listNext());
            next = n == null ? null : link(n).filter(u -> !u.equals(page)).orElse(null);
        }
        Set<URI> links = new LinkedHashSet<>();
        for (Element a : doc.select("a[href]")) {
            absolute(a.attr("abs:href")).ifPresent(links::add);
        }
        return new ListPage(List.copyOf(items), next, List.copyOf(links));
    }

    /** The element's link, or its first link's. */
    private static Optional<URI> link(Element e) {
        Element a = e.is("a[href]") ? e : e.selectFirst("a[href]");
        return a == null ? Optional.empty() : absolute(a.attr("abs:href"));
    }

    /** An absolute http(s) URL without its fragment; empty for javascript:, mailto: and the unreadable. */
    static Optional<URI> absolute(String href) {
        if (href == null || href.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(href.strip().replace(" ", "%20"));
            if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https")) || u.getHost() == null) {
                return Optional.empty();
            }
            // Cut the fragment from the text: rebuilding the URI from its parts would re-encode the escapes in path and query.
            String s = u.toString();
            int hash = s.indexOf('#');
            return Optional.of(hash < 0 ? u : new URI(s.substring(0, hash)));
        } catch (URISyntaxException e) {
            return Optional.empty(); // a link no client could follow: neither an item nor a link to check
        }
    }

    Item item(String html, URI url, Instant fetchedAt) {
        Document doc = Jsoup.parse(html, url.toString());
        String nativeId = selectors.nativeId() == null ? null : text(doc.select(selectors.nativeId()));
        String postId = PostIds.of(account, nativeId == null ? url.toString() : nativeId);
        String title = text(doc.select(selectors.title()));
        String timeText = text(doc.select(selectors.time()));
        Elements bodyElements = doc.select(selectors.body());
        String body = body(bodyElements);
        List<Out> out = new ArrayList<>();
        if (title == null) {
            out.add(new Unmappable("title", "no title: nothing matches " + SiteConfig.TITLE_SELECTOR + " '" + selectors.title() + "'", postId, false));
            return new Item(out, false);
        }
        if (timeText == null) {
            out.add(new Unmappable("publishedAt", "no time: nothing matches " + SiteConfig.TIME_SELECTOR + " '" + selectors.time() + "'", postId, false));
            return new Item(out, false);
        }
        Optional<Instant> published = times.parse(timeText);
        if (published.isEmpty()) {
            out.add(new Unmappable("publishedAt", "not a time: '" + abbreviate(timeText) + "' (" + times.expected() + ")", postId, false));
            return new Item(out, false);
        }
        if (body == null) {
            out.add(new Unmappable("text", "no text: nothing matches " + SiteConfig.BODY_SELECTOR + " '" + selectors.body() + "'", postId, false));
            return new Item(out, false);
        }
        boolean board = mode == SiteConfig.Mode.BOARD;
        ObjectNode o = post(postId, board, url, title, body, published.get(), fetchedAt,
                selectors.author() == null ? null : text(doc.select(selectors.author())));
        if (board) {
            o.put("threadId", postId);
        }
        out.add(new Fields(o, published.get(), false));
        List<Attachments.Link> files = Attachments.find(attachments, doc, bodyElements);
        if (!board) {
            return new Item(out, false, files);
        }
        Element reply = doc.selectFirst(selectors.reply());
        String replyText = reply == null ? null : selectors.replyText() == null ? body(new Elements(reply)) : body(reply.select(selectors.replyText()));
        if (replyText == null) {
            return new Item(out, true, files);
        }
        String replyId = PostIds.of(account, (nativeId == null ? url.toString() : nativeId) + "#reply");
        String replyTime = text(reply.select(selectors.replyTime()));
        Optional<Instant> replied = replyTime == null ? Optional.empty() : times.parse(replyTime);
        if (replied.isEmpty()) {
            out.add(new Unmappable("publishedAt", replyTime == null
                    ? "the reply has no time: nothing in the reply block matches " + SiteConfig.REPLY_TIME_SELECTOR + " '" + selectors.replyTime() + "'"
                    : "the reply's time is not a time: '" + abbreviate(replyTime) + "' (" + times.expected() + ")", replyId, true));
            return new Item(out, false, files);
        }
        ObjectNode r = post(replyId, true, url, null, replyText, replied.get(), fetchedAt,
                selectors.replyUnit() == null ? null : text(reply.select(selectors.replyUnit())));
        r.put("replyTo", postId);
        r.put("threadId", postId);
        out.add(new Fields(r, replied.get(), true));
        return new Item(out, false, files);
    }

    private ObjectNode post(String id, boolean board, URI url, String title, String text, Instant publishedAt, Instant fetchedAt, String author) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", id);
        o.put("source", (board ? SourceType.CITIZEN_MESSAGE : SourceType.SITE_PAGE).code());
        o.put("account", account);
        o.put("url", url.toString());
        if (title != null) {
            o.put("title", title);
        }
        o.put("text", text);
        o.put("publishedAt", publishedAt.toString());
        o.put("fetchedAt", fetchedAt.toString());
        if (author != null) {
            o.put("author", author);
        }
        if (!region.isEmpty()) {
            o.put("region", region);
        }
        return o;
    }

    /** The text of the matched elements, space-joined; null when none has any. */
    private static String text(Elements elements) {
        String s = elements.eachText().stream().collect(Collectors.joining(" ")).strip();
        return s.isEmpty() ? null : s;
    }

    /** Body text with one line per paragraph (or per block the selector matched); null when empty. */
    private static String body(Elements elements) {
        List<String> lines = new ArrayList<>();
        for (Element e : elements) {
            Elements paragraphs = e.select("p");
            if (paragraphs.isEmpty()) {
                lines.add(e.text());
            } else {
                lines.addAll(paragraphs.eachText());
            }
        }
        String s = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
        return s.isEmpty() ? null : s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
