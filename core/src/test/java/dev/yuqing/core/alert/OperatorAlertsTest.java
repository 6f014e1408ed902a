package dev.yuqing.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.alerting.AlertJson;
import dev.yuqing.core.alerting.RoutingRules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorAlertsTest {
    private final Alert alert = OperatorAlerts.calendarEnded(LocalDate.of(2026, 12, 31), "inspection.calendar.file",
            new Alert.Evidence(List.of(), List.of("https://demo.yuqing.invalid/m1"), List.of()), Instant.parse("2027-01-04T02:00:00Z"));

    @Test
    void theCalendarAlertSaysWhenItEndedWhatIsEstimatedAndHowToAddAYear() {
        assertThat(alert.id()).isEqualTo("operations:calendar-end:2026-12-31");
        assertThat(alert.type()).isEqualTo(AlertType.OPERATIONS);
        assertThat(alert.level()).isEqualTo(AlertLevel.YELLOW);
        assertThat(alert.title()).isEqualTo("工作日历已于2026年12月31日到期，此后的答复期限按周一至周五估算");
        assertThat(alert.summary()).contains("《国务院办公厅关于2027年部分节假日安排的通知》", "配置项 inspection.calendar.file",
                "docs/calendar.md#adding-a-year", "deadlineEstimated");
        assertThat(alert.region()).isNull();
    }

    @Test
    void itTravelsTheAlertPathAndCanBeRoutedToOperatorsByType() throws Exception {
        assertThat(AlertJson.read(alert.toJson())).isEqualTo(alert);
        RoutingRules rules = RoutingRules.parse("""
                {"channels": {"duty": {"kind": "kafka"}, "ops": {"kind": "kafka"}},
                 "routes": [{"name": "operators", "types": ["operations"], "channels": ["ops"]}],
                 "default": ["duty"]}
                """, Map.of());
        assertThat(rules.route(alert)).containsExactly("ops");
    }
}
