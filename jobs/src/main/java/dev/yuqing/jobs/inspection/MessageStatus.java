package dev.yuqing.jobs.inspection;

import java.time.Instant;

/**
 * Where a citizen message stands: asked, answered (with the working days it took), overdue, or
 * unanswered past the calendar limit. One document per thread in the messages index, for
 * reply-time statistics per unit.
 *
 * @param deadline             the reply deadline; null when the calendar does not cover the day asked (before its first year)
 * @param deadlineEstimated    the deadline counts days past the working calendar's end as Monday to Friday, so
 *                             {@code onTime} is estimated too
 * @param workingDays          working days from the message to its reply (the day asked not counted); null until answered
 * @param workingDaysEstimated {@code workingDays} counts days past the working calendar's end as Monday to Friday
 */
public record MessageStatus(String thread, String board, String boardName, String ownerUnit, String region, String subject,
                            String url, State state, Instant askedAt, Instant deadline, boolean deadlineEstimated, Instant repliedAt,
                            Integer workingDays, boolean workingDaysEstimated, Boolean onTime, Instant at) {
    public MessageStatus withOnTime(Boolean value) {
        return new MessageStatus(thread, board, boardName, ownerUnit, region, subject, url, state, askedAt, deadline, deadlineEstimated,
                repliedAt, workingDays, workingDaysEstimated, value, at);
    }

    /** Whether a deadline or working-day count of this status rests on days past the calendar's end. */
    public boolean estimated() {
        return deadlineEstimated || workingDaysEstimated;
    }

    public enum State {
        OPEN("open"), OVERDUE("overdue"), UNANSWERED("unanswered"), ANSWERED("answered");

        private final String code;

        State(String code) {
            this.code = code;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return code;
        }
    }
}
