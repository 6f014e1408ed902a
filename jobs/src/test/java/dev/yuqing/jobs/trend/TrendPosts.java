package dev.yuqing.jobs.trend;

import dev.yuqing.core.analysis.PostAnalysis;
import dev.yuqing.core.harmful.HarmfulResult;
import dev.yuqing.core.post.Engagement;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.SourceType;
import dev.yuqing.core.sentiment.Sentiment;
import dev.yuqing.core.text.TextFeatures;
import java.time.Instant;
import java.util.List;

/** Enriched posts for trend operator tests. */
final class TrendPosts {
    static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    private TrendPosts() {}

    static EnrichedPost post(String id, long atMillis, String text, List<String> keywords, double sentiment) {
        Post p = new Post(id, SourceType.WEIBO, "weibo:" + id, null, null, null, text, Instant.ofEpochMilli(atMillis), null,
                "南湖区", null, null, new Engagement(10, 5, 5, 100));
        PostAnalysis a = new PostAnalysis(new TextFeatures(keywords, List.of(), List.of(), List.of(), List.of(), text.length()),
                Sentiment.ofScore(sentiment), 0, new HarmfulResult(List.of(), List.of()), List.of(), List.of(), List.of(), null, text);
        return new EnrichedPost(p, a, Instant.ofEpochMilli(atMillis));
    }
}
