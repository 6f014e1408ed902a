package dev.yuqing.jobs.trend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.trend.BurstSettings;
import dev.yuqing.core.trend.Trend;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DetectBurstsTest {
    private static final long MINUTE = 60_000;
    private static final long T0 = TrendPosts.T0.toEpochMilli();
    private static final TrendWindows WINDOWS = new TrendWindows(Duration.ofMinutes(10), Duration.ofMinutes(1), 5);
    private KeyedOneInputStreamOperatorTestHarness<String, TermCount, Trend> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new DetectBursts(BurstSettings.DEFAULTS, WINDOWS)),
                TermCount::term, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** The window ending at minute {@code m}, as the window operator emits it when the watermark passes its end. */
    private void window(String term, int m, long count) throws Exception {
        long end = T0 + m * MINUTE;
        harness.processElement(new TermCount(term, end - 10 * MINUTE, end, count), end - 1);
    }

    /**
     * Bursts after the first window length: before it a term has no baseline to be scored against,
     * so any count over the minimum is a burst (an emerging topic).
     */
    private List<Trend> bursts() {
        return harness.extractOutputValues().stream().filter(Trend::burst).filter(t -> t.windowEnd().toEpochMilli() > T0 + 10 * MINUTE).toList();
    }

    @Test
    void aTermWhoseCountJumpsBurstsAndASteadyOneDoesNot() throws Exception {
        for (int m = 1; m <= 30; m++) {
            window("停水", m, m < 30 ? 12 + m % 2 : 60);
            window("天气", m, 12 + m % 2);
            harness.processWatermark(T0 + m * MINUTE);
        }
        assertThat(bursts()).extracting(Trend::term).containsExactly("停水");
        Trend burst = bursts().get(0);
        assertThat(burst.count()).isEqualTo(60);
        assertThat(burst.windowEnd().toEpochMilli()).isEqualTo(T0 + 30 * MINUTE);
        assertThat(burst.baseline()).isBetween(11.0, 14.0);
        // Both terms are reported for every window over the minimum count.
        assertThat(harness.extractOutputValues()).hasSize(60);
    }

    @Test
    void windowsBelowTheMinimumCountAreFoldedInButNotReported() throws Exception {
        window("小众", 1, 2);
        window("小众", 2, 3);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    }

    @Test
    void aTermThatGoesQuietIsForgottenWithItsTimer() throws Exception {
        for (int m = 1; m <= 3; m++) {
            window("停水", m, 12);
            window("天气", m, 12);
        }
        window("天气", 6, 12);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(4); // baseline and last window of each term
        assertThat(harness.numEventTimeTimers()).isEqualTo(2); // one per term, not one per window

        harness.processWatermark(T0 + 8 * MINUTE); // 停水 last seen at minute 3: 5 quiet slides have passed
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(T0 + 11 * MINUTE);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aGapCountsAsQuietWindowsSoAReturnAfterSilenceIsABurst() throws Exception {
        for (int m = 1; m <= 20; m++) {
            window("供暖", m, 20);
        }
        window("供暖", 40, 20); // nineteen absent windows pulled the baseline down and widened it
        Trend back = harness.extractOutputValues().get(harness.extractOutputValues().size() - 1);
        assertThat(back.baseline()).isLessThan(20 * 0.8 * 0.8);
        assertThat(back.score()).isGreaterThan(0);
    }

    @Test
    void aSteadyClimbOverSlidingWindowsIsABurst() throws Exception {
        // Twenty quiet windows of 12, then a wave adding 2 posts a minute: from slide to slide the
        // count rises only a little, but against the baseline of ten minutes earlier it is sudden.
        for (int m = 1; m <= 20; m++) {
            window("停水", m, 12);
        }
        for (int m = 21; m <= 30; m++) {
            window("停水", m, 12 + 2L * (m - 20));
        }
        assertThat(bursts()).isNotEmpty();
        assertThat(bursts().get(0).windowEnd().toEpochMilli()).isLessThanOrEqualTo(T0 + 25 * MINUTE);
    }

    @Test
    void aWindowScoredAlreadyIsNotScoredTwice() throws Exception {
        window("停水", 1, 12);
        window("停水", 1, 12);
        assertThat(harness.extractOutputValues()).hasSize(1);
    }
}
