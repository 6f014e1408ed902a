package dev.yuqing.connectors.connect;

import dev.yuqing.connectors.http.Charsets;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validators for connector keys whose messages say how to fix the value; Connect prefixes them
 * with "Invalid value V for configuration KEY". {@code toString} is what the docs show as the
 * valid values.
 */
public final class ConfigValidators {
    /** Longest account id: with the separator and a hash, a post id stays under 256 characters. */
    static final int MAX_ID_LENGTH = 128;

    private ConfigValidators() {}

    private record Described(String description, Check check) implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String problem = value == null ? "must be set" : check.problem(value.toString());
            if (problem != null) {
                throw new ConfigException(name, value, problem);
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** A connector's own check of a value. */
    @FunctionalInterface
    public interface Check {
        /** Null when the value is fine, else what is wrong and how to fix it. */
        String problem(String value);
    }

    /** A validator for a check of the connector's own; {@code validValues} is what the docs show. */
    public static ConfigDef.Validator of(String validValues, Check check) {
        return new Described(validValues, check);
    }

    /** An absolute http(s) URL with a host. */
    public static ConfigDef.Validator httpUrl(String example) {
        return new Described("an absolute http(s) URL", v -> {
            try {
                URI uri = new URI(v.strip());
                if (uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                        && uri.getHost() != null) {
                    return null;
                }
            } catch (URISyntaxException e) {
                return "is not a URL (" + e.getReason() + " at index " + e.getIndex() + "); give an absolute http(s) URL such as " + example;
            }
            return "must be an absolute http(s) URL with a host, such as " + example;
        });
    }

    /** An id that goes into post ids: not blank, no white space, at most 128 characters. */
    public static ConfigDef.Validator identifier(String example) {
        return new Described("non-empty, no white space, at most " + MAX_ID_LENGTH + " characters", v -> {
            if (v.isBlank()) {
                return "must not be empty; give an id such as " + example;
            }
            if (v.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                return "must not contain white space (it is part of every post id); for example " + example;
            }
            return v.length() > MAX_ID_LENGTH ? "is longer than " + MAX_ID_LENGTH + " characters; use a shorter id such as " + example : null;
        });
    }

    /** Empty, or a short name (Connect strips the white space around string values). */
    public static ConfigDef.Validator optionalName(int maxLength) {
        return new Described("empty, or at most " + maxLength + " characters",
                v -> v.length() > maxLength ? "is longer than " + maxLength + " characters; shorten it" : null);
    }

    /** Empty (detect), or a charset this JVM can decode. */
    public static ConfigDef.Validator charsetOrEmpty() {
        return new Described("empty, or a charset name such as UTF-8, GBK, GB18030, Big5", v ->
                v.isEmpty() || Charsets.forLabel(v).isPresent() ? null
                        : "is not a charset this JVM knows; use a name such as UTF-8, GBK, GB18030 or Big5, or leave it empty to detect it");
    }

    /** A legal Kafka topic name. */
    public static ConfigDef.Validator topicName() {
        return new Described("a Kafka topic name: letters, digits, '.', '_', '-', at most 249 characters", ConfigValidators::topicProblem);
    }

    /** Empty (the records are not written), or a topic name. */
    public static ConfigDef.Validator optionalTopicName() {
        return new Described("empty, or a Kafka topic name: letters, digits, '.', '_', '-', at most 249 characters",
                v -> v.isEmpty() ? null : topicProblem(v));
    }

    private static String topicProblem(String v) {
        if (v.isEmpty() || v.length() > 249 || !v.matches("[a-zA-Z0-9._-]+") || v.equals(".") || v.equals("..")) {
            return "is not a Kafka topic name; use letters, digits, '.', '_' and '-' only, such as posts.raw";
        }
        return null;
    }

    /** Not empty after stripping white space. */
    public static ConfigDef.Validator nonBlank(String example) {
        return new Described("non-empty", v -> v.isBlank() ? "must not be empty; for example " + example : null);
    }
}
