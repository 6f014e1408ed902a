package dev.yuqing.core.alerting;

import static dev.yuqing.core.alerting.TestAlerts.T0;
import static dev.yuqing.core.alerting.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.post.PostTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertAggregatorTest {
    private static final Duration QUIET = Duration.ofHours(1);
    private final AlertAggregator agg = new AlertAggregator(QUIET, EnumSet.of(AlertLevel.BLUE, AlertLevel.YELLOW),
            LocalTime.of(8, 30), PostTimes.CHINA);

    @Test
    void notifiesOnFirstSight() {
        AlertAggregator.Decision d = agg.onAlert(null, alert("a", AlertLevel.ORANGE), T0);
        assertThat(d.notification().reason()).isEqualTo(Notification.Reason.NEW);
        assertThat(d.state().notifiedLevel()).isEqualTo(AlertLevel.ORANGE);
        assertThat(d.state().notifiedAt()).isEqualTo(T0);
        assertThat(d.timerAt()).isNull();
    }

    @Test
    void keepsOneAlertPerIdWithAGrowingCountAndLastSeen() {
        AlertState s = agg.onAlert(null, alert("a", AlertLevel.ORANGE), T0).state();
        Alert again = new Alert("a", s.alert().type(), AlertLevel.ORANGE, "t", "s",
                new Alert.Evidence(List.of("p-2"), List.of(), List.of("刷单", "返利")), null, null,
                T0.plusSeconds(60), T0.plusSeconds(60), 1);
        AlertAggregator.Decision d = agg.onAlert(s, again, T0.plusSeconds(60));
        assertThat(d.notification()).as("same level within the quiet period").isNull();
        Alert merged = d.state().alert();
        assertThat(merged.id()).isEqualTo("a");
        assertThat(merged.count()).isEqualTo(2);
        assertThat(merged.firstSeen()).isEqualTo(T0);
        assertThat(merged.lastSeen()).isEqualTo(T0.plusSeconds(60));
        assertThat(merged.evidence().postIds()).containsExactly("p-a", "p-2");
        assertThat(merged.evidence().terms()).containsExactly("刷单", "返利");
        assertThat(merged.region()).as("kept when the repeat has none").isEqualTo("示范市");
        assertThat(d.timerAt()).as("look again when the quiet period ends").isEqualTo(T0.plus(QUIET));
    }

    @Test
    void escalationNotifiesAtOnceEvenWithinTheQuietPeriod() {
        AlertState s = agg.onAlert(null, alert("a", AlertLevel.ORANGE), T0).state();
        AlertAggregator.Decision d = agg.onAlert(s, alert("a", AlertLevel.RED), T0.plusSeconds(5));
        assertThat(d.notification().reason()).isEqualTo(Notification.Reason.ESCALATED);
        assertThat(d.notification().alerts().get(0).level()).isEqualTo(AlertLevel.RED);
        // and a lower level afterwards keeps the alert red, without notifying
        AlertAggregator.Decision lower = agg.onAlert(d.state(), alert("a", AlertLevel.ORANGE), T0.plusSeconds(10));
        assertThat(lower.notification()).isNull();
        assertThat(lower.state().alert().level()).isEqualTo(AlertLevel.RED);
    }

    @Test
    void remindsAfterTheQuietPeriodOnlyIfSomethingHappened() {
        AlertState s = agg.onAlert(null, alert("a", AlertLevel.RED), T0).state();
        assertThat(agg.onTimer(s, T0.plus(QUIET)).notification()).as("nothing new").isNull();

        AlertAggregator.Decision held = agg.onAlert(s, alert("a", AlertLevel.RED), T0.plusSeconds(600));
        assertThat(held.notification()).isNull();
        assertThat(agg.onTimer(held.state(), T0.plusSeconds(601)).timerAt()).as("too early: wait on").isEqualTo(T0.plus(QUIET));
        AlertAggregator.Decision reminder = agg.onTimer(held.state(), T0.plus(QUIET));
        assertThat(reminder.notification().reason()).isEqualTo(Notification.Reason.REMINDER);
        assertThat(reminder.notification().alerts().get(0).count()).isEqualTo(2);
        assertThat(reminder.state().notifiedAt()).isEqualTo(T0.plus(QUIET));
        assertThat(agg.onTimer(reminder.state(), T0.plus(QUIET).plusSeconds(1)).notification()).as("told once").isNull();
    }

    @Test
    void aRepeatAfterTheQuietPeriodRemindsAtOnce() {
        AlertState s = agg.onAlert(null, alert("a", AlertLevel.RED), T0).state();
        AlertAggregator.Decision d = agg.onAlert(s, alert("a", AlertLevel.RED), T0.plus(QUIET).plusSeconds(1));
        assertThat(d.notification().reason()).isEqualTo(Notification.Reason.REMINDER);
    }

    @Test
    void lowLevelsWaitForTheDailyDigest() {
        AlertAggregator.Decision d = agg.onAlert(null, alert("b", AlertLevel.YELLOW), T0);
        Instant digest = Instant.parse("2026-03-03T00:30:00Z"); // next 08:30 China time
        assertThat(d.notification()).isNull();
        assertThat(d.timerAt()).isEqualTo(digest);
        assertThat(d.state().digestAt()).isEqualTo(digest);

        AlertAggregator.Decision more = agg.onAlert(d.state(), alert("b", AlertLevel.BLUE), T0.plusSeconds(60));
        assertThat(more.state().digestAt()).as("one digest entry per alert").isEqualTo(digest);
        assertThat(more.state().alert().count()).isEqualTo(2);

        AlertAggregator.Decision out = agg.onTimer(more.state(), digest);
        assertThat(out.notification().reason()).isEqualTo(Notification.Reason.DIGEST);
        assertThat(out.notification().alerts().get(0).level()).isEqualTo(AlertLevel.YELLOW);
        assertThat(out.state().digestAt()).isNull();
    }

    @Test
    void aDigestAlertThatEscalatesNotifiesAtOnceAndLeavesTheDigest() {
        AlertState s = agg.onAlert(null, alert("b", AlertLevel.YELLOW), T0).state();
        AlertAggregator.Decision d = agg.onAlert(s, alert("b", AlertLevel.RED), T0.plusSeconds(60));
        assertThat(d.notification().reason()).isEqualTo(Notification.Reason.ESCALATED);
        assertThat(d.state().digestAt()).isNull();
        assertThat(agg.onTimer(d.state(), Instant.parse("2026-03-03T00:30:00Z")).notification()).isNull();
    }

    @Test
    void theDigestIsAtTheNextDigestTime() {
        assertThat(agg.nextDigest(Instant.parse("2026-03-02T00:00:00Z"))).isEqualTo(Instant.parse("2026-03-02T00:30:00Z"));
        assertThat(agg.nextDigest(Instant.parse("2026-03-02T00:30:00Z"))).isEqualTo(Instant.parse("2026-03-03T00:30:00Z"));
    }

    @Test
    void evidenceStopsGrowing() {
        AlertState s = agg.onAlert(null, alert("a", AlertLevel.RED), T0).state();
        for (int i = 0; i < 40; i++) {
            Alert a = alert("a", AlertLevel.RED);
            a = new Alert("a", a.type(), a.level(), a.title(), a.summary(), new Alert.Evidence(List.of("p" + i), List.of(), List.of()),
                    null, null, T0, T0, 1);
            s = agg.onAlert(s, a, T0).state();
        }
        assertThat(s.alert().evidence().postIds()).hasSize(AlertAggregator.MAX_EVIDENCE);
        assertThat(s.alert().count()).isEqualTo(41);
    }
}
