package dev.yuqing.jobs.trend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.trend.Event;
import dev.yuqing.core.trend.RepresentativePost;
import dev.yuqing.core.trend.Trend;
import dev.yuqing.core.trend.WarningLevels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterEventsTest {
    private static final long MINUTE = 60_000;
    private static final long T0 = TrendPosts.T0.toEpochMilli();
    private static final Duration IDLE = Duration.ofHours(1);
    private static final Duration LATE_LIMIT = Duration.ofMinutes(30);
    private static final String LEAK = "今天上午南湖区自来水厂发生管道爆裂，附近三个小区停水，市民反映至今没有接到任何通知，"
            + "物业表示正在联系供水公司抢修，预计晚上八点恢复供水，请居民提前储水并关注官方通报";
    private static final String EXHIBITION = "市文化馆本周末举办少儿书法展览，展出作品两百余幅，免费向市民开放，欢迎家长带孩子参观学习";
    private KeyedTwoInputStreamOperatorTestHarness<String, dev.yuqing.core.post.EnrichedPost, Trend, Event> harness;

    private KeyedTwoInputStreamOperatorTestHarness<String, dev.yuqing.core.post.EnrichedPost, Trend, Event> harness() throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new ClusterEventsOperator(new ClusterEvents(WarningLevels.DEFAULTS, TrendWindows.DEFAULTS, 5, new EventSettings(IDLE, 100, Duration.ZERO), LATE_LIMIT)),
                p -> TrendJob.ALL_POSTS, t -> TrendJob.ALL_POSTS, Types.STRING);
    }

    @BeforeEach
    void open() throws Exception {
        harness = harness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** A post, then the watermark to the end of its first window, which releases it. */
    private void post(String id, int minute, String text, List<String> keywords, double sentiment) throws Exception {
        long at = T0 + minute * MINUTE;
        harness.processElement1(TrendPosts.post(id, at, text, keywords, sentiment), at);
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(at - at % MINUTE + MINUTE));
    }

    private Event last() {
        List<Event> out = harness.extractOutputValues();
        return out.get(out.size() - 1);
    }

    /**
     * Posts published in the same second may reach the operator in either order (two upstream
     * subtasks); which one opens the event, and so its id and title, must not depend on it.
     */
    @Test
    void postsOfTheSameTimeArePlacedInTheSameOrderWhicheverArrivesFirst() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (List<String> arrival : List.of(List.of("x", "y"), List.of("y", "x"))) {
            var h = harness();
            h.open();
            for (String id : arrival) {
                h.processElement1(TrendPosts.post(id, T0, LEAK + id, List.of("停水"), -0.5), T0);
            }
            h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + MINUTE));
            ids.add(h.extractOutputValues().get(0).id());
            h.close();
        }
        assertThat(ids).containsExactly("event:x", "event:x");
    }

    /**
     * The trends input may run ahead of the posts input (how far is a matter of processing speed):
     * a burst found in a later window must not decide where an earlier post goes, or the same data
     * would group differently from run to run. Only bursts of windows that ended by the post's
     * release count, and those have all arrived by then, whatever the interleaving.
     */
    @Test
    void burstsOfLaterWindowsDoNotDecideWhereAPostGoesWhateverTheirArrival() throws Exception {
        Trend later = new Trend("停水", Instant.ofEpochMilli(T0 - 5 * MINUTE), Instant.ofEpochMilli(T0 + 5 * MINUTE), 30, 2, 9, true);
        List<List<Event>> outputs = new java.util.ArrayList<>();
        for (boolean trendsAhead : List.of(true, false)) {
            var h = harness();
            h.open();
            if (trendsAhead) {
                h.processElement2(later, T0 + 5 * MINUTE - 1);
            }
            h.processElement1(TrendPosts.post("a", T0, LEAK, List.of("停水", "管道"), -0.6), T0);
            h.processElement1(TrendPosts.post("x", T0 + 30_000, "我家也停水了，谁知道什么时候来水", List.of("停水", "来水"), -0.5), T0 + 30_000);
            h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + MINUTE));
            if (!trendsAhead) {
                h.processElement2(later, T0 + 5 * MINUTE - 1);
            }
            h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + 6 * MINUTE));
            outputs.add(h.extractOutputValues());
            h.close();
        }
        assertThat(outputs.get(0)).as("the burst arrived before the posts' window closed").isEqualTo(outputs.get(1));
        assertThat(outputs.get(1)).extracting(Event::id).containsExactly("event:a", "event:x");
    }

    /**
     * A post that arrives after its batch was placed (a slow poll, a backlog enriched out of order)
     * goes with the next batch, by the bursts of that time, as its keywords count in the trends
     * of the slide open when it came.
     */
    @Test
    void aLatePostIsPlacedWithTheNextBatchByItsBursts() throws Exception {
        post("a", 0, LEAK, List.of("停水", "管道"), -0.6);
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + 5 * MINUTE));
        harness.processElement1(TrendPosts.post("x", T0 + MINUTE, "我家也停水了，谁知道什么时候来水", List.of("停水", "来水"), -0.5),
                T0 + MINUTE);
        harness.processElement2(new Trend("停水", Instant.ofEpochMilli(T0 - 4 * MINUTE), Instant.ofEpochMilli(T0 + 6 * MINUTE),
                30, 2, 9, true), T0 + 6 * MINUTE - 1);
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + 6 * MINUTE));
        assertThat(last().id()).isEqualTo("event:a");
        assertThat(last().volume()).isEqualTo(2);
    }

    /**
     * After a quiet spell every input is idle, and the posts input, one hop from the source, turns
     * active before the trends input, three hops away, does. Flink leaves an idle input out of the
     * event time: the posts' watermark alone would release them before their window's bursts come.
     */
    @Test
    void postsWaitForTheTrendsWatermarkEvenWhileTheTrendsInputIsIdle() throws Exception {
        harness.processWatermarkStatus2(org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus.IDLE);
        harness.processElement1(TrendPosts.post("a", T0, LEAK, List.of("停水", "管道"), -0.6), T0);
        harness.processElement1(TrendPosts.post("x", T0 + 30_000, "我家也停水了，谁知道什么时候来水", List.of("停水", "来水"), -0.5), T0 + 30_000);
        harness.processWatermark1(new org.apache.flink.streaming.api.watermark.Watermark(T0 + MINUTE));
        assertThat(harness.extractOutputValues()).as("held for the trends").isEmpty();

        harness.processWatermarkStatus2(org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus.ACTIVE);
        harness.processElement2(new Trend("停水", Instant.ofEpochMilli(T0 - 9 * MINUTE), Instant.ofEpochMilli(T0 + MINUTE), 30, 2, 9, true),
                T0 + MINUTE - 1);
        harness.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(T0 + MINUTE));
        assertThat(last().id()).isEqualTo("event:a");
        assertThat(last().volume()).isEqualTo(2);
    }

    /** A post later than the limit (an import of old posts) neither opens nor grows an event: warnings are about now. */
    @Test
    void aPostLaterThanTheLimitStaysOutOfEvents() throws Exception {
        post("a", 0, LEAK, List.of("停水", "管道"), -0.6);
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + 40 * MINUTE));
        harness.processElement1(TrendPosts.post("b", T0 + MINUTE, LEAK + "！", List.of("停水", "管道"), -0.7), T0 + MINUTE);
        harness.processElement1(TrendPosts.post("c", T0 + 2 * MINUTE, EXHIBITION, List.of("书法"), 0.5), T0 + 2 * MINUTE);
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + 45 * MINUTE));
        assertThat(harness.extractOutputValues()).extracting(Event::id).containsExactly("event:a");
    }

    @Test
    void nearDuplicatePostsLandInOneEventAndOthersOpenTheirOwn() throws Exception {
        post("a", 0, LEAK, List.of("停水", "管道"), -0.6);
        post("b", 1, LEAK + "！", List.of("停水", "管道"), -0.7);
        post("c", 2, "转发：" + LEAK, List.of("停水"), 0);
        post("d", 3, EXHIBITION, List.of("书法", "展览"), 0.6);

        List<Event> out = harness.extractOutputValues();
        assertThat(out).extracting(Event::id).containsExactly("event:a", "event:a", "event:a", "event:d");
        Event leak = out.get(2);
        assertThat(leak.volume()).isEqualTo(3);
        assertThat(leak.representatives()).extracting(RepresentativePost::id).containsExactly("a", "b", "c");
        assertThat(leak.negative()).isEqualTo(2);
        assertThat(leak.neutral()).isEqualTo(1);
        assertThat(leak.keywords()).startsWith("停水");
        assertThat(leak.firstSeen()).isEqualTo(Instant.ofEpochMilli(T0));
        assertThat(leak.lastSeen()).isEqualTo(Instant.ofEpochMilli(T0 + 2 * MINUTE));
        assertThat(leak.reach()).isEqualTo(60);
        assertThat(leak.title()).startsWith("今天上午南湖区");
        assertThat(last().volume()).isEqualTo(1);
    }

    @Test
    void aPostSharingABurstingKeywordJoinsTheEventThatHasIt() throws Exception {
        post("a", 0, LEAK, List.of("停水", "管道"), -0.6);
        post("x", 1, "我家也停水了，谁知道什么时候来水", List.of("停水", "来水"), -0.5);
        assertThat(last().id()).isEqualTo("event:x"); // not bursting yet: a separate event

        harness.processElement2(new Trend("停水", Instant.ofEpochMilli(T0 - 8 * MINUTE), Instant.ofEpochMilli(T0 + 2 * MINUTE),
                30, 2, 9, true), T0 + 2 * MINUTE);
        post("y", 3, "小区停水一整天，物业电话打不通", List.of("停水", "物业"), -0.8);
        assertThat(last().id()).as("both hold 停水 once: the one first seen").isEqualTo("event:a");
        assertThat(last().volume()).isEqualTo(2);

        post("z", 4, EXHIBITION, List.of("书法"), 0.5);
        assertThat(last().id()).isEqualTo("event:z");
    }

    @Test
    void aWaveReplayedFasterThanItsWindowsCloseStillFormsOneEvent() throws Exception {
        String[] complaints = {"我家停水了，做饭都成问题", "停水五个小时了还没来水，热线一直占线", "小区又停水，物业说是市政管网的事",
                "突然停水也不通知，老人孩子都在家", "停水一整天，水务局到底管不管"};
        for (int i = 0; i < 30; i++) {
            long at = T0 + i * 20_000L; // ten minutes of posts, all arriving before any window closes
            harness.processElement1(TrendPosts.post("w" + i, at, complaints[i % complaints.length] + "（" + i + "）", List.of("停水"), -0.7), at);
        }
        assertThat(harness.extractOutputValues()).as("held until their first window closes").isEmpty();
        harness.processElement2(new Trend("停水", Instant.ofEpochMilli(T0 - 9 * MINUTE), Instant.ofEpochMilli(T0 + MINUTE),
                30, 1, 9, true), T0 + MINUTE - 1);
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + 11 * MINUTE));

        List<Event> out = harness.extractOutputValues();
        assertThat(out).as("one update per minute of posts, not one per post").hasSize(10).extracting(Event::id).containsOnly("event:w0");
        assertThat(last().volume()).isEqualTo(30);
    }

    @Test
    void theWarningLevelRisesWithVolume() throws Exception {
        // 20 posts a minute; each minute's posts are released together when the minute's window closes.
        for (int minute = 0; minute < 6; minute++) {
            for (int i = 0; i < 20; i++) {
                long at = T0 + minute * MINUTE + i * 1000L;
                harness.processElement1(TrendPosts.post("p" + (minute * 20 + i), at, LEAK, List.of("停水"), 0), at);
            }
            harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + (minute + 1) * MINUTE));
        }
        List<Event> out = harness.extractOutputValues();
        assertThat(out).as("one update a minute").hasSize(6).extracting(Event::id).containsOnly("event:p0");
        assertThat(out).extracting(Event::volume).containsExactly(20L, 40L, 60L, 80L, 100L, 120L);
        assertThat(out.get(0).level()).isEqualTo(AlertLevel.BLUE);   // 20 posts, all new in this window
        assertThat(out.get(1).level()).isEqualTo(AlertLevel.YELLOW); // 40 posts
        assertThat(out.get(4).level()).isEqualTo(AlertLevel.ORANGE); // 100 posts
        AlertLevel peak = null;
        for (Event e : out) {
            peak = e.level() != null && (peak == null || e.level().compareTo(peak) > 0) ? e.level() : peak;
            assertThat(e.peakLevel()).as("the highest level so far, at volume " + e.volume()).isEqualTo(peak);
        }
    }

    @Test
    void idleEventsAndCooledTermsAreDroppedByTimers() throws Exception {
        post("a", 0, LEAK, List.of("停水"), -0.6);
        post("d", 30, EXHIBITION, List.of("书法"), 0.6);
        harness.processElement2(new Trend("书法", Instant.ofEpochMilli(T0 + 20 * MINUTE), Instant.ofEpochMilli(T0 + 30 * MINUTE),
                12, 0, 6, true), T0 + 30 * MINUTE);
        // events, their fingerprint index and count, bursting terms, negative baseline
        assertThat(harness.numKeyedStateEntries()).isEqualTo(5);
        assertThat(harness.numEventTimeTimers()).isEqualTo(3);

        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + 61 * MINUTE));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // only the exhibition's remains
        assertThat(harness.numKeyedStateEntries()).isEqualTo(4); // the bursting term cooled at minute 40

        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + 91 * MINUTE));
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // only the running negative share: the index is empty

        post("b", 92, LEAK, List.of("停水"), -0.6);
        assertThat(last().id()).isEqualTo("event:b"); // the old event is closed: a new one opens
    }

    @Test
    void postsWithinAMinuteShareOneIdleTimer() throws Exception {
        for (int i = 0; i < 50; i++) {
            long at = T0 + 1000 + i * 1000; // all within the minute after T0
            harness.processElement1(TrendPosts.post("p" + i, at, LEAK, List.of("停水"), 0), at);
        }
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void openEventsSurviveACheckpoint() throws Exception {
        post("a", 0, LEAK, List.of("停水", "管道"), -0.6);
        OperatorSubtaskState snapshot = harness.snapshot(1, T0);
        harness.close();

        harness = harness();
        harness.initializeState(snapshot);
        harness.open();
        post("b", 1, LEAK + "！", List.of("停水", "管道"), -0.7);
        assertThat(last().id()).isEqualTo("event:a");
        assertThat(last().volume()).isEqualTo(2);
        assertThat(last().keywords()).containsExactly("停水", "管道");
    }

    @Test
    void theOldestEventIsClosedWhenTooManyAreOpen() throws Exception {
        harness.close();
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new ClusterEventsOperator(new ClusterEvents(WarningLevels.DEFAULTS, TrendWindows.DEFAULTS, 5, new EventSettings(IDLE, 1, Duration.ZERO), LATE_LIMIT)),
                p -> TrendJob.ALL_POSTS, t -> TrendJob.ALL_POSTS, Types.STRING);
        harness.open();
        post("a", 0, LEAK, List.of("停水"), 0);
        post("d", 1, EXHIBITION, List.of("书法"), 0);
        post("b", 2, LEAK, List.of("停水"), 0);
        assertThat(last().id()).isEqualTo("event:b");
    }
}
