package dev.yuqing.jobs.inspection;

import dev.yuqing.core.post.PostTimes;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.apache.flink.streaming.api.TimerService;

/** What the inspection operators share about deadlines: how they fire and how handlers read their dates. */
final class Deadlines {
    /** Dates in findings' details, China time: 2026年11月5日. */
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(PostTimes.CHINA);
    /** Times in findings' details where the hour matters, China time: 2026年11月5日 14:05. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(PostTimes.CHINA);

    /** Said of a deadline or a count of working days that used days past the working calendar's end. */
    static final String ESTIMATED = "（工作日历未覆盖，按周一至周五估算）";

    private Deadlines() {}

    /** A deadline as findings give it ({@link #DAY}), and that it is an estimate when it is. */
    static String day(Instant deadline, boolean estimated) {
        return DAY.format(deadline) + (estimated ? ESTIMATED : "");
    }

    /**
     * A timer at {@code t} in event time (replays judge as live runs) and, with {@code wallClock},
     * also by the wall clock when {@code t} lies ahead: a silent target or an unanswered message
     * moves no event time of its own. Whichever fires first reports; the other finds it done.
     */
    static void register(TimerService timers, Instant t, boolean wallClock) {
        timers.registerEventTimeTimer(t.toEpochMilli());
        if (wallClock && t.toEpochMilli() > timers.currentProcessingTime()) {
            timers.registerProcessingTimeTimer(t.toEpochMilli());
        }
    }
}
