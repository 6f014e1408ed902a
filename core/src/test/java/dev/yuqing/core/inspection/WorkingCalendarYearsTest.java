package dev.yuqing.core.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The years 2011 to 2024 of the bundled calendar, against the statute and the notices' own dates. */
class WorkingCalendarYearsTest {
    private final WorkingCalendar calendar = WorkingCalendar.standard();

    private static Instant china(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void everyYearFrom2011To2026IsHeldWithItsNotice() {
        assertThat(calendar.years()).containsOnlyKeys(IntStream.rangeClosed(2011, 2026).boxed().toArray(Integer[]::new));
        assertThat(calendar.years().get(2011)).contains("国办发明电〔2010〕40号");
        assertThat(calendar.years().get(2019)).contains("国办发明电〔2018〕15号");
        assertThat(calendar.years().get(2024)).contains("国办发明电〔2023〕7号");
        for (int year = 2011; year <= 2024; year++) {
            assertThat(calendar.years().get(year)).as("source of %d", year)
                    .startsWith("国务院办公厅关于" + year + "年部分节假日安排的通知（国办发明电〔" + (year - 1) + "〕");
        }
        assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    /**
     * The totals are not taken from the file. The Measures on National Holidays (全国年节及纪念日放假办法,
     * as revised in 2007 and 2013, in force until 2024) give 11 days off a year (元旦 1, 春节 3, 清明 1,
     * 劳动节 1, 端午 1, 中秋 1, 国庆 3), and its Article 6 makes a holiday that falls on a weekend up on a
     * working day; the yearly notices only move days, each weekday off beyond those 11 being paid
     * back by a worked weekend day. So a year has its Monday-to-Friday count less 11 working days,
     * except where a day moved across a year's end or a notice outside the yearly ones added days.
     */
    @Test
    void eachYearHasTheWorkingDaysTheStatuteLeaves() {
        // year, Mondays to Fridays, days off beyond the statutory 11 (negative: fewer), working days
        int[][] years = {
            {2011, 260, -1, 250}, // Saturday 31 December 2011 worked for the 2012 New Year holiday
            {2012, 261, 1, 249}, //   ... whose Monday and Tuesday off are in 2012
            {2013, 261, 0, 250},
            {2014, 261, 0, 250},
            {2015, 261, 1, 249}, // 3 September, 抗战胜利70周年 (国发明电〔2015〕1号)
            {2016, 261, 0, 250},
            {2017, 260, 0, 249},
            {2018, 261, 0, 250}, // Monday 31 December 2018 off and Saturday 29 December worked: even
            {2019, 261, 0, 250}, // 劳动节 1–4 May as changed in March 2019, two Sundays worked: even
            {2020, 262, 2, 249}, // the longer Spring Festival: Friday 31 January off, Saturday 1 February not worked
            {2021, 261, 0, 250},
            {2022, 260, 0, 249},
            {2023, 260, 0, 249},
            {2024, 262, 0, 251},
        };
        for (int[] y : years) {
            int year = y[0];
            assertThat(weekdays(year)).as("Mondays to Fridays in %d", year).isEqualTo(y[1]);
            assertThat(y[1] - 11 - y[2]).as("the table's own sum for %d", year).isEqualTo(y[3]);
            assertThat(workingDays(year)).as("working days in %d", year).isEqualTo(y[3]);
        }
    }

    @Test
    void aDeadlineRunsPastTheNationalDayHolidayOf2019() {
        // Asked on Sunday 29 September 2019, a make-up working day, which is not counted: Mon 30 Sep is
        // day 1; 1–7 October are off; Tue 8 to Fri 11 October are days 2–5. Due by the end of 11 October.
        Instant asked = china("2019-09-29T10:00:00");
        assertThat(calendar.isWorkingDay(LocalDate.of(2019, 9, 29))).isTrue();
        assertThat(calendar.deadline(asked, 5)).isEqualTo(china("2019-10-12T00:00:00"));
        assertThat(calendar.workingDayAfter(LocalDate.of(2019, 9, 29), 5)).isEqualTo(LocalDate.of(2019, 10, 11));
        assertThat(calendar.workingDaysBetween(asked, china("2019-10-11T23:59:59"))).isEqualTo(5);
        assertThat(calendar.workingDaysBetween(asked, china("2019-10-12T09:00:00"))).isEqualTo(6);
        assertThat(calendar.workingDaysBetween(asked, china("2019-10-07T18:00:00"))).isEqualTo(2);
        // The sixth working day is the make-up Saturday 12 October.
        assertThat(calendar.workingDayAfter(LocalDate.of(2019, 9, 29), 6)).isEqualTo(LocalDate.of(2019, 10, 12));
    }

    @Test
    void eachYearsHolidaysAreOffAndItsMakeUpDaysWorked() {
        // For each year a weekday of a holiday (off) and a weekend day the notice makes a working day.
        off("2011-02-08", "春节");
        works("2011-01-30", "春节调休上班");
        off("2011-10-07", "国庆节");
        works("2011-10-09", "国庆节调休上班");
        off("2012-01-27", "春节");
        works("2012-04-01", "清明节调休上班");
        off("2012-10-05", "中秋节、国庆节");
        works("2012-09-29", "中秋节、国庆节调休上班");
        off("2013-06-12", "端午节");
        works("2013-06-09", "端午节调休上班");
        works("2013-10-12", "国庆节调休上班");
        off("2014-04-07", "清明节");
        works("2014-01-26", "春节调休上班");
        off("2014-06-02", "端午节");
        off("2015-02-18", "春节");
        works("2015-02-28", "春节调休上班");
        off("2015-06-22", "端午节");
        off("2016-05-02", "劳动节");
        works("2016-09-18", "中秋节调休上班");
        off("2017-01-02", "元旦");
        works("2017-02-04", "春节调休上班");
        off("2018-04-06", "清明节");
        works("2018-09-30", "国庆节调休上班");
        off("2019-02-08", "春节");
        works("2019-02-02", "春节调休上班");
        off("2020-10-08", "国庆节、中秋节");
        works("2020-06-28", "端午节调休上班");
        off("2021-09-20", "中秋节");
        works("2021-09-18", "中秋节调休上班");
        off("2022-05-04", "劳动节");
        works("2022-04-24", "劳动节调休上班");
        off("2023-06-23", "端午节");
        works("2023-06-25", "端午节调休上班");
        off("2024-02-16", "春节");
        works("2024-02-18", "春节调休上班");
        works("2024-05-11", "劳动节调休上班");
        // A holiday on a weekend is a rest day like any weekend, under the holiday's name.
        assertThat(calendar.nameOf(day("2011-04-03"))).contains("清明节");
        assertThat(calendar.isWorkingDay(day("2011-04-03"))).isFalse();
        // An ordinary weekend day stays a rest day, and an ordinary weekday a working day.
        assertThat(calendar.isWorkingDay(day("2016-03-12"))).isFalse();
        assertThat(calendar.isWorkingDay(day("2016-03-14"))).isTrue();
    }

    @Test
    void theMidAutumnFestivalJoinsNationalDayIn2012_2017_2020And2023() {
        assertThat(holidayDays("2012-09-30", "2012-10-07")).isEqualTo(8);
        assertThat(calendar.isWorkingDay(day("2012-10-08"))).isTrue();
        assertThat(holidayDays("2017-10-01", "2017-10-08")).isEqualTo(8);
        works("2017-09-30", "中秋节、国庆节调休上班");
        assertThat(calendar.isWorkingDay(day("2017-10-09"))).isTrue();
        assertThat(holidayDays("2020-10-01", "2020-10-08")).isEqualTo(8);
        works("2020-10-10", "国庆节、中秋节调休上班");
        assertThat(holidayDays("2023-09-29", "2023-10-06")).isEqualTo(8);
        works("2023-10-07", "中秋节、国庆节调休上班");
        works("2023-10-08", "中秋节、国庆节调休上班");
    }

    @Test
    void laterNoticesChangedTheYears2015_2019And2020() {
        // 2015: 3 September (Thursday) off, 4 September (Friday) moved off, Sunday 6 September worked.
        off("2015-09-03", "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日");
        off("2015-09-04", "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日");
        works("2015-09-06", "抗战胜利70周年纪念日调休上班");
        assertThat(calendar.isWorkingDay(day("2015-09-07"))).isTrue();
        // 2019: 劳动节 1–4 May instead of 1 May alone, Sundays 28 April and 5 May worked.
        off("2019-05-02", "劳动节");
        off("2019-05-03", "劳动节");
        works("2019-04-28", "劳动节调休上班");
        works("2019-05-05", "劳动节调休上班");
        // 2020: the Spring Festival to Sunday 2 February; Saturday 1 February, first to be worked, is not.
        off("2020-01-31", "春节（延长假期）");
        assertThat(calendar.isWorkingDay(day("2020-02-01"))).isFalse();
        assertThat(calendar.nameOf(day("2020-02-01"))).contains("春节（延长假期）");
        assertThat(calendar.isWorkingDay(day("2020-02-03"))).isTrue();
        works("2020-01-19", "春节调休上班");
        // 2024: the eve of the Spring Festival was encouraged off, not given: a working day.
        assertThat(calendar.isWorkingDay(day("2024-02-09"))).isTrue();
        assertThat(calendar.nameOf(day("2024-02-09"))).isEmpty();
    }

    @Test
    void daysANoticeGivesInTheYearBeforeCount() {
        // The 2012 notice works Saturday 31 December 2011; the 2019 notice starts 元旦 on Sunday
        // 30 December 2018 and works Saturday 29 December; the 2023 one starts on Saturday 31 December 2022.
        works("2011-12-31", "元旦调休上班");
        works("2018-12-29", "元旦调休上班");
        off("2018-12-31", "元旦");
        assertThat(calendar.nameOf(day("2018-12-30"))).contains("元旦");
        assertThat(calendar.nameOf(day("2022-12-31"))).contains("元旦");
        off("2023-01-02", "元旦");
        // A message of Friday 28 December 2018 with 2 working days: Saturday 29 December and Wednesday 2 January.
        assertThat(calendar.workingDayAfter(day("2018-12-28"), 2)).isEqualTo(day("2019-01-02"));
        assertThat(calendar.deadline(china("2018-12-28T16:00:00"), 2)).isEqualTo(china("2019-01-03T00:00:00"));
    }

    @Test
    void aDayListedUnderTheNextYearCountsOnlyWhenItsOwnYearIsHeld() {
        // The loader takes a day of the year before as it comes; asking about it needs that year too.
        WorkingCalendar only2019 = WorkingCalendar.parse("""
                {"years": [{"year": 2019, "source": "通知", "holidays": [
                  {"name": "元旦", "from": "2018-12-30", "to": "2019-01-01", "days": 3}],
                  "makeUpDays": [{"name": "元旦调休上班", "date": "2018-12-29"}]}]}
                """);
        assertThat(only2019.isWorkingDay(day("2019-01-01"))).isFalse();
        assertThat(only2019.isWorkingDay(day("2019-01-02"))).isTrue();
        assertThatThrownBy(() -> only2019.isWorkingDay(day("2018-12-31"))).isInstanceOf(DateNotCoveredException.class);
        assertThat(calendar.isWorkingDay(day("2018-12-31"))).isFalse();
    }

    private void off(String date, String name) {
        LocalDate d = day(date);
        assertThat(calendar.isWorkingDay(d)).as("%s (%s) is a holiday", d, d.getDayOfWeek()).isFalse();
        assertThat(calendar.nameOf(d)).as("name of %s", d).contains(name);
    }

    private void works(String date, String name) {
        LocalDate d = day(date);
        assertThat(isWeekend(d)).as("%s is a weekend day", d).isTrue();
        assertThat(calendar.isWorkingDay(d)).as("%s (%s) is worked", d, d.getDayOfWeek()).isTrue();
        assertThat(calendar.nameOf(d)).as("name of %s", d).contains(name);
    }

    private int holidayDays(String from, String to) {
        int n = 0;
        for (LocalDate d = day(from); !d.isAfter(day(to)); d = d.plusDays(1)) {
            assertThat(calendar.isWorkingDay(d)).as("%s", d).isFalse();
            assertThat(calendar.nameOf(d)).as("%s", d).isPresent();
            n++;
        }
        return n;
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static int weekdays(int year) {
        int n = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            n += isWeekend(d) ? 0 : 1;
        }
        return n;
    }

    private int workingDays(int year) {
        int n = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            n += calendar.isWorkingDay(d) ? 1 : 0;
        }
        return n;
    }
}
