package dev.yuqing.core.offensive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the shipped model, models/offensive.bin, on a few unambiguous sentences. */
class OffensiveClassifierTest {
    private static final OffensiveClassifier CLASSIFIER = OffensiveClassifier.load();

    @Test
    void insultsAreOffensive() {
        for (String text : List.of("你们这些地域黑真是一群傻逼，滚出去", "黑鬼都是垃圾，滚回非洲去")) {
            assertThat(CLASSIFIER.probability(text)).as(text).isGreaterThan(0.5);
        }
    }

    @Test
    void friendlyTextIsNot() {
        for (String text : List.of("今天天气很好，我们一起去公园散步吧", "谢谢你的帮助，祝你工作顺利")) {
            assertThat(CLASSIFIER.probability(text)).as(text).isLessThan(0.5);
        }
    }

    @Test
    void probabilityIsAProbability() {
        for (String text : List.of("", "随便说点什么", "傻逼")) {
            assertThat(CLASSIFIER.probability(text)).isBetween(0.0, 1.0);
        }
    }
}
