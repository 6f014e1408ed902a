package dev.yuqing.core;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum constant that travels in JSON and configuration as a short code ({@code home-page},
 * {@code reply-late}): the look-ups every such enum needs, written once.
 */
public interface Coded {
    String code();

    static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }

    /** The codes, comma-separated, for error messages. */
    static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }

    /** The constant of {@code code}, or an error naming {@code what} it should have been and the codes allowed. */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String code, String what) {
        return find(type, code).orElseThrow(() -> new IllegalArgumentException(
                "unknown " + what + " '" + code + "' (expected one of " + codes(type) + ")"));
    }
}
