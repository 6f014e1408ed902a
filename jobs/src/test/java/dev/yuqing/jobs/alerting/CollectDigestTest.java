package dev.yuqing.jobs.alerting;

import static dev.yuqing.jobs.alerting.AlertFixtures.T0;
import static dev.yuqing.jobs.alerting.AlertFixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alerting.Notification;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class CollectDigestTest {

    @Test
    void sendsOneDigestPerChannelAfterTheWindowAndPassesTheRest() throws Exception {
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<String, Delivery, Delivery>(
                new KeyedProcessOperator<>(new CollectDigest(Duration.ofMinutes(1))), Delivery::channel, Types.STRING)) {
            harness.setProcessingTime(T0.toEpochMilli());
            harness.open();
            harness.processElement(digest("wecom", alert("a", AlertLevel.BLUE)), 1);
            harness.processElement(digest("wecom", alert("b", AlertLevel.YELLOW)), 2);
            harness.processElement(digest("mail", alert("a", AlertLevel.BLUE)), 3);
            harness.processElement(new Delivery("wecom", Notification.of(Notification.Reason.NEW, alert("r", AlertLevel.RED), T0)), 4);
            assertThat(harness.extractOutputValues()).extracting(d -> d.notification().reason()).containsExactly(Notification.Reason.NEW);

            harness.setProcessingTime(T0.plusSeconds(60).toEpochMilli());
            assertThat(harness.extractOutputValues()).hasSize(3);
            assertThat(harness.extractOutputValues().subList(1, 3))
                    .extracting(d -> d.channel() + " " + d.notification().reason() + " " + d.notification().alertIds())
                    .containsExactlyInAnyOrder("wecom DIGEST [a, b]", "mail DIGEST [a]");
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }

    private static Delivery digest(String channel, Alert a) {
        return new Delivery(channel, Notification.of(Notification.Reason.DIGEST, a, T0));
    }
}
