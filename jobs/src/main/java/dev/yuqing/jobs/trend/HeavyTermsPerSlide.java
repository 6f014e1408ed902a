package dev.yuqing.jobs.trend;

import dev.yuqing.core.trend.SpaceSaving;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Heavy hitters in front of the term windows: each subtask counts the keywords of each slide in a
 * Space-Saving sketch of {@code capacity} counters and, when the watermark passes the slide's end,
 * emits the sketch's terms with their guaranteed counts, stamped with the slide's last
 * millisecond, before it forwards the watermark. However many distinct terms a feed carries
 * (misspellings, names, spam variants: millions), the sketches hold {@code capacity} terms per open
 * slide, and the windows and burst state behind them see at most {@code capacity} terms per slide
 * and subtask. Every term above 1/capacity of a slide's keywords gets through with its exact count
 * or a lower bound; the rare ones, which could never burst, are what is cut.
 *
 * <p>A keyword whose slide has already been flushed counts in the oldest slide still open (the
 * {@code lateKeywords} metric counts them): posts come late when a connector polls a source every
 * quarter hour, and a late post dropped would be missing from every trend, so that a wave fetched
 * in batches might never burst. One more than {@code lateLimit} behind the watermark is left out
 * ({@code keywordsBeyondLateLimit}): an import of old posts or a re-sent backlog counted now would
 * pile hours into one slide and fake a burst.
 *
 * <p>A plain operator, not a keyed function: the counting is local pre-aggregation with no key,
 * flushed by the watermark (timers would need one). The open sketches are operator state; after a
 * rescale a subtask may restore several sketches of one slide and merges them.
 */
public final class HeavyTermsPerSlide extends AbstractStreamOperator<SlideTermCount>
        implements OneInputStreamOperator<String, SlideTermCount> {
    private static final long serialVersionUID = 1L;

    /** An open slide's sketch as checkpointed. */
    public record SlideSketch(long slideEnd, SpaceSaving<String> sketch) {}

    private final long slide;
    private final int capacity;
    private final LateLimit lateLimit;
    private transient TreeMap<Long, SpaceSaving<String>> open;
    private transient ListState<SlideSketch> checkpointed;
    private transient Counter late;
    private transient Counter tooLate;
    private transient long currentWatermark;

    public HeavyTermsPerSlide(TrendWindows windows, int capacity, Duration lateLimit) {
        if (capacity < 1) {
            throw new IllegalArgumentException("term capacity must be at least 1, was " + capacity);
        }
        this.lateLimit = LateLimit.of(lateLimit);
        this.slide = windows.slide().toMillis();
        this.capacity = capacity;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        checkpointed = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>("term-sketches", TypeInformation.of(SlideSketch.class)));
        open = new TreeMap<>();
        currentWatermark = Long.MIN_VALUE;
        for (SlideSketch s : checkpointed.get()) {
            SpaceSaving<String> mine = open.get(s.slideEnd());
            if (mine == null) {
                open.put(s.slideEnd(), s.sketch());
            } else {
                for (SpaceSaving.HeavyHitter<String> h : s.sketch().top(s.sketch().size())) {
                    if (h.guaranteed() > 0) {
                        mine.offer(h.key(), h.guaranteed());
                    }
                }
            }
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        late = getMetricGroup().counter("lateKeywords");
        tooLate = getMetricGroup().counter("keywordsBeyondLateLimit");
    }

    @Override
    public void processElement(StreamRecord<String> record) {
        if (!record.hasTimestamp()) {
            throw new IllegalStateException("keyword '" + record.getValue() + "' has no event time: the source must assign published times");
        }
        long end = TrendWindows.endAfter(record.getTimestamp(), slide);
        if (end - 1 <= currentWatermark) {
            if (lateLimit.exceededBy(currentWatermark, record.getTimestamp())) {
                tooLate.inc(); // counted now, a backlog of hours would pile into one slide and fake a burst
                return;
            }
            // Its windows have fired: count it in the oldest slide still open, as if published when it came.
            late.inc();
            end = TrendWindows.endAfter(currentWatermark + 1, slide); // the watermark covers end - 1
        }
        open.computeIfAbsent(end, e -> new SpaceSaving<>(capacity)).offer(record.getValue());
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        currentWatermark = Math.max(currentWatermark, mark.getTimestamp());
        while (!open.isEmpty() && open.firstKey() - 1 <= currentWatermark) {
            Map.Entry<Long, SpaceSaving<String>> done = open.pollFirstEntry();
            long end = done.getKey();
            for (SpaceSaving.HeavyHitter<String> h : done.getValue().top(done.getValue().size())) {
                if (h.guaranteed() > 0) {
                    output.collect(new StreamRecord<>(new SlideTermCount(h.key(), end, h.guaranteed()), end - 1));
                }
            }
        }
        super.processWatermark(mark);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        List<SlideSketch> sketches = new ArrayList<>(open.size());
        open.forEach((end, sketch) -> sketches.add(new SlideSketch(end, sketch)));
        checkpointed.update(sketches);
    }
}
