package dev.yuqing.core.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes {@link Post} as JSON. Reading validates every field and rejects a record with
 * the field's name and the reason, so that a dead-letter record says what to fix.
 */
public final class PostJson {
    public static final int MAX_ID_LENGTH = 256;
    public static final int MAX_TEXT_LENGTH = 200_000;
    static final Set<String> FIELDS = Set.of("id", "source", "account", "author", "url", "title", "text",
            "publishedAt", "fetchedAt", "region", "replyTo", "threadId", "engagement");
    static final Set<String> ENGAGEMENT_FIELDS = Set.of("likes", "comments", "shares", "views");

    private final ZoneId zone;

    public PostJson(ZoneId zoneForLocalTimes) {
        this.zone = zoneForLocalTimes;
    }

    public PostJson() {
        this(PostTimes.CHINA);
    }

    public byte[] write(Post post) {
        try {
            return Json.MAPPER.writeValueAsBytes(post);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Post always serialises", e);
        }
    }

    public Post read(byte[] json) throws InvalidPostException {
        if (json == null || json.length == 0) {
            throw new InvalidPostException("record", "empty");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidPostException("record", "not JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidPostException("record", "unreadable: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPostException("record", "not a JSON object");
        }
        return read((ObjectNode) root);
    }

    public Post read(ObjectNode o) throws InvalidPostException {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidPostException(name, "unknown field (known: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        String id = requiredText(o, "id");
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidPostException("id", "longer than " + MAX_ID_LENGTH + " characters");
        }
        if (id.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidPostException("id", "contains white space or control characters");
        }
        String sourceCode = requiredText(o, "source");
        SourceType source = SourceType.fromCode(sourceCode).orElseThrow(() -> new InvalidPostException(
                "source", "unknown '" + sourceCode + "' (expected one of " + SourceType.codes() + ")"));
        String account = requiredText(o, "account");
        String text = requiredText(o, "text");
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidPostException("text", "longer than " + MAX_TEXT_LENGTH + " characters");
        }
        Instant publishedAt = time(o, "publishedAt").orElseThrow(() -> new InvalidPostException("publishedAt", "required"));
        Instant fetchedAt = time(o, "fetchedAt").orElse(null);
        String url = optionalText(o, "url");
        if (url != null) {
            checkUrl(url);
        }
        return new Post(id, source, account, optionalText(o, "author"), url, optionalText(o, "title"), text,
                publishedAt, fetchedAt, optionalText(o, "region"), optionalText(o, "replyTo"),
                optionalText(o, "threadId"), engagement(o.get("engagement")));
    }

    private static String requiredText(ObjectNode o, String field) throws InvalidPostException {
        String value = optionalText(o, field);
        if (value == null) {
            throw new InvalidPostException(field, "required");
        }
        return value;
    }

    /** Text of a string or number field, stripped; null when missing, null or blank. */
    private static String optionalText(ObjectNode o, String field) throws InvalidPostException {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() && !n.isNumber()) {
            throw new InvalidPostException(field, "expected a string, got " + n.getNodeType().name().toLowerCase());
        }
        String s = n.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private Optional<Instant> time(ObjectNode o, String field) throws InvalidPostException {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.isIntegralNumber()) {
            return Optional.of(PostTimes.fromEpochNumber(n.asLong()));
        }
        if (!n.isTextual()) {
            throw new InvalidPostException(field, "expected a time, got " + n.getNodeType().name().toLowerCase());
        }
        if (n.asText().isBlank()) {
            return Optional.empty();
        }
        Optional<Instant> t = PostTimes.parse(n.asText(), zone);
        if (t.isEmpty()) {
            throw new InvalidPostException(field, "not a time: '" + abbreviate(n.asText()) + "' (ISO-8601, 'yyyy-MM-dd HH:mm:ss' or epoch)");
        }
        return t;
    }

    private static void checkUrl(String url) throws InvalidPostException {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                throw new InvalidPostException("url", "not an absolute http(s) URL: '" + abbreviate(url) + "'");
            }
        } catch (URISyntaxException e) {
            throw new InvalidPostException("url", "not a URL: '" + abbreviate(url) + "'");
        }
    }

    private static Engagement engagement(JsonNode n) throws InvalidPostException {
        if (n == null || n.isNull()) {
            return Engagement.NONE;
        }
        if (!n.isObject()) {
            throw new InvalidPostException("engagement", "expected an object with " + ENGAGEMENT_FIELDS);
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!ENGAGEMENT_FIELDS.contains(name)) {
                throw new InvalidPostException("engagement." + name, "unknown field (known: " + ENGAGEMENT_FIELDS + ")");
            }
        }
        return new Engagement(count(n, "likes"), count(n, "comments"), count(n, "shares"), count(n, "views"));
    }

    private static long count(JsonNode engagement, String field) throws InvalidPostException {
        JsonNode n = engagement.get(field);
        if (n == null || n.isNull()) {
            return 0;
        }
        long value;
        if (n.isIntegralNumber()) {
            value = n.asLong();
        } else if (n.isTextual() && n.asText().strip().matches("\\d{1,18}")) {
            value = Long.parseLong(n.asText().strip());
        } else {
            throw new InvalidPostException("engagement." + field, "not a whole number: " + abbreviate(n.toString()));
        }
        if (value < 0) {
            throw new InvalidPostException("engagement." + field, "negative: " + value);
        }
        return value;
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
