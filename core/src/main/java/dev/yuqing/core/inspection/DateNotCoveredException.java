package dev.yuqing.core.inspection;

import java.time.LocalDate;

/**
 * The working calendar was asked about a day before its first year: nothing is known there, and a
 * guess would judge old messages by rules nobody checked. Days past its end are estimated instead:
 * see {@link WorkingCalendar}.
 */
public class DateNotCoveredException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final LocalDate date;

    public DateNotCoveredException(LocalDate date, LocalDate coveredFrom) {
        super("the working calendar does not cover " + date + " (it starts on " + coveredFrom
                + "): add the State Council's holiday arrangement for " + date.getYear() + " to the calendar file");
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
