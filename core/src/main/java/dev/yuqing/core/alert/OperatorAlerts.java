package dev.yuqing.core.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Alerts for operators, about the system's own setup, worded here beside the handlers' alerts
 * ({@link ContentAlerts}). Their ids name what ran out and when, so a repeat updates one alert.
 */
public final class OperatorAlerts {
    /** The section of the docs that says how to add a year to the working calendar. */
    public static final String CALENDAR_DOC = "docs/calendar.md#adding-a-year";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private OperatorAlerts() {}

    /** {@code operations:calendar-end:<last day>}: one alert per calendar end, whoever raises it again. */
    public static String calendarEndId(LocalDate end) {
        return AlertType.OPERATIONS.code() + ":calendar-end:" + end;
    }

    /**
     * The working calendar ended on {@code end} and a reply deadline or reply time needed a day after
     * it: from there on working days are estimated Monday to Friday. Yellow: deadlines keep going,
     * but can be off by up to a week around the Spring Festival and National Day.
     *
     * @param calendarKey the configuration key that loads a newer calendar file
     * @param evidence    the message that first needed it
     * @param at          when it did (event time)
     */
    public static Alert calendarEnded(LocalDate end, String calendarKey, Alert.Evidence evidence, Instant at) {
        int next = end.getYear() + 1;
        String title = "工作日历已于" + DAY.format(end) + "到期，此后的答复期限按周一至周五估算";
        String summary = "工作日历（节假日和调休安排）只到" + DAY.format(end) + "。此后的留言答复期限和答复用时按周一至周五为工作日估算，"
                + "不计节假日和调休，春节、国庆前后可能相差一周；这些留言在留言状态中标为估算（deadlineEstimated、workingDaysEstimated）。"
                + "请按《国务院办公厅关于" + next + "年部分节假日安排的通知》补充日历文件，以配置项 " + calendarKey
                + " 加载后重启巡检作业，步骤见 " + CALENDAR_DOC + "。";
        return new Alert(calendarEndId(end), AlertType.OPERATIONS, AlertLevel.YELLOW, title, summary, evidence, null, null, at, at, 1);
    }
}
