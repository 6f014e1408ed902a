package dev.yuqing.core.alerting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signatures that DingTalk and Feishu robots with 加签 (signing) enabled require. */
public final class RobotSignatures {
    private RobotSignatures() {}

    /**
     * DingTalk: Base64 of HmacSHA256, keyed by the secret, over {@code timestamp + "\n" + secret},
     * with the timestamp in epoch milliseconds; URL-encoded, as the query parameter carries it.
     */
    public static String dingTalk(long timestampMillis, String secret) {
        byte[] mac = hmac(secret.getBytes(StandardCharsets.UTF_8), (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
    }

    /** The robot URL with {@code &timestamp=..&sign=..} appended ({@code ?} if it has no query yet). */
    public static String dingTalkUrl(String url, long timestampMillis, String secret) {
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign=" + dingTalk(timestampMillis, secret);
    }

    /**
     * Feishu: Base64 of HmacSHA256 keyed by {@code timestamp + "\n" + secret} over no data, with
     * the timestamp in epoch seconds; it goes in the body beside the timestamp, not URL-encoded.
     */
    public static String feishu(long timestampSeconds, String secret) {
        byte[] mac = hmac((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
        return Base64.getEncoder().encodeToString(mac);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
