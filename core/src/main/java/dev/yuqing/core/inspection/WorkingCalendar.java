package dev.yuqing.core.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.post.PostTimes;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Working days on the mainland (China time): Monday to Friday, except public holidays, plus the
 * weekend days the State Council's yearly arrangement (部分节假日安排的通知) makes working days
 * (调休上班). Read from a JSON file that lists, per year, its source, the holidays and the make-up
 * days; the bundled {@link #RESOURCE} holds 2011 to 2026. A year's entry keeps every day its notice
 * names, also one in the year before (the 2019 New Year holiday starts on 30 December 2018), and
 * each day counts wherever it is listed.
 *
 * <p>Past the calendar's end (a year after the first one held that the file does not list) a
 * working day is Monday to Friday: no holidays, no make-up weekend days. That is wrong by up to a
 * week around the Spring Festival and National Day, so every deadline and working-day count that
 * uses such a day says so ({@link Due#estimated()}, {@link Count#estimated()}), and the job raises an
 * operator alert to load a newer file (docs/calendar.md). Refusing instead made deadlines silently
 * stop at New Year whenever the file was not extended in time. A day before the first year held
 * still raises {@link DateNotCoveredException}: nothing is known there, and only old data asks.
 *
 * <p>Deadlines count as the law counts periods (民法典 第二百零一条): the day of receipt is not
 * counted, and a period ends at the end of its last day.
 */
public final class WorkingCalendar implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String RESOURCE = "inspection/calendar-cn.json";
    public static final ZoneId ZONE = PostTimes.CHINA;

    /** Year → where its arrangement comes from. */
    private final TreeMap<Integer, String> years;
    /** Holidays by date → name (元旦, 春节 …), including those on weekends. */
    private final HashMap<LocalDate, String> holidays;
    /** Weekend days that are worked → name. */
    private final HashMap<LocalDate, String> makeUpDays;

    private WorkingCalendar(TreeMap<Integer, String> years, HashMap<LocalDate, String> holidays, HashMap<LocalDate, String> makeUpDays) {
        this.years = years;
        this.holidays = holidays;
        this.makeUpDays = makeUpDays;
    }

    public static WorkingCalendar standard() {
        try (InputStream in = WorkingCalendar.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static WorkingCalendar fromFile(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    public static WorkingCalendar parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads {@code {"description": …, "years": [{"year", "source", "holidays": [{"name", "from", "to",
     * "days"}], "makeUpDays": [{"name", "date"}]}]}}. {@code days} is the notice's own count (共N天)
     * and must match the range, which catches a mistyped date; a make-up day must fall on a weekend.
     *
     * @throws IllegalArgumentException naming the year, entry and field
     */
    public static WorkingCalendar parse(byte[] json) {
        TreeMap<Integer, String> years = new TreeMap<>();
        HashMap<LocalDate, String> holidays = new HashMap<>();
        HashMap<LocalDate, String> makeUpDays = new HashMap<>();
        String where = "calendar";
        try {
            JsonNode root = Fields.parse(json, "the calendar");
            Fields.known(root, "description", "years");
            int i = 0;
            for (JsonNode y : Fields.array(root, "years")) {
                where = "years[" + i++ + "]";
                int year = Fields.requiredInt(y, "year");
                where = "year " + year;
                Fields.known(y, "year", "source", "note", "holidays", "makeUpDays");
                String source = Fields.requiredText(y, "source");
                if (years.put(year, source) != null) {
                    throw new Fields.Problem("year", "listed twice");
                }
                int h = 0;
                for (JsonNode holiday : Fields.array(y, "holidays")) {
                    where = "year " + year + " holidays[" + h++ + "]";
                    Fields.known(holiday, "name", "from", "to", "days");
                    String name = Fields.requiredText(holiday, "name");
                    LocalDate from = Fields.date(holiday, "from");
                    LocalDate to = Fields.date(holiday, "to");
                    int days = Fields.requiredInt(holiday, "days");
                    if (to.isBefore(from)) {
                        throw new Fields.Problem("to", to + " is before from " + from);
                    }
                    long span = ChronoUnit.DAYS.between(from, to) + 1;
                    if (span != days) {
                        throw new Fields.Problem("days", name + " " + from + "–" + to + " is " + span + " days, the entry says " + days);
                    }
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        holidays.put(d, name);
                    }
                }
                int m = 0;
                for (JsonNode day : Fields.array(y, "makeUpDays")) {
                    where = "year " + year + " makeUpDays[" + m++ + "]";
                    Fields.known(day, "name", "date");
                    String name = Fields.requiredText(day, "name");
                    LocalDate date = Fields.date(day, "date");
                    if (!isWeekend(date)) {
                        throw new Fields.Problem("date", date + " is a " + date.getDayOfWeek() + ", already a working day: a make-up day is a worked weekend day");
                    }
                    makeUpDays.put(date, name);
                }
            }
        } catch (Fields.Problem p) {
            throw new IllegalArgumentException("working calendar, " + where + ": " + p.field + ": " + p.reason);
        }
        for (LocalDate d : makeUpDays.keySet()) {
            if (holidays.containsKey(d)) {
                throw new IllegalArgumentException("working calendar: " + d + " is both a holiday (" + holidays.get(d)
                        + ") and a make-up working day (" + makeUpDays.get(d) + ")");
            }
        }
        if (years.isEmpty()) {
            throw new IllegalArgumentException("working calendar: years: at least one year is required");
        }
        return new WorkingCalendar(years, holidays, makeUpDays);
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The years held, each with the notice it comes from. */
    public Map<Integer, String> years() {
        return new LinkedHashMap<>(years);
    }

    /** Whether the file holds the arrangement of {@code date}'s year. */
    public boolean covers(LocalDate date) {
        return years.containsKey(date.getYear());
    }

    /**
     * Whether {@code date} is past the calendar's end, a working day there being guessed as Monday to
     * Friday: its year is after the first one held and not held itself.
     */
    public boolean isEstimated(LocalDate date) {
        return date.getYear() > years.firstKey() && !years.containsKey(date.getYear());
    }

    /** The first day covered: the days before it raise {@link DateNotCoveredException}. */
    public LocalDate coveredFrom() {
        return LocalDate.of(years.firstKey(), 1, 1);
    }

    /**
     * The last day up to which every day is covered without a gap, starting from the first year
     * held: the days after it are {@linkplain #isEstimated estimated}.
     */
    public LocalDate coveredUntil() {
        int year = years.firstKey();
        while (years.containsKey(year + 1)) {
            year++;
        }
        return LocalDate.of(year, 12, 31);
    }

    /**
     * Holidays and make-up days as the file says; Monday to Friday past its end.
     *
     * @throws DateNotCoveredException for a day before the first year the calendar holds
     */
    public boolean isWorkingDay(LocalDate date) {
        requireCovered(date);
        if (isEstimated(date)) {
            return !isWeekend(date);
        }
        if (holidays.containsKey(date)) {
            return false;
        }
        return !isWeekend(date) || makeUpDays.containsKey(date);
    }

    /** Whether the day of {@code instant} in China time is a working day. */
    public boolean isWorkingDay(Instant instant) {
        return isWorkingDay(instant.atZone(ZONE).toLocalDate());
    }

    /** The holiday or make-up day's name (春节, 国庆节调休上班 …), for messages to people; none past the calendar's end. */
    public Optional<String> nameOf(LocalDate date) {
        requireCovered(date);
        String h = holidays.get(date);
        return Optional.ofNullable(h != null ? h : makeUpDays.get(date));
    }

    /** A reply deadline, and whether it was counted with days past the calendar's end. */
    public record Due(Instant at, boolean estimated) implements Serializable {}

    /** Working days between two instants, and whether the count used days past the calendar's end. */
    public record Count(int days, boolean estimated) {}

    /** The {@code n}-th working day after {@code date} ({@code date} itself not counted); {@code date} for 0. */
    public LocalDate workingDayAfter(LocalDate date, int n) {
        return lastDay(date, n).date();
    }

    /** The last day of a period and whether a day of it was estimated. */
    private record LastDay(LocalDate date, boolean estimated) {}

    private LastDay lastDay(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must be >= 0, was " + n);
        }
        LocalDate d = date;
        boolean estimated = false;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            estimated |= isEstimated(d);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return new LastDay(d, estimated);
    }

    /**
     * The deadline {@code workingDays} working days after {@code received}: the end (midnight, China
     * time) of the {@code workingDays}-th working day after the day of receipt, which itself is not
     * counted. A reply is on time when it is before this instant. With 0, the end of the day of
     * receipt. A message received on a Friday evening with 5 working days is due by the end of the
     * next Friday; one received on 29 September 2025 by the end of 13 October, past the National Day
     * holiday and counting the make-up Saturday 11 October. Estimated when a day counted is past the
     * calendar's end.
     */
    public Due due(Instant received, int workingDays) {
        LastDay last = lastDay(received.atZone(ZONE).toLocalDate(), workingDays);
        return new Due(last.date().plusDays(1).atStartOfDay(ZONE).toInstant(), last.estimated());
    }

    /** {@link #due}'s instant. */
    public Instant deadline(Instant received, int workingDays) {
        return due(received, workingDays).at();
    }

    /**
     * The working days from {@code from} to {@code to}, counted as {@link #deadline} counts them: the
     * working days after the day of {@code from} up to the day of {@code to}, and one more when that
     * day is not a working day (a reply on a Saturday after the fifth working day missed a five-day
     * deadline). So {@code workingDaysBetween(a, b) <= n} exactly when {@code b} is before
     * {@code deadline(a, n)}; 0 on the same day. Estimated when one of those days is past the
     * calendar's end.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    public Count count(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the end " + to + " is before the start " + from);
        }
        LocalDate start = from.atZone(ZONE).toLocalDate();
        LocalDate end = to.atZone(ZONE).toLocalDate();
        if (!end.isAfter(start)) {
            return new Count(0, false);
        }
        int count = 0;
        boolean estimated = false;
        for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            estimated |= isEstimated(d);
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return new Count(isWorkingDay(end) ? count : count + 1, estimated);
    }

    /** {@link #count}'s days. */
    public int workingDaysBetween(Instant from, Instant to) {
        return count(from, to).days();
    }

    private void requireCovered(LocalDate date) {
        if (date.getYear() < years.firstKey()) {
            throw new DateNotCoveredException(date, coveredFrom());
        }
    }
}
