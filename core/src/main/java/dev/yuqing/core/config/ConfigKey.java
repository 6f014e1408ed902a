package dev.yuqing.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key, declared once: name, type, default, validator and description. The same
 * key is read from {@code --name=value}, a Java system property {@code yuqing.name}, or the
 * environment variable {@link #envName()} (how docker-compose sets it), in that order.
 */
public final class ConfigKey<T> {
    /** Returns null when the value is acceptable, else what is wrong with it. */
    @FunctionalInterface
    public interface Validator<T> {
        String check(T value);
    }

    private final String name;
    private final String type;
    private final Function<String, T> parser;
    private final String defaultValue;
    private final Validator<T> validator;
    private final String description;

    private ConfigKey(String name, String type, Function<String, T> parser, String defaultValue, Validator<T> validator, String description) {
        if (name == null || !name.matches("[a-z][a-z0-9]*(\\.[a-z][a-z0-9-]*)*")) {
            throw new IllegalArgumentException("config key name must be dotted lower case: " + name);
        }
        this.name = name;
        this.type = Objects.requireNonNull(type);
        this.parser = Objects.requireNonNull(parser);
        this.defaultValue = defaultValue;
        this.validator = validator == null ? v -> null : validator;
        this.description = description;
    }

    public static ConfigKey<String> string(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, "string", s -> s, defaultValue, v -> v.isBlank() ? "must not be blank" : null, description);
    }

    /** A string that may be empty (an optional password, an unset directory). */
    public static ConfigKey<String> optionalString(String name, String description) {
        return new ConfigKey<>(name, "string", s -> s, "", null, description);
    }

    public static ConfigKey<Integer> integer(String name, int defaultValue, int min, int max, String description) {
        return new ConfigKey<>(name, "int", Integer::valueOf, Integer.toString(defaultValue),
                v -> v < min || v > max ? "must be between " + min + " and " + max : null, description);
    }

    public static ConfigKey<Double> decimal(String name, double defaultValue, double min, double max, String description) {
        return new ConfigKey<>(name, "decimal", Double::valueOf, Double.toString(defaultValue),
                v -> v < min || v > max || v.isNaN() ? "must be between " + min + " and " + max : null, description);
    }

    public static ConfigKey<Boolean> bool(String name, boolean defaultValue, String description) {
        return new ConfigKey<>(name, "boolean", ConfigKey::parseBoolean, Boolean.toString(defaultValue), null, description);
    }

    /** A duration as ISO-8601 ({@code PT10S}) or a number with a unit: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 7d}. */
    public static ConfigKey<Duration> duration(String name, String defaultValue, Duration min, String description) {
        return new ConfigKey<>(name, "duration", ConfigKey::parseDuration, defaultValue,
                v -> v.compareTo(min) < 0 ? "must be at least " + min : null, description);
    }

    public static <E extends Enum<E>> ConfigKey<E> enumeration(String name, Class<E> type, E defaultValue, String description) {
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        return new ConfigKey<>(name, "one of " + allowed, s -> {
            try {
                return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected one of " + allowed);
            }
        }, defaultValue.name().toLowerCase(Locale.ROOT), null, description);
    }

    /** A key with no default: the caller must set it. */
    public ConfigKey<T> required() {
        return new ConfigKey<>(name, type, parser, null, validator, description);
    }

    public ConfigKey<T> withDefault(String value) {
        return new ConfigKey<>(name, type, parser, value, validator, description);
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** {@code kafka.bootstrap.servers} → {@code YUQING_KAFKA_BOOTSTRAP_SERVERS}. */
    public String envName() {
        return "YUQING_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Parses and validates; the message of the exception names the problem without the key. */
    T parse(String raw) {
        T value;
        try {
            value = parser.apply(type.equals("string") ? raw : raw.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a " + type
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
        String problem = validator.check(value);
        if (problem != null) {
            throw new IllegalArgumentException("'" + raw + "' " + problem);
        }
        return value;
    }

    private static Boolean parseBoolean(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected e.g. 500ms, 10s, 5m, 2h, 7d or PT10S");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
