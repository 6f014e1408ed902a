package dev.yuqing.jobs.enrich;

import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.analysis.PostAnalyzer;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** The whole analysis chain (segmentation, keywords, names, harmful content...) for each post. */
public final class AnalyzePost extends RichMapFunction<Post, EnrichedPost> {
    private static final long serialVersionUID = 1L;

    /** HanLP's segmenter and the lexicon tries are not serialisable: made per instance on open. */
    private transient PostAnalyzer analyzer;

    @Override
    public void open(OpenContext openContext) {
        analyzer = PostAnalyzer.standard();
    }

    @Override
    public EnrichedPost map(Post post) {
        return new EnrichedPost(post, analyzer.analyze(post), Instant.now());
    }
}
