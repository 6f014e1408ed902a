package dev.yuqing.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "賭博網站, 赌博网站",
            "ＱＱ號１２３, qq号123",
            "赌*博, 赌博",
            "赌 . 博, 赌博",
            "赌😀博, 赌博",
            "赌\u200b博, 赌博",
            "赌赌赌博博, 赌博",
            "DuBo, dubo",
            "加①②③, 加123",
            "ⓌⒺⒾⓍⒾⓃ, weixin",
    })
    void undoesDisguises(String in, String expected) {
        assertThat(normalizer.normalize(in).text()).isEqualTo(expected);
    }

    @Test
    void mapsBackToOriginalOffsets() {
        String original = "快来 賭*賭*博 吧";
        NormalizedText n = normalizer.normalize(original);
        assertThat(n.text()).isEqualTo("快来赌博吧");
        int s = n.text().indexOf("赌博");
        int start = n.originalStart(s);
        int end = n.originalEnd(s + 2);
        assertThat(original.substring(start, end)).isEqualTo("賭*賭*博");
    }

    @Test
    void surrogatePairsKeepTheirWidth() {
        String original = "𝐀𝐁c";
        NormalizedText n = normalizer.normalize(original);
        assertThat(n.text()).isEqualTo("abc");
        assertThat(original.substring(n.originalStart(0), n.originalEnd(2))).isEqualTo("𝐀𝐁");
    }
}
