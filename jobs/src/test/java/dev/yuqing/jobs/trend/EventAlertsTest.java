package dev.yuqing.jobs.trend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alert.AlertType;
import dev.yuqing.core.trend.Event;
import dev.yuqing.core.trend.RepresentativePost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

class EventAlertsTest {
    private final EventAlerts alerts = new EventAlerts(0.3, 10);

    private static Event event(long volume, long negative, double baseline, AlertLevel level) {
        return new Event("event:a", "小区停水", List.of("停水", "管道"), Instant.parse("2026-11-20T00:00:00Z"),
                Instant.parse("2026-11-20T00:05:00Z"), volume, List.of("weibo"), List.of("南湖区"), negative, volume - negative, 0,
                List.of(new RepresentativePost("a", "自来水停了", "https://weibo.example/a"), new RepresentativePost("b", "又停水", null)),
                300, 0, 3.0, baseline, level, level);
    }

    private List<Alert> of(Event e) {
        List<Alert> out = new ArrayList<>();
        alerts.flatMap(e, new Collector<>() {
            @Override
            public void collect(Alert a) {
                out.add(a);
            }

            @Override
            public void close() {}
        });
        return out;
    }

    @Test
    void anEventAtAWarningLevelRaisesABurstAlertWhoseIdIsTheEvents() {
        List<Alert> first = of(event(12, 2, 0.2, AlertLevel.BLUE));
        List<Alert> later = of(event(40, 5, 0.2, AlertLevel.YELLOW));
        assertThat(first).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.BURST);
            assertThat(a.id()).isEqualTo("burst:event:a");
            assertThat(a.level()).isEqualTo(AlertLevel.BLUE);
            assertThat(a.region()).isEqualTo("南湖区");
            assertThat(a.evidence().postIds()).containsExactly("a", "b");
            assertThat(a.evidence().urls()).as("the urls there are").containsExactly("https://weibo.example/a");
        });
        assertThat(later).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("burst:event:a"); // the same alert, updated
            assertThat(a.level()).isEqualTo(AlertLevel.YELLOW);
            assertThat(a.count()).isEqualTo(40);
        });
    }

    @Test
    void aNegativeShareWellAboveTheBaselineIsASurge() {
        assertThat(of(event(20, 14, 0.2, null))).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.NEGATIVE_SURGE);
            assertThat(a.id()).isEqualTo("negative-surge:event:a");
            assertThat(a.level()).isEqualTo(AlertLevel.YELLOW);
        });
        assertThat(of(event(20, 8, 0.2, null))).isEmpty(); // 40% against 20%: within the margin
        assertThat(of(event(9, 9, 0.2, null))).isEmpty(); // too few posts
        assertThat(of(event(200, 180, 0.2, AlertLevel.ORANGE))).extracting(Alert::level).containsExactly(AlertLevel.ORANGE, AlertLevel.ORANGE);
    }
}
