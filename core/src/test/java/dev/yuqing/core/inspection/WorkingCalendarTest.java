package dev.yuqing.core.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {
    private final WorkingCalendar calendar = WorkingCalendar.standard();

    private static Instant china(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }

    @Test
    void aDeadlineRunsPastTheNationalDayHolidayOf2025AndCountsItsMakeUpSaturday() {
        // Asked Monday 29 September 2025: Tue 30 Sep is day 1; 1–8 October are off; Thu 9, Fri 10,
        // Sat 11 (make-up day) and Mon 13 October are days 2–5. Due by the end of 13 October.
        Instant asked = china("2025-09-29T10:15:00");
        assertThat(calendar.deadline(asked, 5)).isEqualTo(china("2025-10-14T00:00:00"));
        assertThat(calendar.workingDayAfter(LocalDate.of(2025, 9, 29), 5)).isEqualTo(LocalDate.of(2025, 10, 13));
        assertThat(calendar.workingDaysBetween(asked, china("2025-10-13T23:59:59"))).isEqualTo(5);
        assertThat(calendar.workingDaysBetween(asked, china("2025-10-14T00:00:00"))).isEqualTo(6);
        // Over the whole holiday only one working day passes.
        assertThat(calendar.workingDaysBetween(asked, china("2025-10-08T18:00:00"))).isEqualTo(2);
    }

    @Test
    void makeUpWeekendDaysAreWorkingDaysAndHolidaysAreNot() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).as("Saturday, 国庆节调休上班").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).as("Sunday, 国庆节调休上班").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).as("Wednesday in the holiday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 18))).as("an ordinary Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday, 春节调休上班").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).as("Monday, last day of 春节").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).as("Sunday, 元旦调休上班").isTrue();
        assertThat(calendar.nameOf(LocalDate.of(2025, 10, 11))).contains("国庆节、中秋节调休上班");
        assertThat(calendar.nameOf(LocalDate.of(2026, 2, 17))).contains("春节");
        assertThat(calendar.nameOf(LocalDate.of(2026, 3, 17))).isEmpty();
        // Both instants of 1 October in China time are holidays, even the one still 30 September in UTC.
        assertThat(calendar.isWorkingDay(Instant.parse("2025-09-30T16:30:00Z"))).isFalse();
    }

    @Test
    void ordinaryWeekendsAreSkipped() {
        // Friday evening: the next five working days are Monday to Friday.
        Instant friday = china("2025-11-14T20:00:00");
        assertThat(calendar.deadline(friday, 5)).isEqualTo(china("2025-11-22T00:00:00"));
        // Asked on a Saturday: the count starts on Monday.
        assertThat(calendar.deadline(china("2025-11-15T09:00:00"), 1)).isEqualTo(china("2025-11-18T00:00:00"));
        assertThat(calendar.deadline(friday, 0)).isEqualTo(china("2025-11-15T00:00:00"));
        // Answered on the Saturday after the fifth working day: the deadline was missed.
        Instant monday = china("2025-11-17T09:00:00");
        assertThat(calendar.workingDaysBetween(monday, china("2025-11-21T17:00:00"))).isEqualTo(4);
        assertThat(calendar.workingDaysBetween(monday, china("2025-11-22T10:00:00"))).isEqualTo(5);
        assertThat(calendar.workingDaysBetween(monday, china("2025-11-24T10:00:00"))).isEqualTo(5);
        assertThat(calendar.workingDaysBetween(monday, china("2025-11-17T18:00:00"))).isZero();
    }

    @Test
    void workingDaysBetweenAgreesWithTheDeadlineEverywhereInEveryYear() {
        // b is before deadline(a, n) exactly when workingDaysBetween(a, b) <= n: the statistics of reply
        // times and the deadline alerts can never disagree about a message.
        for (LocalDate day = LocalDate.of(2011, 1, 1); day.isBefore(LocalDate.of(2026, 12, 1)); day = day.plusDays(5)) {
            Instant asked = day.atTime(15, 30).atZone(WorkingCalendar.ZONE).toInstant();
            for (int hours = 0; hours < 24 * 20; hours += 7) {
                Instant answered = asked.plusSeconds(hours * 3600L);
                int taken = calendar.workingDaysBetween(asked, answered);
                for (int n = 0; n <= 8; n++) {
                    assertThat(answered.isBefore(calendar.deadline(asked, n)))
                            .as("asked %s, answered %s, %d working days (taken %d)", asked, answered, n, taken)
                            .isEqualTo(taken <= n);
                }
            }
        }
    }

    @Test
    void theBundledYearsMatchTheNoticesTotals() {
        assertThat(calendar.years()).containsKeys(2025, 2026);
        assertThat(calendar.years().get(2025)).contains("国办发明电〔2024〕12号");
        // Counted by hand from the notices, independently of the file's reading:
        // 2025 starts on a Wednesday: 261 weekdays; holidays on weekdays 1 (元旦) + 6 (春节) + 1 (清明)
        // + 3 (劳动) + 1 (端午) + 6 (国庆、中秋) = 18; 5 make-up days: 261 - 18 + 5 = 248.
        // 2026 starts on a Thursday: 261 weekdays; 2 + 6 + 1 + 3 + 1 + 1 + 5 = 19; 6 make-up days: 248.
        assertThat(restDaysOnWeekdays(2025)).isEqualTo(18);
        assertThat(restDaysOnWeekdays(2026)).isEqualTo(19);
        assertThat(workingDays(2025)).isEqualTo(248);
        assertThat(workingDays(2026)).isEqualTo(248);
        assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    private int workingDays(int year) {
        int n = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            n += calendar.isWorkingDay(d) ? 1 : 0;
        }
        return n;
    }

    private int restDaysOnWeekdays(int year) {
        int n = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            n += weekday && !calendar.isWorkingDay(d) ? 1 : 0;
        }
        return n;
    }

    @Test
    void pastTheEndMondayToFridayAreWorkingDaysAndMarkedEstimated() {
        // The bundled calendar ends with 2026. Friday 1 January 2027 will be a holiday, but the file
        // does not say so: past the end only weekends are rest days.
        assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 2))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 4))).isTrue();
        assertThat(calendar.nameOf(LocalDate.of(2027, 1, 1))).isEmpty();
        assertThat(calendar.isEstimated(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(calendar.isEstimated(LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(calendar.covers(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(calendar.covers(LocalDate.of(2027, 1, 1))).isFalse();

        // Wholly past the end: Friday 5 February 2027 with 5 working days is due by the end of the next Friday.
        assertThat(calendar.due(china("2027-02-05T10:00:00"), 5))
                .isEqualTo(new WorkingCalendar.Due(china("2027-02-13T00:00:00"), true));
        assertThat(calendar.count(china("2027-02-05T10:00:00"), china("2027-02-08T09:00:00")))
                .isEqualTo(new WorkingCalendar.Count(1, true));
    }

    @Test
    void aDeadlineSpanningTheEndIsEstimatedAndOneEndingOnItsLastDayIsNot() {
        // Monday 28 December 2026: Tue 29, Wed 30, Thu 31 from the file, then Fri 1 and Mon 4 January guessed.
        Instant monday = china("2026-12-28T09:00:00");
        assertThat(calendar.due(monday, 5)).isEqualTo(new WorkingCalendar.Due(china("2027-01-05T00:00:00"), true));
        assertThat(calendar.deadline(monday, 5)).isEqualTo(china("2027-01-05T00:00:00"));
        assertThat(calendar.due(monday, 3)).as("ends on the calendar's last day")
                .isEqualTo(new WorkingCalendar.Due(china("2027-01-01T00:00:00"), false));
        // Thursday 24 December: Fri 25, Mon 28 … Thu 31, all in the file.
        assertThat(calendar.due(china("2026-12-24T09:00:00"), 5).estimated()).isFalse();
        assertThat(calendar.count(monday, china("2026-12-31T18:00:00"))).isEqualTo(new WorkingCalendar.Count(3, false));
        assertThat(calendar.count(monday, china("2027-01-04T10:00:00"))).isEqualTo(new WorkingCalendar.Count(5, true));
        assertThat(calendar.count(monday, china("2027-01-02T10:00:00"))).as("a Saturday after the fourth day")
                .isEqualTo(new WorkingCalendar.Count(5, true));
        assertThat(calendar.count(china("2027-01-04T09:00:00"), china("2027-01-04T18:00:00"))).as("the same day counts no day")
                .isEqualTo(new WorkingCalendar.Count(0, false));
    }

    @Test
    void theCountAndTheDeadlineAgreeAcrossTheEnd() {
        for (LocalDate day = LocalDate.of(2026, 11, 1); day.isBefore(LocalDate.of(2027, 3, 1)); day = day.plusDays(1)) {
            Instant asked = day.atTime(15, 30).atZone(WorkingCalendar.ZONE).toInstant();
            for (int hours = 0; hours < 24 * 20; hours += 5) {
                Instant answered = asked.plusSeconds(hours * 3600L);
                int taken = calendar.workingDaysBetween(asked, answered);
                for (int n = 0; n <= 8; n++) {
                    WorkingCalendar.Due due = calendar.due(asked, n);
                    assertThat(answered.isBefore(due.at())).as("asked %s, answered %s, %d working days", asked, answered, n)
                            .isEqualTo(taken <= n);
                    LocalDate last = due.at().minusSeconds(1).atZone(WorkingCalendar.ZONE).toLocalDate();
                    assertThat(due.estimated()).as("asked %s, %d working days, last day %s", asked, n, last)
                            .isEqualTo(n > 0 && last.isAfter(LocalDate.of(2026, 12, 31)));
                }
            }
        }
    }

    @Test
    void aYearMissingBetweenTwoHeldIsEstimatedAndADayBeforeTheFirstIsRefused() {
        WorkingCalendar gap = WorkingCalendar.parse("""
                {"years": [
                  {"year": 2024, "source": "通知", "holidays": [], "makeUpDays": []},
                  {"year": 2026, "source": "通知", "holidays": [{"name": "元旦", "from": "2026-01-01", "to": "2026-01-03", "days": 3}],
                   "makeUpDays": []}]}
                """);
        assertThat(gap.coveredUntil()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(gap.isEstimated(LocalDate.of(2025, 6, 2))).isTrue();
        assertThat(gap.isEstimated(LocalDate.of(2026, 1, 2))).isFalse();
        assertThat(gap.isWorkingDay(LocalDate.of(2026, 1, 2))).as("a held year after the gap keeps its holidays").isFalse();

        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2010, 12, 31)))
                .isInstanceOfSatisfying(DateNotCoveredException.class, e -> assertThat(e.date()).isEqualTo(LocalDate.of(2010, 12, 31)))
                .hasMessage("the working calendar does not cover 2010-12-31 (it starts on 2011-01-01): add the State Council's holiday "
                        + "arrangement for 2010 to the calendar file");
        assertThatThrownBy(() -> calendar.deadline(china("2010-12-30T09:00:00"), 5)).isInstanceOf(DateNotCoveredException.class);
        assertThat(calendar.coveredFrom()).isEqualTo(LocalDate.of(2011, 1, 1));
    }

    @Test
    void refusesAFileWithMistakes() {
        String year = """
                {"years": [{"year": 2025, "source": "通知", "holidays": [%s], "makeUpDays": [%s]}]}
                """;
        assertThatThrownBy(() -> WorkingCalendar.parse(year.formatted(
                "{\"name\": \"春节\", \"from\": \"2025-01-28\", \"to\": \"2025-02-04\", \"days\": 7}", "")))
                .hasMessage("working calendar, year 2025 holidays[0]: days: 春节 2025-01-28–2025-02-04 is 8 days, the entry says 7");
        assertThatThrownBy(() -> WorkingCalendar.parse(year.formatted("", "{\"name\": \"调休\", \"date\": \"2025-01-27\"}")))
                .hasMessageContaining("year 2025 makeUpDays[0]: date: 2025-01-27 is a MONDAY");
        assertThatThrownBy(() -> WorkingCalendar.parse(year.formatted(
                "{\"name\": \"清明节\", \"from\": \"2025-04-04\", \"to\": \"2025-04-06\", \"days\": 3}",
                "{\"name\": \"调休\", \"date\": \"2025-04-05\"}")))
                .hasMessageContaining("2025-04-05 is both a holiday (清明节) and a make-up working day");
        assertThatThrownBy(() -> WorkingCalendar.parse(year.formatted("{\"name\": \"x\", \"from\": \"2025-13-01\", \"to\": \"2025-13-01\", \"days\": 1}", "")))
                .hasMessageContaining("from: not a date: '2025-13-01'");
        assertThatThrownBy(() -> WorkingCalendar.parse("{\"years\": [{\"year\": 2025, \"source\": \"s\", \"holidays\": [], \"makeUpDays\": [], \"extra\": 1}]}"))
                .hasMessageContaining("year 2025: extra: unknown field");
        assertThatThrownBy(() -> WorkingCalendar.parse("{\"years\": []}")).hasMessageContaining("at least one year");
    }
}
