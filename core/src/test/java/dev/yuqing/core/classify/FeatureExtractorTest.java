package dev.yuqing.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {
    private static FeatureExtractor extractor(int window, Set<String> positive) {
        return new FeatureExtractor(new FeatureConfig(16, 3, window, Set.of("不", "没有"), Set.of("很", "非常"), positive, Set.of("难看")));
    }

    @Test
    void marksWordsInsideTheNegationWindow() {
        List<String> f = extractor(3, Set.of()).features("我不喜欢这部电影");
        assertThat(f).contains("w:喜欢", "NEG_喜欢", "NEG_这部", "NEG_电影").doesNotContain("NEG_我", "NEG_不");
    }

    @Test
    void negationWindowIsLimited() {
        List<String> f = extractor(1, Set.of()).features("我不喜欢这部电影");
        assertThat(f).contains("NEG_喜欢").doesNotContain("NEG_这部", "NEG_电影");
    }

    @Test
    void punctuationEndsTheNegationScope() {
        List<String> f = extractor(3, Set.of()).features("不喜欢，电影");
        assertThat(f).contains("NEG_喜欢").doesNotContain("NEG_电影");
    }

    @Test
    void withoutNegationNothingIsMarked() {
        assertThat(extractor(3, Set.of()).features("我喜欢这部电影")).noneMatch(s -> s.startsWith("NEG_"));
    }

    @Test
    void marksTheWordAfterADegreeAdverb() {
        List<String> f = extractor(3, Set.of()).features("电影非常难看");
        assertThat(f).contains("DEG_难看", "LEX_NEG", "DEG_LEX_NEG");
    }

    @Test
    void lexiconPolarityIsFlippedInsideANegation() {
        FeatureExtractor e = extractor(3, Set.of("喜欢"));
        assertThat(e.features("我喜欢")).contains("LEX_POS").doesNotContain("NEG_LEX_POS");
        assertThat(e.features("我不喜欢")).contains("NEG_LEX_POS").doesNotContain("LEX_POS");
    }

    @Test
    void emitsCharacterNgramsUpToTheConfiguredLength() {
        FeatureExtractor e = new FeatureExtractor(new FeatureConfig(16, 2, 3, Set.of(), Set.of(), Set.of(), Set.of()));
        List<String> chars = e.features("好人").stream().filter(s -> s.startsWith("c:")).toList();
        assertThat(chars).containsExactly("c:好", "c:好人", "c:人");
    }

    @Test
    void ngramsDoNotSpanTheGapLeftByARemovedTag() {
        List<String> f = extractor(3, Set.of()).features("好[哈哈]人");
        assertThat(f).contains("c:好", "c:人").doesNotContain("c:好 人", "c:好人", "c:哈");
    }

    @Test
    void vectorIsNormalisedSortedAndStable() {
        FeatureExtractor e = extractor(3, Set.of());
        SparseVector v = e.vectorize("这家店的菜很好吃，服务也不错");
        double norm = 0;
        for (float x : v.values()) {
            norm += x * x;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        for (int i = 1; i < v.size(); i++) {
            assertThat(v.indices()[i]).isGreaterThan(v.indices()[i - 1]);
        }
        assertThat(java.util.Arrays.stream(v.indices())).allMatch(i -> i >= 0 && i < (1 << 16));
        SparseVector again = e.vectorize("这家店的菜很好吃，服务也不错");
        assertThat(again.indices()).isEqualTo(v.indices());
        assertThat(again.values()).isEqualTo(v.values());
    }

    @Test
    void repeatedFeaturesWeighMoreThanSingleOnes() {
        FeatureExtractor e = new FeatureExtractor(new FeatureConfig(16, 1, 3, Set.of(), Set.of(), Set.of(), Set.of()));
        // "啊啊啊好": c:啊 three times (and the word), c:好 once, so 啊's bucket must get the larger value.
        SparseVector v = e.vectorize("啊啊啊好");
        int a = FeatureExtractor.bucket("c:啊") & 0xFFFF;
        int h = FeatureExtractor.bucket("c:好") & 0xFFFF;
        assertThat(value(v, a)).isGreaterThan(value(v, h));
    }

    @Test
    void emptyTextHasNoFeatures() {
        assertThat(extractor(3, Set.of()).vectorize("[哈哈]").size()).isZero();
        assertThat(extractor(3, Set.of()).features(null)).isEmpty();
    }

    private static float value(SparseVector v, int index) {
        for (int i = 0; i < v.size(); i++) {
            if (v.indices()[i] == index) {
                return v.values()[i];
            }
        }
        throw new AssertionError("bucket " + index + " not in vector");
    }
}
