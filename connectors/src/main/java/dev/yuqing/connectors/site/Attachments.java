package dev.yuqing.connectors.site;

import dev.yuqing.core.post.PostJson;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The attachments of an item page (the PDF, Word, Excel or WPS files a government page links its
 * content as; a 公示名单 with ID numbers is the classic leak): which links are attachments, and how
 * their text joins the post. The text goes into the post's own text, under a line
 * {@value #HEADER}name, so that the personal-data, classified-marking and harmful checks read it
 * like the page, and a handler who sees a finding knows which file on the page it is in.
 */
final class Attachments {
    static final String HEADER = "附件：";
    /** A cut text gets no less than this: a header over a few characters would tell the reader nothing. */
    private static final int MIN_CUT = 200;
    /** Link texts longer than this are not names but sentences; the name is shortened. */
    private static final int MAX_NAME = 100;

    /**
     * @param extensions   lower-case extensions of the files read; empty: none
     * @param selector     CSS selector of further elements whose links are attachments, or null
     * @param maxPerItem   attachments read per item page at most; 0: none
     * @param maxBytes     a larger file is not downloaded further
     * @param textMaxChars characters of one attachment's text in the post at most
     * @param parseTimeout time allowed to extract one attachment's text
     */
    record Settings(Set<String> extensions, String selector, int maxPerItem, int maxBytes, int textMaxChars, Duration parseTimeout) {
        Settings {
            extensions = Set.copyOf(extensions);
        }

        /** Attachments not read. */
        static Settings none() {
            return new Settings(Set.of(), null, 0, 0, 0, Duration.ZERO);
        }

        boolean enabled() {
            return !extensions.isEmpty() && maxPerItem > 0;
        }
    }

    /**
     * An attachment link.
     *
     * @param url      the file's address
     * @param fileName the file's name with its extension (from the path, a query value or the link text), a hint for type detection
     * @param name     what the page calls it (the link text), else the file name: what the post's header line shows
     */
    record Link(URI url, String fileName, String name) {}

    /** What reading an attachment came to. */
    sealed interface Outcome permits Read, Unread {
        Link link();
    }

    /**
     * @param text      the attachment's text, lines stripped, blank lines dropped
     * @param truncated the text was cut at {@code attachments.text.max.chars}
     */
    record Read(Link link, String text, boolean truncated) implements Outcome {}

    /**
     * @param reason why its text is not in the post, for the dead letter
     * @param head   the start of the file as downloaded (empty when it was not), for the dead letter
     */
    record Unread(Link link, String reason, byte[] head) implements Outcome {}

    /**
     * The post text with the attachments' texts appended, and those that did not fit.
     *
     * @param text     at most {@link PostJson#MAX_TEXT_LENGTH} characters
     * @param leftOut  attachments read whose text found no room in the post
     */
    record Composed(String text, List<Read> leftOut) {}

    private Attachments() {}

    /**
     * The attachment links of an item page, in page order, each URL once, at most
     * {@code maxPerItem}: links inside the body elements, inside {@code selector}'s elements, and
     * links labelled 附件 (the link's text or title, or the text of the element around it, as in
     * {@code <p>附件：<a href="x.xls">名单</a></p>}), whose file has one of the extensions.
     */
    static List<Link> find(Settings settings, Document doc, Elements body) {
        if (!settings.enabled()) {
            return List.of();
        }
        // Elements by identity: two equal-looking links in different places are different links.
        Set<Element> inScope = Collections.newSetFromMap(new IdentityHashMap<>());
        inScope.addAll(body.select("a[href]"));
        if (settings.selector() != null) {
            inScope.addAll(doc.select(settings.selector()).select("a[href]"));
        }
        Map<URI, Link> links = new LinkedHashMap<>();
        for (Element a : doc.select("a[href]")) {
            if (links.size() >= settings.maxPerItem()) {
                break;
            }
            if (!inScope.contains(a) && !labelled(a)) {
                continue;
            }
            Optional<URI> url = SiteExtractor.absolute(a.attr("abs:href"));
            if (url.isEmpty() || links.containsKey(url.get())) {
                continue;
            }
            String text = a.text().strip();
            fileName(url.get(), text, settings.extensions()).ifPresent(fileName -> links.put(url.get(),
                    new Link(url.get(), fileName, text.isEmpty() ? fileName : shorten(text))));
        }
        return List.copyOf(links.values());
    }

    private static boolean labelled(Element a) {
        Element parent = a.parent();
        return a.text().contains("附件") || a.attr("title").contains("附件") || (parent != null && parent.ownText().contains("附件"));
    }

    /**
     * The file's name when the link is to a file with one of the extensions: the last path
     * segment ({@code /u/名单.xlsx}), else the last segment of a query value
     * ({@code download.jsp?file=/u/名单.xlsx}), else the link text ({@code 名单.xlsx} on a link to
     * {@code download?id=7}); extensions compare case-insensitively.
     */
    static Optional<String> fileName(URI url, String linkText, Set<String> extensions) {
        List<String> candidates = new ArrayList<>();
        if (url.getPath() != null) {
            candidates.add(lastSegment(url.getPath()));
        }
        if (url.getRawQuery() != null) {
            for (String pair : url.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq >= 0) {
                    candidates.add(lastSegment(decode(pair.substring(eq + 1))));
                }
            }
        }
        candidates.add(linkText);
        return candidates.stream().filter(c -> hasExtension(c, extensions)).findFirst();
    }

    private static boolean hasExtension(String name, Set<String> extensions) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 && extensions.contains(name.substring(dot + 1).strip().toLowerCase(Locale.ROOT));
    }

    private static String lastSegment(String path) {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(cut + 1).strip();
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // a stray % : the value as written still shows its extension
        }
    }

    private static String shorten(String s) {
        return s.length() <= MAX_NAME ? s : s.substring(0, MAX_NAME - 1) + "…";
    }

    /**
     * Tika's text made compact for the post: lines stripped of surrounding white space (a table's
     * cells stay tab-separated), blank lines dropped.
     */
    static String compact(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (String line : text.split("\\R")) {
            String s = line.strip();
            if (!s.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : "\n").append(s);
            }
        }
        return sb.toString();
    }

    /**
     * The body followed by each attachment as a header line {@value #HEADER}name and its text. A
     * text cut at {@code attachments.text.max.chars}, or cut so that the post stays within
     * {@link PostJson#MAX_TEXT_LENGTH}, ends with a note saying so; an attachment with no room
     * left for a useful part of it is left out, for the caller to report.
     */
    static Composed compose(String body, List<Read> reads) {
        StringBuilder sb = new StringBuilder(body);
        List<Read> leftOut = new ArrayList<>();
        for (Read r : reads) {
            String header = "\n\n" + HEADER + r.link().name() + "\n";
            int room = PostJson.MAX_TEXT_LENGTH - sb.length() - header.length();
            String text = r.text();
            boolean cut = r.truncated();
            if (text.length() + (cut ? cutNote(text.length()).length() : 0) > room) {
                int keep = room - cutNote(room).length();
                if (keep < MIN_CUT) {
                    leftOut.add(r);
                    continue;
                }
                text = text.substring(0, keep);
                cut = true;
            }
            sb.append(header).append(text);
            if (cut) {
                sb.append(cutNote(text.length()));
            }
        }
        return new Composed(sb.toString(), List.copyOf(leftOut));
    }

    /** The line after a cut text; a handler reading the post then knows the file holds more. */
    static String cutNote(int kept) {
        return "\n（附件正文过长，只收了前 " + kept + " 字，余下的见原文件）";
    }
}
