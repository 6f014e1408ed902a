package dev.yuqing.jobs.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeavyTermsPerSlideTest {
    private static final long MINUTE = 60_000;
    private static final java.time.Duration LATE_LIMIT = java.time.Duration.ofMinutes(30);
    private static final long T0 = TrendPosts.T0.toEpochMilli();
    private OneInputStreamOperatorTestHarness<String, SlideTermCount> harness;

    private OneInputStreamOperatorTestHarness<String, SlideTermCount> open(int capacity, OperatorSubtaskState restore) throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(new HeavyTermsPerSlide(TrendWindows.DEFAULTS, capacity, LATE_LIMIT));
        if (restore != null) {
            harness.initializeState(restore);
        }
        harness.open();
        return harness;
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void keyword(String term, long at) throws Exception {
        harness.processElement(term, at);
    }

    /** The output in order, records and watermarks. */
    private List<Object> output() {
        return new ArrayList<>(harness.getOutput());
    }

    @Test
    void aSlidesCountsGoOutWhenTheWatermarkPassesItsEndAheadOfTheWatermark() throws Exception {
        open(100, null);
        keyword("停水", T0 + 1000);
        keyword("停水", T0 + 2000);
        keyword("物业", T0 + 3000);
        keyword("停水", T0 + MINUTE + 1000); // the next slide
        harness.processWatermark(new Watermark(T0 + MINUTE - 2));
        assertThat(harness.extractOutputValues()).as("the slide is not complete yet").isEmpty();

        harness.processWatermark(new Watermark(T0 + MINUTE - 1));
        List<Object> out = output();
        assertThat(out).hasSize(4); // the watermark not passing, and three after
        assertThat(out.get(1)).isEqualTo(new StreamRecord<>(new SlideTermCount("停水", T0 + MINUTE, 2), T0 + MINUTE - 1));
        assertThat(out.get(2)).isEqualTo(new StreamRecord<>(new SlideTermCount("物业", T0 + MINUTE, 1), T0 + MINUTE - 1));
        assertThat(out.get(3)).isEqualTo(new Watermark(T0 + MINUTE - 1));

        harness.processWatermark(new Watermark(T0 + 5 * MINUTE));
        assertThat(harness.extractOutputValues()).last().isEqualTo(new SlideTermCount("停水", T0 + 2 * MINUTE, 1));
    }

    @Test
    void millionsOfRareTermsCannotGrowItBeyondItsCapacityNorHideAHeavyOne() throws Exception {
        open(50, null);
        for (int i = 0; i < 20_000; i++) {
            keyword("噪声" + i, T0 + (i % 50_000)); // every term once
            if (i % 20 == 0) { // 1,000 of 21,000: above 1/capacity of the slide
                keyword("停水", T0 + (i % 50_000));
            }
        }
        harness.processWatermark(new Watermark(T0 + MINUTE));
        List<SlideTermCount> out = harness.extractOutputValues();
        assertThat(out.size()).isLessThanOrEqualTo(50);
        // Counted from its first occurrence, so exact; the rare terms' counts are lower bounds of 1.
        assertThat(out).contains(new SlideTermCount("停水", T0 + MINUTE, 1000));
        assertThat(out).filteredOn(c -> !c.term().equals("停水")).allMatch(c -> c.count() <= 1);
    }

    /**
     * A keyword whose slide was already flushed (a post fetched by a slow poll, a backlog written
     * out of order) counts in the oldest slide still open, as if published when it arrived: its
     * windows have fired, and dropping it would lose it from every trend.
     */
    @Test
    void aKeywordForASlideAlreadyFlushedCountsInTheOldestOpenSlide() throws Exception {
        open(100, null);
        keyword("停水", T0 + 3 * MINUTE + 1000);
        harness.processWatermark(new Watermark(T0 + MINUTE));
        keyword("停水", T0 + 30_000);
        harness.processWatermark(new Watermark(T0 + 2 * MINUTE));
        assertThat(harness.extractOutputValues()).as("counted in the slide open when it came").containsExactly(
                new SlideTermCount("停水", T0 + 2 * MINUTE, 1));
        harness.processWatermark(new Watermark(T0 + 4 * MINUTE));
        assertThat(harness.extractOutputValues()).containsExactly(
                new SlideTermCount("停水", T0 + 2 * MINUTE, 1), new SlideTermCount("停水", T0 + 4 * MINUTE, 1));
    }

    /**
     * The usual watermark stands a millisecond before a slide's end, which covers the slide's last
     * millisecond: that slide is flushed, and a late keyword goes to the next.
     */
    @Test
    void aLateKeywordGoesToTheFirstSlideNotFlushed() throws Exception {
        open(100, null);
        harness.processWatermark(new Watermark(T0 + 2 * MINUTE - 1));
        keyword("停水", T0 + 30_000);
        harness.processWatermark(new Watermark(T0 + 3 * MINUTE));
        assertThat(harness.extractOutputValues()).containsExactly(new SlideTermCount("停水", T0 + 3 * MINUTE, 1));
    }

    /**
     * Beyond the late limit a keyword is left out: counted now, a backlog of hours (a re-sent
     * batch, an import of old posts) would pile into one slide and fake a burst.
     */
    @Test
    void aKeywordLaterThanTheLimitIsLeftOut() throws Exception {
        open(100, null);
        harness.processWatermark(new Watermark(T0 + 40 * MINUTE));
        keyword("停水", T0 + 5 * MINUTE); // 35 minutes behind
        keyword("停水", T0 + 15 * MINUTE); // 25 minutes behind: within the limit
        keyword("停水", T0 + 10 * MINUTE); // exactly the limit behind: still within
        harness.processWatermark(new Watermark(T0 + 42 * MINUTE));
        assertThat(harness.extractOutputValues()).containsExactly(new SlideTermCount("停水", T0 + 41 * MINUTE, 2));
    }

    @Test
    void openSlidesSurviveACheckpoint() throws Exception {
        open(100, null);
        keyword("停水", T0 + 1000);
        keyword("停水", T0 + 2000);
        OperatorSubtaskState snapshot = harness.snapshot(1, T0 + 2000);
        harness.close();

        open(100, snapshot);
        keyword("停水", T0 + 3000);
        harness.processWatermark(new Watermark(T0 + MINUTE));
        assertThat(harness.extractOutputValues()).containsExactly(new SlideTermCount("停水", T0 + MINUTE, 3));
    }

    @Test
    void aKeywordWithoutEventTimeIsAnError() throws Exception {
        open(100, null);
        assertThatThrownBy(() -> harness.processElement(new StreamRecord<>("停水")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("停水");
    }
}
