package dev.yuqing.core.inspection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

/**
 * A length of time as the national rules state it: in months ("6 个月", "3 个月"), days or weeks
 * ("2 周") and, for short test settings, hours. A {@link Duration} cannot hold a month, and six
 * months are 181 to 184 days depending on where they start, so months are added on the calendar in
 * China time. Written as ISO-8601: {@code P6M}, {@code P2W}, {@code P14D}, {@code PT12H},
 * {@code P1DT12H}.
 *
 * @param months  calendar months (years are read as 12 months)
 * @param days    calendar days (weeks are read as 7 days)
 * @param seconds exact seconds added after the months and days
 */
public record Span(int months, int days, long seconds) implements Serializable {
    /** Mean Gregorian month, only for comparing spans, never for adding them. */
    private static final long MEAN_MONTH_SECONDS = 2_629_746L;

    public Span {
        if (months < 0 || days < 0 || seconds < 0) {
            throw new IllegalArgumentException("a span cannot be negative: " + months + " months, " + days + " days, " + seconds + " s");
        }
        if (months == 0 && days == 0 && seconds == 0) {
            throw new IllegalArgumentException("a span must be longer than zero");
        }
    }

    public static Span ofDays(int days) {
        return new Span(0, days, 0);
    }

    public static Span ofMonths(int months) {
        return new Span(months, 0, 0);
    }

    public static Span of(Duration duration) {
        return new Span(0, 0, duration.getSeconds());
    }

    /** Reads {@code P6M}, {@code P2W}, {@code P14D}, {@code PT36H}, {@code P1M2DT3H} (case-insensitive). */
    @JsonCreator
    public static Span parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty span (expected ISO-8601 such as P14D, P6M or PT12H)");
        }
        String s = text.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            int t = s.indexOf('T');
            String datePart = t < 0 ? s : s.substring(0, t);
            Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
            Duration time = t < 0 ? Duration.ZERO : Duration.parse("P" + s.substring(t));
            if (period.isNegative() || time.isNegative()) {
                throw new IllegalArgumentException("negative span '" + text + "'");
            }
            return new Span(Math.toIntExact(period.toTotalMonths()), period.getDays(), time.getSeconds());
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("not a span: '" + text + "' (expected ISO-8601 such as P14D, P6M or PT12H)");
        }
    }

    /** {@code from} plus this span: months and days on the calendar of {@code zone}, then the seconds. */
    public Instant addTo(Instant from, ZoneId zone) {
        return from.atZone(zone).plusMonths(months).plusDays(days).toInstant().plusSeconds(seconds);
    }

    /** {@code to} minus this span, the inverse of {@link #addTo} for the same zone. */
    public Instant subtractFrom(Instant to, ZoneId zone) {
        return to.minusSeconds(seconds).atZone(zone).minusDays(days).minusMonths(months).toInstant();
    }

    /** About how long this is (a month counted as the mean Gregorian month): for comparisons only. */
    public Duration approximate() {
        return Duration.ofSeconds(months * MEAN_MONTH_SECONDS + days * 86_400L + seconds);
    }

    /** Whether this is surely at least as long as {@code other}, wherever on the calendar both start. */
    public boolean isLongerThan(Span other) {
        return approximate().compareTo(other.approximate()) > 0;
    }

    /** For people, in Chinese: 6个月, 14天, 1个月零3天, 12小时. */
    public String toChinese() {
        StringBuilder sb = new StringBuilder();
        if (months > 0) {
            sb.append(months).append("个月");
        }
        if (days > 0) {
            sb.append(sb.length() > 0 ? "零" : "").append(days).append("天");
        }
        if (seconds > 0) {
            long hours = seconds / 3600;
            long minutes = seconds % 3600 / 60;
            sb.append(sb.length() > 0 ? "零" : "");
            sb.append(hours > 0 ? hours + "小时" : "").append(minutes > 0 ? minutes + "分钟" : "");
            if (hours == 0 && minutes == 0) {
                sb.append(seconds).append("秒");
            }
        }
        return sb.length() == 0 ? "0天" : sb.toString();
    }

    @JsonValue
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("P");
        if (months % 12 == 0 && months > 0) {
            sb.append(months / 12).append('Y');
        } else if (months > 0) {
            sb.append(months).append('M');
        }
        if (days > 0) {
            sb.append(days).append('D');
        }
        if (seconds > 0) {
            sb.append(Duration.ofSeconds(seconds).toString().substring(1));
        }
        return sb.toString();
    }
}
