package dev.yuqing.connectors.govmessages;

import dev.yuqing.core.post.PostTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The times of message-board exports, China time: {@code 2019/4/25 9:32:09}, a bare date
 * ({@code 2019/4/25}, read as midnight), or a spreadsheet serial day number
 * ({@code 43580.3973}: days since 1899-12-30, as Excel stores a cell that lost its format).
 */
public final class ChinaTimes {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu/M/d H:m[:s]");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/M/d");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.\\d+)?");
    private static final LocalDateTime SERIAL_EPOCH = LocalDateTime.of(1899, 12, 30, 0, 0);
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private ChinaTimes() {}

    /** The instant, or empty when the text is none of the three forms. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            if (SERIAL.matcher(t).matches()) {
                long millis = new BigDecimal(t).multiply(BigDecimal.valueOf(MILLIS_PER_DAY)).longValue();
                return Optional.of(SERIAL_EPOCH.plusNanos(millis * 1_000_000).atZone(PostTimes.CHINA).toInstant());
            }
            if (t.indexOf(' ') < 0) {
                return Optional.of(LocalDate.parse(t, DATE).atStartOfDay(PostTimes.CHINA).toInstant());
            }
            return Optional.of(LocalDateTime.parse(t, DATE_TIME).atZone(PostTimes.CHINA).toInstant());
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty(); // the caller rejects the row and names the field
        }
    }
}
