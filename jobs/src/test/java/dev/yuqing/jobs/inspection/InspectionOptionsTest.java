package dev.yuqing.jobs.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.inspection.WorkingCalendar;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InspectionOptionsTest {
    /** The shipped calendar holds the years up to 2026. */
    private static final WorkingCalendar SHIPPED = WorkingCalendar.standard();

    @Test
    void operatorsAreToldToAddNextYearWithinSixtyDaysOfTheCalendarsEnd() {
        assertThat(InspectionOptions.calendarEnding(SHIPPED, LocalDate.of(2026, 11, 27))).hasValueSatisfying(m -> assertThat(m)
                .contains("2026-12-31", "arrangement for 2027", InspectionOptions.CALENDAR_FILE.name(), "estimated Monday to Friday",
                        "docs/calendar.md#adding-a-year"));
        assertThat(InspectionOptions.calendarEnding(SHIPPED, LocalDate.of(2027, 2, 1))).as("past its end too").isPresent();
        assertThat(InspectionOptions.calendarEnding(SHIPPED, LocalDate.of(2026, 10, 31))).as("two months ahead").isEmpty();
    }
}
