package dev.yuqing.core.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinearTextClassifierTest {
    private static final FeatureConfig CONFIG = new FeatureConfig(16, 2, 2, Set.of("不"), Set.of("很"), Set.of("好"), Set.of("差"));
    private static final List<String> TEXTS = List.of(
            "质量很好，非常满意", "服务很好，喜欢", "好吃又便宜，满意", "物流快，满意，好评",
            "质量很差，非常失望", "服务差，讨厌", "难吃又贵，失望", "物流慢，失望，差评");
    private static final boolean[] LABELS = {true, true, true, true, false, false, false, false};

    private static LinearTextClassifier trainToy(long seed) {
        FeatureExtractor extractor = new FeatureExtractor(CONFIG);
        List<SparseVector> vectors = TEXTS.stream().map(extractor::vectorize).toList();
        return new LogisticRegressionTrainer(20, 0.5, 0, seed).train("toy", CONFIG, vectors, LABELS);
    }

    @Test
    void learnsTheToyTrainingSet() {
        LinearTextClassifier model = trainToy(7);
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(model.probability(TEXTS.get(i)) >= 0.5).as(TEXTS.get(i)).isEqualTo(LABELS[i]);
        }
        assertThat(model.probability("非常满意")).isGreaterThan(model.probability("非常失望"));
    }

    @Test
    void sameSeedAndDataGiveTheSameModelBytes() {
        assertThat(trainToy(7).toBytes()).isEqualTo(trainToy(7).toBytes());
    }

    @Test
    void saveAndLoadRoundTripGivesTheSamePredictions() throws IOException {
        LinearTextClassifier model = trainToy(7);
        LinearTextClassifier loaded = LinearTextClassifier.read(new ByteArrayInputStream(model.toBytes()));
        assertThat(loaded.name()).isEqualTo("toy");
        assertThat(loaded.extractor().config()).isEqualTo(CONFIG);
        assertThat(loaded.nonZeroWeights()).isEqualTo(model.nonZeroWeights()).isPositive();
        for (String text : List.of("质量很好", "不好", "很差", "完全无关的一句话", "")) {
            assertThat(loaded.probability(text)).as(text).isEqualTo(model.probability(text));
        }
    }

    @Test
    void corruptDataFailsToLoad() {
        byte[] bytes = trainToy(7).toBytes();
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x5A;
        assertThatThrownBy(() -> LinearTextClassifier.read(new ByteArrayInputStream(flipped))).isInstanceOf(IOException.class);
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 20);
        assertThatThrownBy(() -> LinearTextClassifier.read(new ByteArrayInputStream(truncated))).isInstanceOf(IOException.class);
        byte[] notGzip = "not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LinearTextClassifier.read(new ByteArrayInputStream(notGzip))).isInstanceOf(IOException.class);
    }

    @Test
    void missingResourceFailsWithAClearMessage() {
        assertThatThrownBy(() -> LinearTextClassifier.loadResource("models/no-such-model.bin"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("models/no-such-model.bin")
                .hasMessageContaining("TrainModels");
    }

    @Test
    void corruptResourceFailsWithAClearMessage() {
        assertThatThrownBy(() -> LinearTextClassifier.loadResource("models-test/corrupt.bin"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("models-test/corrupt.bin")
                .hasMessageContaining("corrupt")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void rejectsWeightsOfTheWrongSize() {
        assertThatThrownBy(() -> new LinearTextClassifier("x", CONFIG, new float[10], 0f)).isInstanceOf(IllegalArgumentException.class);
    }
}
