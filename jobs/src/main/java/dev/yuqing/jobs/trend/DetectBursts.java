package dev.yuqing.jobs.trend;

import dev.yuqing.core.trend.BurstDetector;
import dev.yuqing.core.trend.BurstSettings;
import dev.yuqing.core.trend.TermBaseline;
import dev.yuqing.core.trend.Trend;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by term: scores each window's count against the term's baseline as it stood one window
 * length earlier (see {@link BaselineHistory}: overlapping windows would otherwise hide a steady
 * climb), and folds the count into the baseline. Windows
 * in which the term did not occur are never emitted by the window operator, so the gap since the
 * last window is folded in as zero counts. A term absent for {@code quietWindows} slides is
 * forgotten: an event-time timer clears its state, so state stays bounded by the active
 * vocabulary. Emits a {@link Trend} for every window with at least the minimum count (quieter
 * windows are only folded in), flagged when it is a burst.
 */
public final class DetectBursts extends KeyedProcessFunction<String, TermCount, Trend> {
    private static final long serialVersionUID = 1L;

    private final BurstDetector detector;
    private final TrendWindows windows;
    private transient ValueState<BaselineHistory> history;
    private transient ValueState<Long> lastWindowEnd;

    public DetectBursts(BurstSettings settings, TrendWindows windows) {
        this.detector = new BurstDetector(settings);
        this.windows = windows;
    }

    @Override
    public void open(OpenContext openContext) {
        history = getRuntimeContext().getState(new ValueStateDescriptor<>("history", TypeInformation.of(BaselineHistory.class)));
        lastWindowEnd = getRuntimeContext().getState(new ValueStateDescriptor<>("lastWindowEnd", Types.LONG));
    }

    @Override
    public void processElement(TermCount c, Context ctx, Collector<Trend> out) throws Exception {
        BaselineHistory h = history.value() == null ? BaselineHistory.EMPTY : history.value();
        TermBaseline before = h.latest();
        Long last = lastWindowEnd.value();
        long slide = windows.slide().toMillis();
        if (last != null) {
            if (c.windowEnd() <= last) {
                return; // a window already scored (a replay after restore): scoring it twice would skew the baseline
            }
            long missed = Math.min((c.windowEnd() - last) / slide - 1, windows.quietWindows());
            before = detector.quiet(before, Math.max(0, missed));
            ctx.timerService().deleteEventTimeTimer(expiry(last)); // one timer per term, not one per window
        }
        long size = windows.size().toMillis();
        // The verdict against the baseline of one window length ago; the fold into the latest one.
        long then = c.windowEnd() - size;
        TermBaseline lagged = h.asOf(then);
        Long lastBeforeThen = h.endAsOf(then);
        if (lastBeforeThen != null) { // windows without the term up to then count as quiet ones
            lagged = detector.quiet(lagged, Math.min((then - lastBeforeThen) / slide, windows.quietWindows()));
        }
        BurstDetector.Result r = detector.score(lagged, c.count());
        history.update(h.with(c.windowEnd(), detector.score(before, c.count()).next(), size));
        lastWindowEnd.update(c.windowEnd());
        ctx.timerService().registerEventTimeTimer(expiry(c.windowEnd()));
        if (c.count() >= detector.settings().minCount()) {
            out.collect(new Trend(c.term(), Instant.ofEpochMilli(c.windowStart()), Instant.ofEpochMilli(c.windowEnd()), c.count(),
                    lagged.mean(), r.score(), r.burst()));
        }
    }

    private long expiry(long windowEnd) {
        return windowEnd + windows.quietWindows() * windows.slide().toMillis();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Trend> out) throws Exception {
        Long last = lastWindowEnd.value();
        if (last != null && expiry(last) <= timestamp) {
            history.clear();
            lastWindowEnd.clear();
        }
    }
}
