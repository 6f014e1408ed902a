package dev.yuqing.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainModelsTest {
    @TempDir
    Path dir;

    private static List<TrainModels.Example> examples(int n) {
        return IntStream.range(0, n).mapToObj(i -> new TrainModels.Example("text " + i, i % 2 == 0)).toList();
    }

    @Test
    void splitIsSeededDisjointAndComplete() {
        List<TrainModels.Example> all = examples(100);
        TrainModels.Split a = TrainModels.split(all, new Random(1));
        TrainModels.Split b = TrainModels.split(all, new Random(1));
        assertThat(a).isEqualTo(b);
        assertThat(a.train()).hasSize(80);
        assertThat(a.heldOut()).hasSize(20);
        Set<TrainModels.Example> seen = new HashSet<>(a.train());
        assertThat(a.heldOut()).noneMatch(seen::contains);
        seen.addAll(a.heldOut());
        assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
        assertThat(TrainModels.split(all, new Random(2)).heldOut()).isNotEqualTo(a.heldOut());
    }

    @Test
    void readsWordListsWithBomCrlfHeadersAndWeights() throws IOException {
        Path hownet = dir.resolve("hownet.txt");
        Files.writeString(hownet, "中文正面情感词语\t836\r\n\r\n爱 \r\n好\r\n", StandardCharsets.UTF_8);
        assertThat(TrainModels.readWordList(hownet)).containsExactly("爱", "好");
        Path ntusd = dir.resolve("ntusd.txt");
        Files.writeString(ntusd, "\uFEFF一流\r\n優秀\r\n", StandardCharsets.UTF_8);
        assertThat(TrainModels.readWordList(ntusd)).containsExactly("一流", "优秀");
        Path degree = dir.resolve("degree.txt");
        Files.writeString(degree, "百分之百,2\n倍加,2\n", StandardCharsets.UTF_8);
        assertThat(TrainModels.readWordList(degree)).containsExactly("百分之百", "倍加");
    }

    @Test
    void readsWeiboWithCommasInTheTextAndDropsTagOnlySentiPosts() throws IOException {
        Path weibo = dir.resolve("weibo.txt");
        Files.writeString(weibo, "42,1,好,很好\n43,0,\"差\n", StandardCharsets.UTF_8);
        assertThat(TrainModels.readWeibo2018(weibo)).containsExactly(
                new TrainModels.Example("好,很好", true), new TrainModels.Example("\"差", false));
        Path senti = dir.resolve("senti.tsv");
        Files.writeString(senti, "1\t[哈哈][哈哈]\n0\t下雨了[泪]\n", StandardCharsets.UTF_8);
        assertThat(TrainModels.readSenti100k(senti)).containsExactly(new TrainModels.Example("下雨了[泪]", false));
    }

    @Test
    void readsLabelledCsvColumnsAndRejectsBadLabels() throws IOException {
        Path cold = dir.resolve("cold.csv");
        Files.writeString(cold, "\uFEFF,split,topic,label,TEXT\n1,train,race,1,\"说了,很多\"\n2,train,region,0,你好\n", StandardCharsets.UTF_8);
        assertThat(TrainModels.readLabelled(cold, 3, 4)).containsExactly(
                new TrainModels.Example("说了,很多", true), new TrainModels.Example("你好", false));
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "label,review\n2,坏标签\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TrainModels.readLabelled(bad, 0, 1)).isInstanceOf(IOException.class).hasMessageContaining("label");
    }
}
