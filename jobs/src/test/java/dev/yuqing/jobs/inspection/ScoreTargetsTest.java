package dev.yuqing.jobs.inspection;

import static dev.yuqing.jobs.inspection.InspectionPosts.BOARD;
import static dev.yuqing.jobs.inspection.InspectionPosts.NOTICES;
import static dev.yuqing.jobs.inspection.InspectionPosts.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.inspection.Finding;
import dev.yuqing.core.inspection.InspectionRules;
import dev.yuqing.core.inspection.Scorecard;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScoreTargetsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private static final String SITE = "site:www.demo.yuqing.invalid";
    private static final InspectionRules RULES = InspectionRules.standard();
    private KeyedOneInputStreamOperatorTestHarness<String, Finding, Scorecard> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new ScoreTargets(RULES)),
                Finding::scoredId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(Finding f) throws Exception {
        harness.processElement(f, f.lastSeen().toEpochMilli());
    }

    private Finding breach(String rule, String target, String subject, Instant at) {
        return Finding.of(RULES.rule(rule), target(target), Finding.Stage.BREACH, subject, "测试", Finding.Evidence.none(), at);
    }

    private List<Alert> alerts() {
        var out = harness.getSideOutput(ScoreTargets.ALERTS);
        return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
    }

    private Scorecard last() {
        List<Scorecard> out = harness.extractOutputValues();
        return out.get(out.size() - 1);
    }

    @Test
    void lateRepliesDeductUntilTheirLookBackEndsAndAVetoFailsTheSiteOnce() throws Exception {
        Finding late1 = breach("reply-late", BOARD, "m1", T0);
        Finding late2 = breach("reply-late", BOARD, "m2", T0);
        send(late1);
        send(late2.resolved(T0.plus(Duration.ofDays(2)), "已答复"));
        assertThat(last().score()).isEqualTo(98);
        assertThat(last().passed()).isTrue();
        assertThat(alerts()).isEmpty();

        Finding leak = breach("personal-data-leak", NOTICES, "n1", T0.plus(Duration.ofDays(3)));
        send(leak);
        assertThat(last().vetoed()).isTrue();
        assertThat(last().vetoes()).containsExactly("personal-data-leak");
        send(breach("personal-data-leak", NOTICES, "n2", T0.plus(Duration.ofDays(4))));
        assertThat(alerts()).as("one alert when the site starts failing, not one per finding").singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("inspection:score:" + SITE);
            assertThat(a.level()).isEqualTo(AlertLevel.RED);
        });

        // The leaks corrected: the site passes again; the answered late reply still counts for a year.
        send(leak.resolved(T0.plus(Duration.ofDays(5)), "已更正"));
        send(breach("personal-data-leak", NOTICES, "n2", T0.plus(Duration.ofDays(4))).resolved(T0.plus(Duration.ofDays(5)), "已更正"));
        assertThat(last().passed()).isTrue();
        assertThat(last().score()).isEqualTo(98);
        assertThat(alerts()).last().satisfies(a -> assertThat(a.id()).endsWith(":resolved"));

        harness.processWatermark(T0.plus(Duration.ofDays(366)).toEpochMilli());
        assertThat(last().score()).as("the resolved late reply stopped counting after a year").isEqualTo(99);
    }
}
