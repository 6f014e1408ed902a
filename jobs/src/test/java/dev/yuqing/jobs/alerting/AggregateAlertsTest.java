package dev.yuqing.jobs.alerting;

import static dev.yuqing.jobs.alerting.AlertFixtures.T0;
import static dev.yuqing.jobs.alerting.AlertFixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alerting.AlertAggregator;
import dev.yuqing.core.alerting.Notification;
import dev.yuqing.core.post.PostTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggregateAlertsTest {
    private static final Duration QUIET = Duration.ofHours(1);
    private static final Instant DIGEST = Instant.parse("2026-03-03T00:30:00Z"); // next 08:30 China time
    private KeyedOneInputStreamOperatorTestHarness<String, Alert, Notification> harness;

    @BeforeEach
    void open() throws Exception {
        AlertAggregator aggregator = new AlertAggregator(QUIET, EnumSet.of(AlertLevel.BLUE, AlertLevel.YELLOW), LocalTime.of(8, 30), PostTimes.CHINA);
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new AggregateAlerts(aggregator, Duration.ofDays(30))), Alert::id, Types.STRING);
        harness.setProcessingTime(T0.toEpochMilli());
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void at(Instant t) throws Exception {
        harness.setProcessingTime(t.toEpochMilli()); // fires the timers due
    }

    @Test
    void oneOpenAlertPerIdNotifiedOnceThenRemindedAfterTheQuietPeriod() throws Exception {
        harness.processElement(alert("a", AlertLevel.ORANGE), 1);
        harness.processElement(alert("b", AlertLevel.RED), 2);
        at(T0.plusSeconds(60));
        harness.processElement(alert("a", AlertLevel.ORANGE), 3);
        harness.processElement(alert("a", AlertLevel.ORANGE), 4);

        assertThat(harness.extractOutputValues()).extracting(n -> n.alerts().get(0).id() + " " + n.reason())
                .containsExactly("a NEW", "b NEW");
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.getSideOutput(AggregateAlerts.UPDATES)).extracting(r -> r.getValue().id() + "#" + r.getValue().count())
                .containsExactly("a#1", "b#1", "a#2", "a#3");
        assertThat(harness.numProcessingTimeTimers()).as("the end of a's quiet period").isEqualTo(1);

        at(T0.plus(QUIET));
        assertThat(harness.extractOutputValues()).hasSize(3);
        Notification reminder = harness.extractOutputValues().get(2);
        assertThat(reminder.reason()).isEqualTo(Notification.Reason.REMINDER);
        assertThat(reminder.alerts().get(0).count()).isEqualTo(3);
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void escalationNotifiesAtOnce() throws Exception {
        harness.processElement(alert("a", AlertLevel.ORANGE), 1);
        at(T0.plusSeconds(5));
        harness.processElement(alert("a", AlertLevel.RED), 2);
        assertThat(harness.extractOutputValues()).extracting(Notification::reason)
                .containsExactly(Notification.Reason.NEW, Notification.Reason.ESCALATED);
    }

    @Test
    void lowLevelsWaitForTheDigestTimer() throws Exception {
        harness.processElement(alert("c", AlertLevel.YELLOW), 1);
        harness.processElement(alert("c", AlertLevel.BLUE), 2);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        at(DIGEST.minusMillis(1));
        assertThat(harness.extractOutputValues()).isEmpty();
        at(DIGEST);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(n -> {
            assertThat(n.reason()).isEqualTo(Notification.Reason.DIGEST);
            assertThat(n.alerts().get(0).count()).isEqualTo(2);
            assertThat(n.at()).isEqualTo(DIGEST);
        });
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void stateAndTimersSurviveASnapshot() throws Exception {
        harness.processElement(alert("a", AlertLevel.RED), 1);
        at(T0.plusSeconds(60));
        harness.processElement(alert("a", AlertLevel.RED), 2);
        var snapshot = harness.snapshot(1, T0.plusSeconds(61).toEpochMilli());
        harness.close();

        AlertAggregator aggregator = new AlertAggregator(QUIET, EnumSet.of(AlertLevel.BLUE), LocalTime.of(8, 30), PostTimes.CHINA);
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new AggregateAlerts(aggregator, Duration.ofDays(30))), Alert::id, Types.STRING);
        harness.setProcessingTime(T0.plusSeconds(61).toEpochMilli());
        harness.initializeState(snapshot);
        harness.open();
        at(T0.plus(QUIET));
        assertThat(harness.getOutput()).extracting(o -> ((StreamRecord<Notification>) o).getValue().reason())
                .containsExactly(Notification.Reason.REMINDER);
    }
}
