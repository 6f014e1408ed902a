package dev.yuqing.connectors.api;

import com.fasterxml.jackson.core.JsonPointer;
import dev.yuqing.connectors.connect.CommonSourceConfig;
import dev.yuqing.connectors.connect.ConfigValidators;
import dev.yuqing.connectors.connect.HttpSourceKeys;
import dev.yuqing.connectors.http.Charsets;
import dev.yuqing.connectors.replay.FieldMapping;
import dev.yuqing.core.post.SourceType;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Settings of {@link HttpApiSourceConnector}: one API listing per connector. */
public final class HttpApiConfig extends CommonSourceConfig {
    public static final String API_URL = "api.url";
    public static final String API_PAGING = "api.paging";
    public static final String API_PAGE_FIRST = "api.page.first";
    public static final String API_PAGES_MAX = "api.pages.max";
    public static final String API_CURSOR_POINTER = "api.cursor.pointer";
    public static final String API_CURSOR_INITIAL = "api.cursor.initial";
    public static final String API_SINCE_INITIAL = "api.since.initial";
    public static final String API_ITEMS_POINTER = "api.items.pointer";
    public static final String API_MAPPING = "api.mapping";
    public static final String API_ACCOUNT = "api.account";
    public static final String API_SOURCE = "api.source";
    public static final String API_REGION = "api.region";
    public static final String API_SEEN_MAX = "api.seen.max";
    public static final String API_CHARSET = "api.charset";
    public static final String HTTP_HEADERS = "http.headers";

    /** Headers the HTTP client sets itself, or that other keys set. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade", "user-agent");

    /** How the connector walks the API's listing in one poll. */
    public enum Paging {
        /** {page} from api.page.first on, until an empty page, a page of items all sent before, or api.pages.max pages. */
        PAGE("{page}"),
        /** {cursor} from the answer's api.cursor.pointer, until it is absent or empty. */
        CURSOR("{cursor}"),
        /** {since}: the highest native id sent so far; only items with a higher id are sent. */
        SINCE_ID("{since}");

        private final String placeholder;

        Paging(String placeholder) {
            this.placeholder = placeholder;
        }

        public String placeholder() {
            return placeholder;
        }

        static Paging parse(String value) {
            return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public static ConfigDef definition() {
        ConfigDef d = CommonSourceConfig.define()
                .define(API_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.of("an absolute http(s) URL template",
                        HttpApiConfig::urlProblem), Importance.HIGH,
                        "the API listing to read, an absolute http(s) URL in which {page}, {cursor} or {since} (as api.paging says) "
                                + "is replaced, URL-encoded, such as https://api.example.gov.cn/messages?page={page}&size=50")
                .define(API_PAGING, Type.STRING, "page", ValidString.in("page", "cursor", "since-id"), Importance.HIGH,
                        "page: {page} counts from api.page.first until a page without items or with only items sent before "
                                + "(a listing newest first; older items than api.pages.max pages hold at the first poll are not read); "
                                + "cursor: {cursor} is the next cursor "
                                + "read at api.cursor.pointer of each answer until there is none, and the next poll starts at the last one; "
                                + "since-id: {since} is the highest native id sent so far, and only items with a higher id are sent")
                .define(API_PAGE_FIRST, Type.INT, 1, Range.between(0, 1_000_000), Importance.LOW,
                        "the number of the first page (paging page)")
                .define(API_PAGES_MAX, Type.INT, 10, Range.between(1, 1_000), Importance.MEDIUM,
                        "requests per poll at the most, in every paging mode; the next poll starts again from the first page "
                                + "(page), the last cursor (cursor) or the highest id (since-id)")
                .define(API_CURSOR_POINTER, Type.STRING, "", ConfigValidators.of("empty, or a JSON Pointer such as /data/next_cursor",
                        HttpApiConfig::pointerProblem), Importance.MEDIUM,
                        "JSON Pointer to the next cursor in each answer, such as /data/next_cursor; required for paging cursor")
                .define(API_CURSOR_INITIAL, Type.STRING, "", ConfigValidators.optionalName(1024), Importance.LOW,
                        "the cursor of the very first request (paging cursor); empty for the API's start")
                .define(API_SINCE_INITIAL, Type.STRING, "", ConfigValidators.optionalName(128), Importance.LOW,
                        "{since} of the very first request (paging since-id), such as 0; empty for the API's default")
                .define(API_ITEMS_POINTER, Type.STRING, "", ConfigValidators.of("empty, or a JSON Pointer such as /data/items",
                        HttpApiConfig::pointerProblem), Importance.HIGH,
                        "JSON Pointer to the array of items in each answer, such as /data/items; empty when the answer is the array; "
                                + "an answer without it is a failed fetch, retried at the next poll")
                .define(API_MAPPING, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.of("postField=/pointer pairs, id among them",
                        HttpApiConfig::mappingProblem), Importance.HIGH,
                        "postField=/json/pointer pairs separated by commas, a quoted value a constant, such as "
                                + "id=/mid,text=/content,publishedAt=/created_at,author=/user/name,threadId=/thread_id,replyTo=/reply_to; "
                                + "id is the item's native id (the post id is api.account:id), and replyTo and threadId are native ids too; "
                                + "source and account come from api.source and api.account")
                .define(API_ACCOUNT, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.identifier("board:www.example.gov.cn/zmhd"),
                        Importance.HIGH, "the account of the posts: the board or platform account as registered for inspection, "
                                + "such as board:www.example.gov.cn/zmhd; every post id starts with it")
                .define(API_SOURCE, Type.STRING, SourceType.CITIZEN_MESSAGE.code(), ConfigValidators.of("one of " + SourceType.codes(),
                        v -> SourceType.fromCode(v).isPresent() ? null : "is not a source; use one of " + SourceType.codes()), Importance.HIGH,
                        "the source of the posts, such as citizen-message for a message board or weibo for a platform account")
                .define(API_REGION, Type.STRING, "", ConfigValidators.optionalName(64), Importance.MEDIUM,
                        "the region of the posts, such as 南湖区; empty for none")
                .define(API_SEEN_MAX, Type.INT, 2_000, Range.between(10, 100_000), Importance.LOW,
                        "how many recently sent items the offset remembers so that a later poll or a restarted worker does not send "
                                + "them again; keep it above the items one poll can see (api.pages.max times the page size)")
                .define(API_CHARSET, Type.STRING, "", ConfigValidators.charsetOrEmpty(), Importance.LOW,
                        "read the answers in this charset (an API that sends GBK and does not say so); empty: the charset "
                                + "the Content-Type header names, else UTF-8 (or UTF-16/32, detected)")
                .define(HTTP_HEADERS, Type.PASSWORD, "", new HeadersValidator(), Importance.MEDIUM,
                        "further request headers, such as Authorization: Bearer TOKEN, as 'Name: value' separated by new lines or '|'; "
                                + "a password (hidden by the worker), so it can come from a config provider such as "
                                + "${file:/run/secrets/api.properties:headers}");
        return HttpSourceKeys.define(d, "each poll reads the listing as api.paging says", "Yuqing (public-opinion monitoring; API reader)");
    }

    public HttpApiConfig(Map<String, String> props) {
        super(definition(), props);
    }

    private static String urlProblem(String template) {
        String example = "https://api.example.gov.cn/messages?page={page}&size=50";
        String sample = sample(template);
        String problem = null;
        try {
            ConfigValidators.httpUrl(example).ensureValid(API_URL, sample);
        } catch (ConfigException e) {
            problem = "must be an absolute http(s) URL with a host, with {page}, {cursor} or {since} where the paging value goes, such as " + example;
        }
        return problem;
    }

    private static String pointerProblem(String pointer) {
        if (pointer.isEmpty()) {
            return null;
        }
        try {
            JsonPointer.compile(pointer);
            return null;
        } catch (IllegalArgumentException e) {
            return "is not a JSON Pointer (" + e.getMessage() + "); write it as /data/items";
        }
    }

    private static String mappingProblem(String spec) {
        String problem = FieldMapping.problem(spec);
        if (problem != null) {
            return problem;
        }
        FieldMapping m = FieldMapping.parse(spec);
        if (!m.maps("id")) {
            return "must map id, the item's native id, such as id=/mid";
        }
        if (m.maps("account") || m.maps("source")) {
            return "must not map account or source; set " + API_ACCOUNT + " and " + API_SOURCE + " instead";
        }
        return null;
    }

    /**
     * The headers of {@code spec}: 'Name: value' entries separated by new lines or '|'.
     *
     * @throws IllegalArgumentException naming the entry, never its value (it may be a secret)
     */
    static Map<String, String> parseHeaders(String spec) {
        Map<String, String> headers = new LinkedHashMap<>();
        int n = 0;
        for (String entry : spec.split("[\\r\\n|]")) {
            if (entry.isBlank()) {
                continue;
            }
            n++;
            int colon = entry.indexOf(':');
            String name = colon < 0 ? "" : entry.substring(0, colon).strip();
            String value = colon < 0 ? "" : entry.substring(colon + 1).strip();
            if (!name.matches("[!#$%&'*+.^_`~0-9A-Za-z-]+") || value.isEmpty()) {
                throw new IllegalArgumentException("entry " + n + " is not 'Name: value' (such as Authorization: Bearer TOKEN)");
            }
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("entry " + n + " sets " + name + ", which the connector sets itself"
                        + (name.equalsIgnoreCase("user-agent") ? "; use " + HttpSourceKeys.HTTP_USER_AGENT : "") + "; remove it");
            }
            headers.put(name, value);
        }
        return headers;
    }

    /** Checks the headers without putting the secret into the message (Password hides it in "Invalid value [hidden]"). */
    private record HeadersValidator() implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String spec = value instanceof Password p ? p.value() : value == null ? "" : value.toString();
            try {
                parseHeaders(spec);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "empty, or 'Name: value' entries separated by new lines or '|'";
        }
    }

    /** The template with 1 for each placeholder: a URL to check. */
    private static String sample(String template) {
        String sample = template.strip();
        for (Paging p : Paging.values()) {
            sample = sample.replace(p.placeholder(), "1");
        }
        return sample;
    }

    /** A URL of the API, the template with 1 for each placeholder: its scheme and host are those of every request. */
    public URI sampleUrl() {
        return URI.create(sample(getString(API_URL)));
    }

    public String urlTemplate() {
        return getString(API_URL).strip();
    }

    public Paging paging() {
        return Paging.parse(getString(API_PAGING));
    }

    public int firstPage() {
        return getInt(API_PAGE_FIRST);
    }

    public int maxPages() {
        return getInt(API_PAGES_MAX);
    }

    /** The pointer to the next cursor, or null when none is configured. */
    public JsonPointer cursorPointer() {
        String p = getString(API_CURSOR_POINTER);
        return p.isEmpty() ? null : JsonPointer.compile(p);
    }

    public String initialCursor() {
        return getString(API_CURSOR_INITIAL);
    }

    public String initialSince() {
        return getString(API_SINCE_INITIAL);
    }

    public JsonPointer itemsPointer() {
        return JsonPointer.compile(getString(API_ITEMS_POINTER));
    }

    public FieldMapping mapping() {
        return FieldMapping.parse(getString(API_MAPPING));
    }

    public String account() {
        return getString(API_ACCOUNT);
    }

    public SourceType source() {
        return SourceType.fromCode(getString(API_SOURCE)).orElseThrow();
    }

    public String region() {
        return getString(API_REGION);
    }

    /** The configured charset, or null to take the answer's own. */
    public Charset charset() {
        String label = getString(API_CHARSET);
        return label.isEmpty() ? null : Charsets.forLabel(label).orElseThrow();
    }

    public int seenMax() {
        return getInt(API_SEEN_MAX);
    }

    public Map<String, String> headers() {
        return parseHeaders(getPassword(HTTP_HEADERS).value());
    }

    public HttpSourceKeys.Values http() {
        return HttpSourceKeys.Values.of(this);
    }
}
