package dev.yuqing.jobs.trend;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alert.AlertType;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.sentiment.SentimentLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Keyed by {@link SurgeScope} (an account, a site or a region): tallies posts and negative posts in
 * tumbling windows (one trend window long) and, when the watermark closes a window, compares its
 * negative share with the scope's baseline (an EWMA of earlier windows' shares). A window with at
 * least {@code minPosts} posts whose share lies {@code margin} or more above the baseline raises
 * {@code negative-surge:<scope key>}, e.g. {@code negative-surge:account:<id>} (yellow; orange at
 * twice the margin), one alert per scope that later surges update. A scope with no post for
 * {@code idle} is forgotten. A post for a window already judged counts in the oldest open one, or,
 * more than {@code lateLimit} behind, not at all ({@code postsBeyondLateLimit}).
 */
public final class NegativeSurge extends KeyedProcessFunction<String, ScopedPost, Alert> {
    private static final long serialVersionUID = 1L;
    private static final int EVIDENCE_POSTS = 5;

    /** One window's posts of one scope. */
    public record Tally(SurgeScope scope, long total, long negative, List<String> negativePostIds, String region) {
        public Tally {
            negativePostIds = new ArrayList<>(negativePostIds); // mutable copy for Kryo
        }
    }

    private final Duration window;
    private final double alpha;
    private final double margin;
    private final int minPosts;
    private final Duration idle;
    private final LateLimit lateLimit;
    private transient MapState<Long, Tally> tallies;
    private transient ValueState<Double> baseline;
    private transient ValueState<Long> lastActive;
    private transient Counter tooLate;

    public NegativeSurge(Duration window, double alpha, double margin, int minPosts, Duration idle, Duration lateLimit) {
        if (!(alpha > 0 && alpha <= 1) || !(margin > 0 && margin <= 1) || minPosts < 1) {
            throw new IllegalArgumentException("alpha and margin must be in (0, 1] and minPosts at least 1");
        }
        this.window = window;
        this.alpha = alpha;
        this.margin = margin;
        this.minPosts = minPosts;
        this.idle = idle;
        this.lateLimit = LateLimit.of(lateLimit);
    }

    @Override
    public void open(OpenContext openContext) {
        tallies = getRuntimeContext().getMapState(new MapStateDescriptor<>("tallies", Types.LONG, TypeInformation.of(Tally.class)));
        baseline = getRuntimeContext().getState(new ValueStateDescriptor<>("negativeShareBaseline", Types.DOUBLE));
        lastActive = getRuntimeContext().getState(new ValueStateDescriptor<>("lastActive", Types.LONG));
        tooLate = getRuntimeContext().getMetricGroup().counter("postsBeyondLateLimit");
    }

    @Override
    public void processElement(ScopedPost scoped, Context ctx, Collector<Alert> out) throws Exception {
        EnrichedPost post = scoped.post();
        long ts = post.post().publishedAt().toEpochMilli();
        long size = window.toMillis();
        long end = TrendWindows.endAfter(ts, size);
        long watermark = ctx.timerService().currentWatermark();
        if (end <= watermark) { // its window has been judged: count it in the oldest open one, unless too old for now
            if (lateLimit.exceededBy(watermark, ts)) {
                tooLate.inc();
                return;
            }
            end = TrendWindows.endAfter(watermark, size);
        }
        boolean negative = post.analysis().sentiment() != null && post.analysis().sentiment().label() == SentimentLabel.NEGATIVE;
        Tally t = tallies.get(end);
        if (t == null) {
            t = new Tally(scoped.scope(), 0, 0, List.of(), post.post().region());
        }
        List<String> ids = t.negativePostIds();
        if (negative && ids.size() < EVIDENCE_POSTS) {
            ids.add(post.post().id());
        }
        tallies.put(end, new Tally(t.scope(), t.total() + 1, t.negative() + (negative ? 1 : 0), ids, t.region()));
        ctx.timerService().registerEventTimeTimer(end);
        Long last = lastActive.value();
        if (last == null || end > last) {
            if (last != null) {
                ctx.timerService().deleteEventTimeTimer(last + idle.toMillis());
            }
            lastActive.update(end);
            ctx.timerService().registerEventTimeTimer(end + idle.toMillis());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        Tally t = tallies.get(timestamp);
        if (t != null) {
            tallies.remove(timestamp);
            double share = (double) t.negative() / t.total();
            Double b = baseline.value();
            if (b != null && t.total() >= minPosts && share >= b + margin) {
                SurgeScope scope = t.scope();
                AlertLevel level = share >= b + 2 * margin ? AlertLevel.ORANGE : AlertLevel.YELLOW;
                String account = scope.kind() == SurgeScope.Kind.REGION ? null : scope.id();
                out.collect(new Alert(AlertType.NEGATIVE_SURGE.code() + ":" + scope.key(), AlertType.NEGATIVE_SURGE, level,
                        scope.kind().chinese() + "负面内容激增：" + scope.id(),
                        String.format(Locale.ROOT, "最近%d分钟负面占比%.0f%%（%d/%d），平时%.0f%%", window.toMinutes(), 100 * share,
                                t.negative(), t.total(), 100 * b),
                        new Alert.Evidence(t.negativePostIds(), List.of(), List.of()), t.region(), account,
                        Instant.ofEpochMilli(timestamp - window.toMillis()), Instant.ofEpochMilli(timestamp), t.negative()));
            }
            baseline.update(b == null ? share : b + alpha * (share - b));
        }
        Long last = lastActive.value();
        if (last != null && last + idle.toMillis() <= timestamp) {
            tallies.clear();
            baseline.clear();
            lastActive.clear();
        }
    }
}
