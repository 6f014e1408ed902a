package dev.yuqing.core.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.analysis.PostAnalysis;
import dev.yuqing.core.classified.ClassifiedMarking;
import dev.yuqing.core.expression.ExpressionError;
import dev.yuqing.core.harmful.HarmfulCategory;
import dev.yuqing.core.harmful.HarmfulMatch;
import dev.yuqing.core.harmful.HarmfulResult;
import dev.yuqing.core.harmful.HarmfulVerdict;
import dev.yuqing.core.pii.PiiMatch;
import dev.yuqing.core.pii.PiiType;
import dev.yuqing.core.sentiment.Sentiment;
import dev.yuqing.core.text.TextFeatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrichedPostJsonTest {
    @Test
    void readsBackWhatItWrites() throws IOException {
        Post post = new Post("weibo:1", SourceType.WEIBO, "weibo:acc", "作者", "https://weibo.example/1", "标题", "小区停水三天",
                Instant.parse("2026-11-20T01:02:03Z"), null, "南湖区", null, null, new Engagement(1, 2, 3, 4));
        PostAnalysis a = new PostAnalysis(
                new TextFeatures(List.of("停水"), List.of("小区", "停水"), List.of(), List.of("南湖区"), List.of(), 6),
                Sentiment.ofScore(-0.7), 0.1,
                new HarmfulResult(List.of(new HarmfulVerdict(HarmfulCategory.FRAUD, HarmfulCategory.Severity.HIGH, 2.0, List.of("刷单"))),
                        List.of(new HarmfulMatch(HarmfulCategory.FRAUD, "刷单", "刷单", 0, 2, 2.0))),
                List.of(new PiiMatch(PiiType.MOBILE, 3, 14, "138****0000")),
                List.of(new ClassifiedMarking("内部", "内部资料", 0, 4)),
                List.of(new ExpressionError("按装", "安装", "typo", 1, 3)), "标题", "小区停水三天");
        EnrichedPost original = new EnrichedPost(post, a, Instant.parse("2026-11-20T01:02:04Z"));
        assertThat(EnrichedPost.fromJson(original.toJson())).isEqualTo(original);
    }

    @Test
    void refusesARecordWithoutItsParts() {
        assertThatThrownBy(() -> EnrichedPost.fromJson("{}".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> EnrichedPost.fromJson("[".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }
}
