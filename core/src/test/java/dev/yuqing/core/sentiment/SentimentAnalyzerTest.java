package dev.yuqing.core.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Checks the shipped model, models/sentiment.bin, on a few unambiguous sentences. */
class SentimentAnalyzerTest {
    private static final SentimentAnalyzer ANALYZER = SentimentAnalyzer.load();

    @Test
    void clearlyPositiveTextIsPositive() {
        for (String text : List.of("今天太开心了，和朋友们一起吃饭，真幸福！", "这家店的菜非常好吃，服务也很热情，强烈推荐")) {
            Sentiment s = ANALYZER.analyze(text);
            assertThat(s.label()).as(text).isEqualTo(SentimentLabel.POSITIVE);
            assertThat(s.score()).as(text).isBetween(Sentiment.NEUTRAL_BAND, 1.0);
        }
    }

    @Test
    void clearlyNegativeTextIsNegative() {
        for (String text : List.of("太恶心了，服务态度极差，再也不会来了", "气死我了，又被骗了，真是糟糕透顶")) {
            Sentiment s = ANALYZER.analyze(text);
            assertThat(s.label()).as(text).isEqualTo(SentimentLabel.NEGATIVE);
            assertThat(s.score()).as(text).isBetween(-1.0, -Sentiment.NEUTRAL_BAND);
        }
    }

    @Test
    void negationLowersTheScore() {
        assertThat(ANALYZER.analyze("我不喜欢这个地方").score()).isLessThan(ANALYZER.analyze("我喜欢这个地方").score());
    }

    @Test
    void emoticonTagsDoNotChangeTheScore() {
        assertThat(ANALYZER.analyze("今天下雨了[哈哈][爱你]").score()).isEqualTo(ANALYZER.analyze("今天下雨了").score());
    }

    @Test
    void givesTheSameResultsFromManyThreads() {
        List<String> texts = IntStream.range(0, 200).mapToObj(i -> "第" + i + "次来这家店，" + (i % 2 == 0 ? "很满意" : "很失望")).toList();
        List<Double> sequential = texts.stream().map(t -> ANALYZER.analyze(t).score()).toList();
        List<Double> parallel = texts.parallelStream().map(t -> ANALYZER.analyze(t).score()).toList();
        assertThat(parallel).isEqualTo(sequential);
    }
}
