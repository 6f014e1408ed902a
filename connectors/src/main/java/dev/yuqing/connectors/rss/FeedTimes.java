package dev.yuqing.connectors.rss;

import dev.yuqing.core.post.PostTimes;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Published times as feeds write them: RFC 822 / RFC 1123 ({@code Tue, 03 Jun 2008 11:05:30 GMT},
 * with or without the weekday or seconds, two-digit years, numeric offsets or zone names), Java's
 * {@code Date.toString()} ({@code Tue Jun 03 11:05:30 CST 2008}, which Chinese Java CMSs print),
 * ISO 8601 / RFC 3339 (Atom), and the local Chinese forms {@link PostTimes} reads. A time without
 * a zone is China time, as everywhere in the project.
 */
final class FeedTimes {
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    /**
     * RFC 822 zone names. CST is China Standard Time, not US Central: the feeds this project reads
     * come from Chinese servers, whose Java and PHP print CST for UTC+8.
     */
    private static final Map<String, ZoneOffset> ZONES = Map.ofEntries(
            Map.entry("GMT", ZoneOffset.UTC), Map.entry("UT", ZoneOffset.UTC), Map.entry("UTC", ZoneOffset.UTC), Map.entry("Z", ZoneOffset.UTC),
            Map.entry("CST", ZoneOffset.ofHours(8)), Map.entry("CCT", ZoneOffset.ofHours(8)), Map.entry("HKT", ZoneOffset.ofHours(8)),
            Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CDT", ZoneOffset.ofHours(-5)), Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)));
    private static final Pattern RFC822 = Pattern.compile(
            "(?:[A-Za-z]{3,9},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{2}|\\d{4}),?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(.*)");
    private static final Pattern JAVA_DATE = Pattern.compile(
            "[A-Za-z]{3}\\s+([A-Za-z]{3})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})\\s+([A-Za-z]{1,5})\\s+(\\d{4})");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2}):?(\\d{2})");

    private FeedTimes() {}

    static Optional<Instant> parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = RFC822.matcher(s);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(3));
            if (m.group(3).length() == 2) {
                year += year < 50 ? 2000 : 1900; // RFC 2822 4.3
            }
            return at(year, m.group(2), m.group(1), m.group(4), m.group(5), m.group(6), m.group(7));
        }
        m = JAVA_DATE.matcher(s);
        if (m.matches()) {
            return at(Integer.parseInt(m.group(7)), m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6));
        }
        return PostTimes.parse(s, PostTimes.CHINA);
    }

    private static Optional<Instant> at(int year, String month, String day, String hour, String minute, String second, String zone) {
        int monthIndex = MONTHS.indexOf(month.substring(0, 3).toLowerCase(Locale.ROOT));
        Optional<ZoneId> zoneId = zone(zone.strip());
        if (monthIndex < 0 || zoneId.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, monthIndex + 1, Integer.parseInt(day), Integer.parseInt(hour),
                    Integer.parseInt(minute), second == null ? 0 : Integer.parseInt(second));
            return Optional.of(local.atZone(zoneId.get()).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty(); // 31 February, hour 25: not a time, which the caller reports
        }
    }

    private static Optional<ZoneId> zone(String zone) {
        if (zone.isEmpty()) {
            return Optional.of(PostTimes.CHINA);
        }
        Matcher m = OFFSET.matcher(zone);
        if (m.matches()) {
            int minutes = Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
            return minutes > 18 * 60 ? Optional.empty() : Optional.of(ZoneOffset.ofTotalSeconds((m.group(1).equals("-") ? -60 : 60) * minutes));
        }
        return Optional.ofNullable(ZONES.get(zone.toUpperCase(Locale.ROOT)));
    }
}
