package dev.yuqing.connectors.site;

import dev.yuqing.core.post.PostTimes;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as site pages print them. With a pattern, the whole text must match it. Without one, the
 * text is ISO 8601 or one of core's {@link PostTimes} forms, else the first date in it is taken,
 * with the time that follows it if any: pages write "发布时间：2026-05-15 09:30 来源：办公室" or
 * "2026年5月15日". A date alone is midnight; times without an offset are in the configured zone.
 */
public final class SiteTimes {
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})\\s*[-/年.]\\s*(\\d{1,2})\\s*[-/月.]\\s*(\\d{1,2})\\s*日?(?:\\s*(\\d{1,2})\\s*[:：时]\\s*(\\d{1,2})(?:\\s*[:：分]\\s*(\\d{1,2}))?)?");

    private final String pattern;
    private final DateTimeFormatter formatter;
    private final ZoneId zone;

    /** @param pattern a java.time pattern of the whole text, or null to find the date in the text */
    public SiteTimes(String pattern, ZoneId zone) {
        this.pattern = pattern;
        this.formatter = pattern == null ? null : DateTimeFormatter.ofPattern(pattern);
        this.zone = zone;
    }

    public Optional<Instant> parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (formatter != null) {
                TemporalAccessor t = formatter.parseBest(s, LocalDateTime::from, LocalDate::from);
                LocalDateTime local = t instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) t;
                return Optional.of(local.atZone(zone).toInstant());
            }
            Optional<Instant> whole = PostTimes.parse(s, zone);
            if (whole.isPresent()) {
                return whole;
            }
            Matcher m = DATE_TIME.matcher(s);
            if (!m.find()) {
                return Optional.empty();
            }
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return Optional.of(local.atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty(); // no such date (2026-02-30), or not the pattern: the caller names the field
        }
    }

    /** What was expected, for a dead letter's reason. */
    public String expected() {
        return pattern != null ? "expected the pattern '" + pattern + "' (item.time.pattern)"
                : "expected a date such as 2026-05-15 09:30 or 2026年5月15日; set item.time.pattern for other forms";
    }
}
