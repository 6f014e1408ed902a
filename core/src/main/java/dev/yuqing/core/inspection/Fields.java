package dev.yuqing.core.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of the inspection configuration files: unknown fields are refused (a misspelt
 * field would otherwise vanish and leave a default in force), and every failure names the field.
 * Callers add which entry it was.
 */
final class Fields {
    private Fields() {}

    /** A field that cannot be read; the caller turns it into its own exception with the entry. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;
        final String reason;

        Problem(String field, String reason) {
            super(field + ": " + reason, null, false, false);
            this.field = field;
            this.reason = reason;
        }
    }

    static JsonNode parse(byte[] json, String what) {
        if (json == null || json.length == 0) {
            throw new Problem("record", what + " is empty");
        }
        try {
            JsonNode root = Json.MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new Problem("record", what + " is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            String m = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("unreadable");
            throw new Problem("record", what + " is not JSON: " + m);
        }
    }

    static void known(JsonNode o, String... fields) {
        if (!o.isObject()) {
            throw new Problem("record", "expected a JSON object, got " + type(o));
        }
        Set<String> allowed = Set.of(fields);
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new Problem(name, "unknown field (known: " + String.join(", ", new TreeSet<>(Arrays.asList(fields))) + ")");
            }
        }
    }

    /** The stripped text of a string field; null when missing, null or blank. */
    static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new Problem(field, "expected a string, got " + type(n));
        }
        String s = n.asText().strip();
        return s.isEmpty() ? null : s;
    }

    static String requiredText(JsonNode o, String field) {
        String s = text(o, field);
        if (s == null) {
            throw new Problem(field, "required");
        }
        return s;
    }

    /** A boolean field; false when missing or null. */
    static boolean bool(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            throw new Problem(field, "expected true or false, got " + n);
        }
        return n.booleanValue();
    }

    static Integer integer(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new Problem(field, "expected a whole number, got " + n);
        }
        return n.intValue();
    }

    static int requiredInt(JsonNode o, String field) {
        Integer i = integer(o, field);
        if (i == null) {
            throw new Problem(field, "required");
        }
        return i;
    }

    static Span span(JsonNode o, String field) {
        String s = text(o, field);
        if (s == null) {
            return null;
        }
        try {
            return Span.parse(s);
        } catch (IllegalArgumentException e) {
            throw new Problem(field, e.getMessage());
        }
    }

    static LocalDate date(JsonNode o, String field) {
        String s = requiredText(o, field);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeException e) {
            throw new Problem(field, "not a date: '" + s + "' (expected yyyy-MM-dd)");
        }
    }

    static Instant instant(JsonNode o, String field) {
        String s = text(o, field);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeException e) {
            throw new Problem(field, "not an ISO-8601 UTC time: '" + s + "'");
        }
    }

    static List<String> strings(JsonNode o, String field) {
        JsonNode n = o.get(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new Problem(field, "expected an array of strings, got " + type(n));
        }
        for (JsonNode e : n) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw new Problem(field, "expected non-blank strings, got " + e);
            }
            out.add(e.asText().strip());
        }
        return out;
    }

    static JsonNode array(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new Problem(field, "required");
        }
        if (!n.isArray()) {
            throw new Problem(field, "expected an array, got " + type(n));
        }
        return n;
    }

    static JsonNode object(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new Problem(field, "required");
        }
        if (!n.isObject()) {
            throw new Problem(field, "expected an object, got " + type(n));
        }
        return n;
    }

    private static String type(JsonNode n) {
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
