package dev.yuqing.jobs.trend;

import dev.yuqing.core.post.EnrichedPost;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * A post's leading keywords, each once: a post counts once for a term however often it repeats
 * it, so one long post cannot make a trend.
 */
public final class PostKeywords implements FlatMapFunction<EnrichedPost, String> {
    private static final long serialVersionUID = 1L;

    private final int perPost;

    public PostKeywords(int perPost) {
        if (perPost < 1) {
            throw new IllegalArgumentException("keywords per post must be at least 1, was " + perPost);
        }
        this.perPost = perPost;
    }

    @Override
    public void flatMap(EnrichedPost post, Collector<String> out) {
        Set<String> seen = new LinkedHashSet<>();
        for (String k : post.analysis().features().keywords()) {
            if (seen.size() >= perPost) {
                break;
            }
            if (k != null && !k.isBlank() && seen.add(k.strip())) {
                out.collect(k.strip());
            }
        }
    }
}
