package dev.yuqing.core.alerting;

import java.io.Serializable;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * At most {@code messages} per {@code per}, with bursts of up to {@code burst}. Written
 * {@code 20/1m} (burst = messages) or {@code 20/1m burst 5}; DingTalk robots, for one, allow
 * 20 messages a minute.
 */
public record RateLimit(int messages, Duration per, int burst) implements Serializable {
    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*(ms|s|m|h)\\s*(?:burst\\s+(\\d+))?\\s*");

    public RateLimit {
        if (messages < 1 || burst < 1 || per == null || per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("rate limit needs messages ≥ 1, burst ≥ 1 and a positive period");
        }
    }

    public static RateLimit parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("rate limit must look like 20/1m or 20/1m burst 5, was '" + text + "'");
        }
        int n = Integer.parseInt(m.group(1));
        long amount = Long.parseLong(m.group(2));
        Duration per = switch (m.group(3)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        return new RateLimit(n, per, m.group(4) == null ? n : Integer.parseInt(m.group(4)));
    }

    @Override
    public String toString() {
        return messages + "/" + per.toMillis() + "ms burst " + burst;
    }
}
