package dev.yuqing.core.alerting;

import dev.yuqing.core.alert.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What handlers are told: one alert (new, escalated, or a reminder after the quiet period) or
 * the daily digest of low-level alerts.
 */
public record Notification(Reason reason, List<Alert> alerts, Instant at) {

    public enum Reason {
        NEW("新告警"), ESCALATED("告警升级"), REMINDER("持续告警提醒"), DIGEST("每日汇总");

        private final String chinese;

        Reason(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    public Notification {
        if (alerts == null || alerts.isEmpty()) {
            throw new IllegalArgumentException("a notification needs at least one alert");
        }
        // A plain ArrayList, as in Alert.Evidence: Flink's Kryo fallback cannot rebuild immutable lists.
        alerts = new ArrayList<>(alerts);
    }

    public static Notification of(Reason reason, Alert alert, Instant at) {
        return new Notification(reason, List.of(alert), at);
    }

    /** The alert ids, for logs, dead letters and the delivery status. */
    public List<String> alertIds() {
        return alerts.stream().map(Alert::id).toList();
    }
}
