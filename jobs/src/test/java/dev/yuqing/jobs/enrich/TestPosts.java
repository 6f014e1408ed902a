package dev.yuqing.jobs.enrich;

import dev.yuqing.core.post.Engagement;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.SourceType;
import java.time.Instant;

/** Posts for operator tests. */
final class TestPosts {
    private TestPosts() {}

    static Post post(String id, String text) {
        return new Post(id, SourceType.WEIBO, "weibo:test", "作者", "https://weibo.example/" + id, null, text,
                Instant.parse("2026-11-20T00:00:00Z"), null, "南湖区", null, null, new Engagement(1, 2, 3, 4));
    }
}
