package dev.yuqing.jobs.enrich;

import dev.yuqing.core.post.Post;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Lets the first post with a given id through and drops the repeats that re-fetches and replays
 * bring. Keyed by the posts.raw partition and a bucket of the id ({@link dev.yuqing.jobs.kafka.PartitionKeys}),
 * not by post id: each partition then passes through one subtask, in its order, and reaches the partition
 * of posts.enriched with the same number (both are keyed by post id), so downstream event time sees
 * the posts in the order the connectors wrote them. Keyed by id, a backlog or a replay came out of
 * order by up to the posts of a network buffer (hours of a sparse feed), and the trend job counted
 * the late ones in later windows. The connectors key posts by id, so repeats of a post share its
 * partition. An id is remembered for {@code ttl} after it was last seen; a timer prunes the ids not
 * seen for that long, which keeps state bounded. (Not Flink's state TTL: on the heap backend its
 * cleanup filters a key's whole map of ids at every access.) Elasticsearch's document id is
 * the post id too, so a repeat after the TTL overwrites rather than duplicates; so does one after a
 * rescale, which moves the ids remembered under other keys.
 */
public final class DeduplicatePosts extends KeyedProcessFunction<Integer, ParsedPost, Post> {
    private static final long serialVersionUID = 1L;
    /** Forgotten ids are pruned this many times per TTL: state holds at most 1 + 1/8 TTL of ids. */
    private static final int PRUNES_PER_TTL = 8;

    private final long ttl;
    /** Post id to when it was last seen (processing time). */
    private transient MapState<String, Long> lastSeen;
    /** When the next pruning is due, while there are ids. */
    private transient ValueState<Long> pruneAt;
    private transient Counter duplicates;

    public DeduplicatePosts(Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("de-duplication TTL must be positive, was " + ttl);
        }
        this.ttl = ttl.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        lastSeen = getRuntimeContext().getMapState(new MapStateDescriptor<>("lastSeen", Types.STRING, Types.LONG));
        pruneAt = getRuntimeContext().getState(new ValueStateDescriptor<>("pruneAt", Types.LONG));
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicatePosts");
    }

    @Override
    public void processElement(ParsedPost parsed, Context ctx, Collector<Post> out) throws Exception {
        String id = parsed.post().id();
        long now = ctx.timerService().currentProcessingTime();
        Long seen = lastSeen.get(id);
        lastSeen.put(id, now);
        if (pruneAt.value() == null) {
            schedulePruning(now, ctx.timerService());
        }
        if (seen != null && now - seen < ttl) {
            duplicates.inc();
            return;
        }
        out.collect(parsed.post());
    }

    /** Drops the ids not seen for a TTL; again later while any are left. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Post> out) throws Exception {
        // From now, not from when the timer was due: after a restore following downtime, one pass, not one per missed period.
        long now = ctx.timerService().currentProcessingTime();
        List<String> forgotten = new ArrayList<>();
        boolean left = false;
        for (Map.Entry<String, Long> e : lastSeen.entries()) {
            if (now - e.getValue() >= ttl) {
                forgotten.add(e.getKey());
            } else {
                left = true;
            }
        }
        for (String id : forgotten) {
            lastSeen.remove(id);
        }
        if (left) {
            schedulePruning(now, ctx.timerService());
        } else {
            pruneAt.clear();
        }
    }

    private void schedulePruning(long now, TimerService timers) throws Exception {
        long at = now + Math.max(1, ttl / PRUNES_PER_TTL);
        pruneAt.update(at);
        timers.registerProcessingTimeTimer(at);
    }
}
