package dev.yuqing.connectors.connect;

import dev.yuqing.core.post.PostJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable post ids: the same item fetched again gets the same id, so that the job's
 * de-duplication drops the repeat. An id is {@code scope:nativeId} (scope: the source's account,
 * so that the same item in two columns stays two posts) when that is a valid id, else
 * {@code scope:sha256:<hex>} of the native id (too long, or white space in it).
 */
public final class PostIds {
    private PostIds() {}

    public static String of(String scope, String nativeId) {
        String id = scope + ":" + nativeId.strip();
        if (id.length() <= PostJson.MAX_ID_LENGTH && id.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return id;
        }
        return scope + ":sha256:" + sha256Hex(nativeId.strip());
    }

    /** Hex SHA-256 of the UTF-8 text. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
