package dev.yuqing.jobs.inspection;

import dev.yuqing.core.analysis.PostAnalyzer;
import dev.yuqing.core.inspection.MonitoredTarget;
import dev.yuqing.core.inspection.Registry;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.SourceType;
import java.time.Instant;

/** Posts for the inspection tests, analysed by the real analyser; targets from the demo registry. */
final class InspectionPosts {
    static final Registry REGISTRY = Registry.demo();
    static final String ACCOUNT = "weibo:南湖区发布";
    static final String BOARD = "site:www.demo.yuqing.invalid/zmhd";
    static final String NOTICES = "site:www.demo.yuqing.invalid/tzgg";
    private static final PostAnalyzer ANALYZER = PostAnalyzer.standard();

    private InspectionPosts() {}

    static MonitoredTarget target(String id) {
        return REGISTRY.get(id).orElseThrow();
    }

    static EnrichedPost post(String id, SourceType source, String account, String title, String text, Instant at, String replyTo, String thread) {
        Post p = new Post(id, source, account, null, "https://demo.yuqing.invalid/" + id, title, text, at, null, "南湖区", replyTo, thread, null);
        return new EnrichedPost(p, ANALYZER.analyze(p), at);
    }

    /** A publication of the account. */
    static EnrichedPost weibo(String id, Instant at, String text) {
        return post(id, SourceType.WEIBO, ACCOUNT, null, text, at, null, null);
    }
}
