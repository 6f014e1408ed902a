package dev.yuqing.jobs.trend;

import dev.yuqing.core.post.EnrichedPost;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Each post once for its account or site and once for its region: see {@link SurgeScope#of}. */
public final class SurgeScopes implements FlatMapFunction<EnrichedPost, ScopedPost> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(EnrichedPost post, Collector<ScopedPost> out) {
        for (SurgeScope s : SurgeScope.of(post)) {
            out.collect(new ScopedPost(s, post));
        }
    }
}
