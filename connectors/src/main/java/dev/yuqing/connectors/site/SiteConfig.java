package dev.yuqing.connectors.site;

import dev.yuqing.connectors.connect.CommonSourceConfig;
import dev.yuqing.connectors.connect.ConfigValidators;
import dev.yuqing.connectors.connect.HttpSourceKeys;
import dev.yuqing.connectors.http.Charsets;
import dev.yuqing.connectors.http.HttpFetcher;
import dev.yuqing.core.post.PostJson;
import dev.yuqing.core.Topics;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/** Settings of {@link HtmlSiteSourceConnector}: one column or message board per connector. */
public final class SiteConfig extends CommonSourceConfig {
    public static final String LIST_URL = "site.list.url";
    public static final String ACCOUNT = "site.account";
    public static final String REGION = "site.region";
    public static final String MODE = "site.mode";
    public static final String CHARSET = "site.charset";
    public static final String LIST_ITEM_SELECTOR = "list.item.selector";
    public static final String LIST_NEXT_SELECTOR = "list.next.selector";
    public static final String LIST_MAX_PAGES = "list.max.pages";
    public static final String TITLE_SELECTOR = "item.title.selector";
    public static final String TIME_SELECTOR = "item.time.selector";
    public static final String TIME_PATTERN = "item.time.pattern";
    public static final String TIME_ZONE = "item.time.zone";
    public static final String BODY_SELECTOR = "item.body.selector";
    public static final String AUTHOR_SELECTOR = "item.author.selector";
    public static final String ID_SELECTOR = "item.id.selector";
    public static final String REPLY_SELECTOR = "board.reply.selector";
    public static final String REPLY_TEXT_SELECTOR = "board.reply.text.selector";
    public static final String REPLY_TIME_SELECTOR = "board.reply.time.selector";
    public static final String REPLY_UNIT_SELECTOR = "board.reply.unit.selector";
    public static final String POLL_INTERVAL_MS = HttpSourceKeys.POLL_INTERVAL_MS;
    public static final String HOST_MIN_DELAY_MS = "http.host.min.delay.ms";
    public static final String HOST_MAX_CONCURRENCY = "http.host.max.concurrency";
    public static final String ROBOTS_USER_AGENT = "robots.user.agent";
    public static final String LINKS_CHECK_MAX = "links.check.max";
    public static final String LINKS_TOPIC = "links.topic";
    public static final String SEEN_MAX = "seen.max";
    public static final String ATTACHMENTS_EXTENSIONS = "attachments.extensions";
    public static final String ATTACHMENTS_SELECTOR = "attachments.selector";
    public static final String ATTACHMENTS_MAX_PER_ITEM = "attachments.max.per.item";
    public static final String ATTACHMENTS_MAX_BYTES = "attachments.max.bytes";
    public static final String ATTACHMENTS_TEXT_MAX_CHARS = "attachments.text.max.chars";
    public static final String ATTACHMENTS_PARSE_TIMEOUT_MS = "attachments.parse.timeout.ms";

    /** What the connector reads: a column of pages, or a message board of messages and their replies. */
    public enum Mode { COLUMN, BOARD }


    public static ConfigDef definition() {
        ConfigDef def = CommonSourceConfig.define()
                .define(LIST_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.httpUrl("https://www.example.gov.cn/sfyw/index.html"),
                        Importance.HIGH, "the first list page of the column or message board, an absolute http(s) URL")
                .define(ACCOUNT, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.identifier("site:www.example.gov.cn/sfyw"),
                        Importance.HIGH, "the account of the posts: the site, column or board id as registered for inspection, "
                                + "such as site:www.example.gov.cn/sfyw; every post id starts with it")
                .define(REGION, Type.STRING, "", ConfigValidators.optionalName(64), Importance.MEDIUM,
                        "the region of the posts, such as 南湖区; empty for none")
                .define(MODE, Type.STRING, "column", ConfigValidators.of("column or board", v ->
                                v.equalsIgnoreCase("column") || v.equalsIgnoreCase("board") ? null
                                        : "must be column (pages of a news or policy column, posts site-page) or board "
                                        + "(a message board: citizen messages and their official replies, posts citizen-message)"),
                        Importance.HIGH, "column: each item page is a site-page post; board: each item page is a citizen message "
                                + "(citizen-message) and, when answered, a second post with the official reply (replyTo the message, the same threadId)")
                .define(CHARSET, Type.STRING, "", ConfigValidators.charsetOrEmpty(), Importance.LOW,
                        "read the pages in this charset (for a site that declares a wrong one); empty: from the Content-Type header "
                                + "or <meta charset>, whichever decodes, else UTF-8, else GB18030")
                .define(LIST_ITEM_SELECTOR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, css(false, "ul.list li a"), Importance.HIGH,
                        "CSS selector of the item links on a list page: links, or elements whose first link is the item's")
                .define(LIST_NEXT_SELECTOR, Type.STRING, "", css(true, "a.next"), Importance.MEDIUM,
                        "CSS selector of the next-page link on a list page; empty: read the first list page only")
                .define(LIST_MAX_PAGES, Type.INT, 5, Range.between(1, 100), Importance.MEDIUM,
                        "list pages read per poll at most; paging also stops at a page without a new item")
                .define(TITLE_SELECTOR, Type.STRING, "h1", css(false, "div.article h1"), Importance.HIGH,
                        "CSS selector of the title on an item page (the message subject on a board); an item without one goes to the dead-letter topic")
                .define(TIME_SELECTOR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, css(false, "span.pubtime"), Importance.HIGH,
                        "CSS selector of the published time on an item page (the time asked, on a board)")
                .define(TIME_PATTERN, Type.STRING, "", ConfigValidators.of("empty, or a java.time pattern such as yyyy-MM-dd HH:mm", SiteConfig::patternProblem),
                        Importance.MEDIUM, "java.time pattern of the whole time text, such as yyyy年MM月dd日 HH:mm or '发布时间：'yyyy-MM-dd; "
                                + "a date without a time is midnight; empty: find the first date (and time) in the text, such as 2026-05-15 09:30 or 2026年5月15日")
                .define(TIME_ZONE, Type.STRING, "Asia/Shanghai", ConfigValidators.of("a time-zone id such as Asia/Shanghai", v -> {
                    try {
                        ZoneId.of(v);
                        return null;
                    } catch (DateTimeException e) {
                        return "is not a time-zone id (" + e.getMessage() + "); use a region id such as Asia/Shanghai";
                    }
                }), Importance.LOW, "the zone of times without an offset; the sites write China time")
                .define(BODY_SELECTOR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, css(false, "div.article-content"), Importance.HIGH,
                        "CSS selector of the text on an item page (the message text, on a board); an item without it goes to the dead-letter topic")
                .define(AUTHOR_SELECTOR, Type.STRING, "", css(true, "span.source"), Importance.LOW,
                        "CSS selector of the author on an item page (the citizen's name or the department); empty for none")
                .define(ID_SELECTOR, Type.STRING, "", css(true, "span.msg-no"), Importance.LOW,
                        "CSS selector of the item's own number on its page (such as the message number), the post id's native part; "
                                + "empty: the item's URL")
                .define(REPLY_SELECTOR, Type.STRING, "", css(true, "div.reply"), Importance.HIGH,
                        "board mode: CSS selector of the official reply block on an item page; a page without it is an unanswered "
                                + "message, fetched again on later polls until the reply appears")
                .define(REPLY_TEXT_SELECTOR, Type.STRING, "", css(true, "div.reply .content"), Importance.MEDIUM,
                        "board mode: CSS selector of the reply text inside the reply block; empty: the whole block's text")
                .define(REPLY_TIME_SELECTOR, Type.STRING, "", css(true, "div.reply .time"), Importance.HIGH,
                        "board mode: CSS selector of the reply time inside the reply block (read as item.time.pattern says)")
                .define(REPLY_UNIT_SELECTOR, Type.STRING, "", css(true, "div.reply .unit"), Importance.MEDIUM,
                        "board mode: CSS selector of the replying unit inside the reply block, the reply's author; empty for none")
                .define(HOST_MIN_DELAY_MS, Type.LONG, 1_000L, Range.between(0L, 600_000L), Importance.MEDIUM,
                        "least milliseconds between the starts of two requests to one host, so that a small site is not flooded")
                .define(HOST_MAX_CONCURRENCY, Type.INT, 2, Range.between(1, 16), Importance.LOW,
                        "requests to one host at a time at most")
                .define(ROBOTS_USER_AGENT, Type.STRING, "Yuqing", ConfigValidators.identifier("Yuqing"), Importance.LOW,
                        "the product token looked up in robots.txt (its group, else the * group); a path robots.txt disallows is not fetched")
                .define(LINKS_CHECK_MAX, Type.INT, 50, Range.between(0, 1000), Importance.LOW,
                        "links of the list pages whose status is checked per poll, besides the item pages; dead ones (4xx, 5xx, no answer) "
                                + "go to links.topic; 0: check none")
                .define(LINKS_TOPIC, Type.STRING, Topics.SITE_LINKS, ConfigValidators.topicName(), Importance.LOW,
                        "topic for checked links, as JSON LinkCheck keyed by the link: a dead link (status 0 is no answer) once while "
                                + "it stays dead, and the same link with dead false when it answers again")
                .define(SEEN_MAX, Type.INT, 5_000, Range.between(100, 100_000), Importance.LOW,
                        "item pages remembered in the offset as read, so that they are not fetched again; the oldest are forgotten first")
                .define(ATTACHMENTS_EXTENSIONS, Type.STRING, "pdf,doc,docx,xls,xlsx,wps,et,rtf",
                        ConfigValidators.of("empty, or file extensions separated by commas, such as pdf,doc,docx", SiteConfig::extensionsProblem),
                        Importance.MEDIUM, "the attachments an item page links to that are read (case-insensitive; the link's path, a query "
                                + "value such as download.jsp?file=名单.xls, or the link text ends with one): their text is appended to the post "
                                + "under a line 附件：<name>, so that every check reads it; empty: attachments are not read")
                .define(ATTACHMENTS_SELECTOR, Type.STRING, "", css(true, "div.attachments"), Importance.LOW,
                        "CSS selector of further elements on an item page whose links are attachments; the links inside "
                                + "item.body.selector's elements and links next to the word 附件 are always looked at")
                .define(ATTACHMENTS_MAX_PER_ITEM, Type.INT, 5, Range.between(0, 20), Importance.LOW,
                        "attachments read per item page at most, in page order; 0: none")
                .define(ATTACHMENTS_MAX_BYTES, Type.INT, 20 * 1024 * 1024, Range.between(1024, HttpFetcher.MAX_BODY_BYTES), Importance.LOW,
                        "largest attachment read, in bytes; a larger one (by its Content-Length, or as it comes) is not downloaded further "
                                + "and goes to the dead-letter topic, the post is sent without it")
                .define(ATTACHMENTS_TEXT_MAX_CHARS, Type.INT, 100_000, Range.between(1_000, PostJson.MAX_TEXT_LENGTH), Importance.LOW,
                        "characters of one attachment's text put in the post at most; a longer text is cut with a note, and so is "
                                + "the last attachment that would take the post past its " + PostJson.MAX_TEXT_LENGTH + " characters")
                .define(ATTACHMENTS_PARSE_TIMEOUT_MS, Type.LONG, 30_000L, Range.between(1_000L, 600_000L), Importance.LOW,
                        "milliseconds allowed to extract one attachment's text; one that takes longer goes to the dead-letter topic");
        return HttpSourceKeys.define(def, 600_000L, "it reads the list pages and the new item pages, and robots.txt once",
                "Yuqing (public-opinion monitoring; site reader)");
    }

    /** A validator of a CSS selector; {@code optional}: empty allowed. */
    static ConfigDef.Validator css(boolean optional, String example) {
        return ConfigValidators.of(optional ? "empty, or a CSS selector such as " + example : "a CSS selector such as " + example, v -> {
            if (v.isBlank()) {
                return optional ? null : "must not be empty; give a CSS selector such as " + example;
            }
            try {
                QueryParser.parse(v);
                return null;
            } catch (Selector.SelectorParseException | IllegalArgumentException e) {
                return "is not a CSS selector jsoup can read (" + e.getMessage() + "); write one such as " + example;
            }
        });
    }

    private static String extensionsProblem(String v) {
        if (v.isBlank()) {
            return null;
        }
        for (String e : v.split(",", -1)) {
            if (!e.strip().matches("[A-Za-z0-9]{1,10}")) {
                return "'" + e.strip() + "' is not a file extension; write letters and digits without the dot, separated by commas, "
                        + "such as pdf,doc,docx,xls,xlsx";
            }
        }
        return null;
    }

    private static String patternProblem(String v) {
        if (v.isEmpty()) {
            return null;
        }
        try {
            DateTimeFormatter.ofPattern(v);
            return null;
        } catch (IllegalArgumentException e) {
            return "is not a java.time pattern (" + e.getMessage() + "); write one such as yyyy-MM-dd HH:mm, literal text in quotes";
        }
    }

    public SiteConfig(Map<String, String> props) {
        super(definition(), props);
    }

    public URI listUrl() {
        return URI.create(getString(LIST_URL).strip());
    }

    public String account() {
        return getString(ACCOUNT);
    }

    public String region() {
        return getString(REGION);
    }

    public Mode mode() {
        return Mode.valueOf(getString(MODE).toUpperCase(Locale.ROOT));
    }

    /** The configured charset, or null to detect it. */
    public Charset charset() {
        String label = getString(CHARSET);
        return label.isEmpty() ? null : Charsets.forLabel(label).orElseThrow();
    }

    public Selectors selectors() {
        return new Selectors(getString(LIST_ITEM_SELECTOR), blankToNull(LIST_NEXT_SELECTOR), getString(TITLE_SELECTOR),
                getString(TIME_SELECTOR), getString(BODY_SELECTOR), blankToNull(AUTHOR_SELECTOR), blankToNull(ID_SELECTOR),
                blankToNull(REPLY_SELECTOR), blankToNull(REPLY_TEXT_SELECTOR), blankToNull(REPLY_TIME_SELECTOR), blankToNull(REPLY_UNIT_SELECTOR));
    }

    public SiteTimes times() {
        String pattern = getString(TIME_PATTERN);
        return new SiteTimes(pattern.isEmpty() ? null : pattern, ZoneId.of(getString(TIME_ZONE)));
    }

    public int maxPages() {
        return getInt(LIST_MAX_PAGES);
    }

    public Duration hostMinDelay() {
        return Duration.ofMillis(getLong(HOST_MIN_DELAY_MS));
    }

    public int hostMaxConcurrency() {
        return getInt(HOST_MAX_CONCURRENCY);
    }

    public String robotsUserAgent() {
        return getString(ROBOTS_USER_AGENT);
    }

    public int linksCheckMax() {
        return getInt(LINKS_CHECK_MAX);
    }

    public String linksTopic() {
        return getString(LINKS_TOPIC);
    }

    public int seenMax() {
        return getInt(SEEN_MAX);
    }

    /** How attachments are read; {@link Attachments.Settings#enabled()} false when none are. */
    public Attachments.Settings attachments() {
        String extensions = getString(ATTACHMENTS_EXTENSIONS);
        Set<String> set = new LinkedHashSet<>();
        if (!extensions.isBlank()) {
            for (String e : extensions.split(",")) {
                set.add(e.strip().toLowerCase(Locale.ROOT));
            }
        }
        return new Attachments.Settings(set, blankToNull(ATTACHMENTS_SELECTOR), getInt(ATTACHMENTS_MAX_PER_ITEM),
                getInt(ATTACHMENTS_MAX_BYTES), getInt(ATTACHMENTS_TEXT_MAX_CHARS), Duration.ofMillis(getLong(ATTACHMENTS_PARSE_TIMEOUT_MS)));
    }

    public HttpSourceKeys.Values http() {
        return HttpSourceKeys.Values.of(this);
    }

    private String blankToNull(String key) {
        String v = getString(key);
        return v == null || v.isBlank() ? null : v;
    }
}
