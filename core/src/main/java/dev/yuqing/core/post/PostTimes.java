package dev.yuqing.core.post;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Optional;

/**
 * Reads the time formats that sources actually send. Times without an offset are read in the
 * sources' zone (China Standard Time by default), since Chinese sites and exports omit it.
 */
public final class PostTimes {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final List<DateTimeFormatter> LOCAL_FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            localPattern("yyyy-M-d H:mm"),
            localPattern("yyyy/M/d H:mm"),
            localPattern("yyyy年M月d日 H:mm"));

    private PostTimes() {}

    private static DateTimeFormatter localPattern(String dateAndMinutes) {
        return new DateTimeFormatterBuilder()
                .appendPattern(dateAndMinutes)
                .optionalStart().appendPattern(":ss").optionalEnd()
                .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
                .toFormatter();
    }

    /** An instant from ISO-8601 with or without offset, or a common local Chinese format. */
    public static Optional<Instant> parse(String text, ZoneId zone) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeException ignoredTryNextFormat) {
            // not an offset time; the local formats follow
        }
        for (DateTimeFormatter f : LOCAL_FORMATS) {
            try {
                return Optional.of(LocalDateTime.parse(s, f).atZone(zone).toInstant());
            } catch (DateTimeException ignoredTryNextFormat) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    /** Epoch seconds below this are taken as seconds, above as milliseconds (year 2286 in seconds). */
    static Instant fromEpochNumber(long value) {
        return value < 10_000_000_000L ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
    }
}
