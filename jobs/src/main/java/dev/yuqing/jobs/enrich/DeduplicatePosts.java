package dev.yuqing.jobs.enrich;

import dev.yuqing.core.post.Post;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Lets the first post with a given id through and drops the repeats that re-fetches and replays
 * bring. Keyed by the posts.raw partition ({@link dev.yuqing.jobs.kafka.PartitionKeys}), not by
 * post id: each partition then passes through one subtask, in its order, and reaches the partition
 * of posts.enriched with the same number (both are keyed by post id), so downstream event time sees
 * the posts in the order the connectors wrote them. Keyed by id, a backlog or a replay came out of
 * order by up to the posts of a network buffer (hours of a sparse feed), and the trend job counted
 * the late ones in later windows. The connectors key posts by id, so repeats of a post share its
 * partition. An id is remembered for {@code ttl} after it was last seen, which keeps state bounded.
 * (Elasticsearch's document id is the post id too, so a repeat after the TTL overwrites rather than
 * duplicates; so does one after a rescale, which moves the ids remembered under other keys.)
 */
public final class DeduplicatePosts extends KeyedProcessFunction<Integer, ParsedPost, Post> {
    private static final long serialVersionUID = 1L;

    private final Duration ttl;
    private transient MapState<String, Boolean> seen;
    private transient Counter duplicates;

    public DeduplicatePosts(Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("de-duplication TTL must be positive, was " + ttl);
        }
        this.ttl = ttl;
    }

    @Override
    public void open(OpenContext openContext) {
        MapStateDescriptor<String, Boolean> descriptor = new MapStateDescriptor<>("seenIds", Types.STRING, Types.BOOLEAN);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        seen = getRuntimeContext().getMapState(descriptor);
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicatePosts");
    }

    @Override
    public void processElement(ParsedPost parsed, Context ctx, Collector<Post> out) throws Exception {
        String id = parsed.post().id();
        if (seen.contains(id)) {
            duplicates.inc();
            return;
        }
        seen.put(id, Boolean.TRUE);
        out.collect(parsed.post());
    }
}
