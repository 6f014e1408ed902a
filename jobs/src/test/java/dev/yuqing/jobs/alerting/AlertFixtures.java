package dev.yuqing.jobs.alerting;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alert.AlertType;
import java.time.Instant;
import java.util.List;

final class AlertFixtures {
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z"); // 09:00 China time

    private AlertFixtures() {}

    static Alert alert(String id, AlertLevel level) {
        return new Alert(id, AlertType.HARMFUL_CONTENT, level, "疑似违法有害信息（赌博）", "账号发布的内容命中赌博类词语：网赌",
                new Alert.Evidence(List.of("p-" + id), List.of("https://example.gov.cn/" + id), List.of("网赌")),
                "示范市", "acc-1", T0, T0, 1);
    }
}
