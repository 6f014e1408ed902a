package dev.yuqing.core.alerting;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alert.AlertType;
import java.time.Instant;
import java.util.List;

public final class TestAlerts {
    public static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z"); // 09:00 China time

    private TestAlerts() {}

    public static Alert alert(String id, AlertLevel level) {
        return alert(id, AlertType.HARMFUL_CONTENT, level, "示范市", "acc-1");
    }

    public static Alert alert(String id, AlertType type, AlertLevel level, String region, String account) {
        return new Alert(id, type, level, "疑似违法有害信息（诈骗）", "账号发布的内容命中诈骗类词语：刷单",
                new Alert.Evidence(List.of("p-" + id), List.of("https://example.gov.cn/" + id), List.of("刷单")),
                region, account, T0, T0, 1);
    }
}
