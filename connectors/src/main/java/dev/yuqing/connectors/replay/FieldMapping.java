package dev.yuqing.connectors.replay;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a source record's fields onto {@link dev.yuqing.core.post.Post} fields. Written as
 * {@code postField=sourceField} pairs separated by commas; a quoted value is a constant, so
 * {@code id=mid,text=text,publishedAt=created_at,source='weibo',account='weibo:city'} maps a
 * Weibo export. {@code engagement.likes=attitudes} fills a nested count. A source field that
 * starts with {@code /} is a JSON Pointer into the record ({@code author=/user/screen_name}), for
 * nested JSON such as API answers and some exports. Source fields that the
 * mapping does not name are left out; an empty mapping passes JSON records through unchanged.
 */
public final class FieldMapping {
    static final Set<String> TARGETS = Set.of("id", "source", "account", "author", "url", "title", "text",
            "publishedAt", "fetchedAt", "region", "replyTo", "threadId",
            "engagement.likes", "engagement.comments", "engagement.shares", "engagement.views");

    private record Rule(String target, String sourceField, String constant) {}

    private final List<Rule> rules;

    private FieldMapping(List<Rule> rules) {
        this.rules = rules;
    }

    public static FieldMapping identity() {
        return new FieldMapping(List.of());
    }

    public static FieldMapping parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return identity();
        }
        List<Rule> rules = new ArrayList<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("mapping entry '" + part.strip() + "' is not postField=sourceField or postField='constant'");
            }
            String target = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (value.startsWith("/")) {
                try {
                    JsonPointer.compile(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("mapping entry '" + part.strip() + "': '" + value + "' is not a JSON Pointer (" + e.getMessage() + ")", e);
                }
            }
            if (!TARGETS.contains(target)) {
                throw new IllegalArgumentException("mapping names unknown post field '" + target + "' (known: " + TARGETS.stream().sorted().toList() + ")");
            }
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                rules.add(new Rule(target, null, value.substring(1, value.length() - 1)));
            } else {
                rules.add(new Rule(target, value, null));
            }
        }
        return new FieldMapping(List.copyOf(rules));
    }

    /** Null when {@code spec} parses, else what is wrong with it (for a config validator). */
    public static String problem(String spec) {
        try {
            parse(spec);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Whether the mapping fills {@code target}. */
    public boolean maps(String target) {
        return rules.stream().anyMatch(r -> r.target.equals(target));
    }

    public boolean isIdentity() {
        return rules.isEmpty();
    }

    /** Source fields the mapping reads (CSV replay checks them against the header). */
    public List<String> sourceFields() {
        return rules.stream().filter(r -> r.sourceField != null).map(Rule::sourceField).toList();
    }

    /** Null when every source field the mapping reads is a column of {@code header}, else the first that is not. */
    public String headerProblem(List<String> header) {
        if (isIdentity()) {
            return null; // the header names must then be post fields; validation says which are not
        }
        for (String field : sourceFields()) {
            if (!header.contains(field)) {
                return "column '" + field + "' is not in the header " + header;
            }
        }
        return null;
    }

    public ObjectNode apply(JsonNode record) {
        if (isIdentity()) {
            return (ObjectNode) record.deepCopy();
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Rule r : rules) {
            JsonNode value = r.constant != null ? JsonNodeFactory.instance.textNode(r.constant)
                    : r.sourceField.startsWith("/") ? record.at(r.sourceField) : record.get(r.sourceField);
            if (value == null || value.isNull() || value.isMissingNode()) {
                continue;
            }
            if (r.target.startsWith("engagement.")) {
                out.withObjectProperty("engagement").set(r.target.substring("engagement.".length()), value);
            } else {
                out.set(r.target, value);
            }
        }
        return out;
    }

    public ObjectNode apply(Map<String, String> row) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        row.forEach(node::put);
        return apply(node);
    }
}
