package dev.yuqing.core.inspection;

import java.time.LocalDate;

/**
 * The working calendar was asked about a day of a year whose holiday arrangement it does not
 * hold. Thrown rather than guessed: see {@link WorkingCalendar}.
 */
public class DateNotCoveredException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final LocalDate date;

    public DateNotCoveredException(LocalDate date, String covered) {
        super("the working calendar does not cover " + date + " (it holds the years " + covered
                + "): add the State Council's holiday arrangement for " + date.getYear() + " to the calendar file");
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
