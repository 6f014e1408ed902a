package dev.yuqing.jobs.enrich;

import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.text.TextAnalyzer;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Segmentation, keywords and names for each post. */
public final class AnalyzePost extends RichMapFunction<Post, EnrichedPost> {
    private static final long serialVersionUID = 1L;

    /** HanLP's segmenter is not serialisable: made per instance on open. */
    private transient TextAnalyzer analyzer;

    @Override
    public void open(OpenContext openContext) {
        analyzer = new TextAnalyzer();
    }

    @Override
    public EnrichedPost map(Post post) {
        return new EnrichedPost(post, analyzer.analyze(post.title(), post.text()), Instant.now());
    }
}
