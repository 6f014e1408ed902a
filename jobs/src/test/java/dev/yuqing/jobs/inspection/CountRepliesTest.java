package dev.yuqing.jobs.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class CountRepliesTest {
    private static final Instant T = Instant.parse("2026-11-02T01:00:00Z");

    private static MessageStatus status(String thread, String unit, MessageStatus.State state, Integer days, Boolean onTime) {
        return status(thread, unit, state, days, onTime, false);
    }

    private static MessageStatus status(String thread, String unit, MessageStatus.State state, Integer days, Boolean onTime, boolean estimated) {
        return new MessageStatus(thread, "board", "留言板", unit, null, "主题", null, state, T, T, estimated, T, days, estimated, onTime, T);
    }

    @Test
    void eachUnitsAnswersAreCountedWithMeanAndMedianInWorkingDays() throws Exception {
        try (var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new CountReplies()),
                MessageStatus::ownerUnit, Types.STRING)) {
            h.open();
            h.processElement(status("a", "市水务局", MessageStatus.State.OPEN, null, null), 1);
            h.processElement(status("a", "市水务局", MessageStatus.State.ANSWERED, 2, true), 2);
            h.processElement(status("b", "市水务局", MessageStatus.State.ANSWERED, 9, false), 3);
            h.processElement(status("c", "市水务局", MessageStatus.State.ANSWERED, 400, false), 4);
            h.processElement(status("d", "市教育局", MessageStatus.State.ANSWERED, 1, true), 5);
            List<UnitReplyStats> out = h.extractOutputValues();
            assertThat(out).hasSize(4);
            UnitReplyStats water = out.get(2);
            assertThat(water.ownerUnit()).isEqualTo("市水务局");
            assertThat(water.answered()).isEqualTo(3);
            assertThat(water.onTime()).isEqualTo(1);
            assertThat(water.meanWorkingDays()).isEqualTo(137.0);
            assertThat(water.medianWorkingDays()).isEqualTo(9);
            assertThat(water.byWorkingDays()).containsEntry("2", 1L).containsEntry("6-10", 1L).containsEntry("over-60", 1L);
            assertThat(out.get(3).answered()).as("units apart").isEqualTo(1);
            assertThat(h.numKeyedStateEntries()).isEqualTo(2);
            assertThat(out).extracting(UnitReplyStats::estimated).containsOnly(0L);
        }
    }

    @Test
    void answersPastTheCalendarsEndCountAndAreCountedAsEstimated() throws Exception {
        try (var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new CountReplies()),
                MessageStatus::ownerUnit, Types.STRING)) {
            h.open();
            h.processElement(status("a", "市水务局", MessageStatus.State.ANSWERED, 3, true), 1);
            h.processElement(status("b", "市水务局", MessageStatus.State.ANSWERED, 7, false, true), 2);
            h.processElement(status("c", "市水务局", MessageStatus.State.ANSWERED, 1, true, true), 3);
            assertThat(h.extractOutputValues()).last().satisfies(s -> {
                assertThat(s.answered()).isEqualTo(3);
                assertThat(s.onTime()).isEqualTo(2);
                assertThat(s.estimated()).isEqualTo(2);
                assertThat(s.medianWorkingDays()).isEqualTo(3);
            });
        }
    }
}
