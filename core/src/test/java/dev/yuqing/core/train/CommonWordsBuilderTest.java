package dev.yuqing.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hankcs.hanlp.seg.common.Term;
import dev.yuqing.core.train.CommonWordsBuilder.DocumentFrequencies;
import dev.yuqing.core.train.CommonWordsBuilder.Genre;
import dev.yuqing.core.train.CommonWordsBuilder.Selection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommonWordsBuilderTest {
    @TempDir
    Path dir;

    /**
     * Ten documents of each kind; {@code counts} says in how many documents of each kind (reviews,
     * Weibo, forum) a word occurs. Every document also has a filler word, so none is empty.
     */
    private static DocumentFrequencies corpus(Map<String, int[]> counts) {
        DocumentFrequencies df = new DocumentFrequencies();
        for (Genre g : Genre.values()) {
            for (int doc = 0; doc < 10; doc++) {
                List<String> words = new ArrayList<>(List.of("电视"));
                for (var e : counts.entrySet()) {
                    if (doc < e.getValue()[g.ordinal()]) {
                        words.add(e.getKey());
                        words.add(e.getKey()); // repeats count once per document
                    }
                }
                df.add(g, CommonWordsBuilder.candidates(String.join("，", words)));
            }
        }
        return df;
    }

    @Test
    void keepsWordsCommonInEveryKindOfTextAboveTheThreshold() {
        DocumentFrequencies df = corpus(Map.of(
                "今天", new int[] {3, 3, 3},     // exactly at the threshold everywhere: common
                "觉得", new int[] {9, 6, 4},     // common
                "房间", new int[] {10, 0, 0},    // a subject of reviews only: not common
                "电影", new int[] {5, 5, 2},     // below the threshold in forum text
                "北京", new int[] {5, 5, 5},     // a place name
                "司机", new int[] {5, 5, 5},     // a person by role
                "停水", new int[] {5, 5, 5}));   // on the keep-list
        Selection s = df.select(0.3, Set.of("停水"));
        assertThat(s.common()).containsExactly("电视", "觉得", "今天"); // most common first
        assertThat(s.names()).containsExactlyInAnyOrder("北京", "司机");
        assertThat(s.kept()).containsExactly("停水");
        assertThat(df.lowestShare("觉得")).isEqualTo(0.4);
        assertThat(df.share(Genre.REVIEWS, "房间")).isEqualTo(1.0);
        assertThat(df.select(0.31, Set.of("停水")).common()).containsExactly("电视", "觉得");
    }

    @Test
    void refusesToSelectWithoutEveryKindOfText() {
        DocumentFrequencies df = new DocumentFrequencies();
        df.add(Genre.REVIEWS, CommonWordsBuilder.candidates("今天"));
        assertThatThrownBy(() -> df.select(0.1, Set.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void candidatesAreTheWordsTextRankCanReturnAsKeywords() {
        List<String> words = CommonWordsBuilder.candidates("[哈哈]今天我们去看了电影，真的好看！#%@小明 http://t.cn/x").stream()
                .map(t -> t.word).toList();
        assertThat(words).contains("今天", "电影", "真的", "好看")
                .doesNotContain("哈哈", "我们", "了", "，", "！", "#%", "小明"); // tags, stop words, punctuation, mentions
    }

    @Test
    void namesComeFromTheSegmentersNatureButNotItsGuessedPersonNames() {
        assertThat(CommonWordsBuilder.isName("北京", "ns")).isTrue();
        assertThat(CommonWordsBuilder.isName("水务局", "nis")).isTrue();
        assertThat(CommonWordsBuilder.isName("司机", "nnt")).isTrue();
        assertThat(CommonWordsBuilder.isName("都有", "nr")).isFalse(); // 都 is a surname, 都有 no name
        assertThat(CommonWordsBuilder.isName("没问题", "nz")).isFalse();
        assertThat(CommonWordsBuilder.isName("觉得", "v")).isFalse();
        List<Term> terms = CommonWordsBuilder.candidates("他在北京");
        assertThat(terms).anyMatch(t -> t.word.equals("北京") && t.nature.toString().startsWith("ns"));
    }

    @Test
    void readsTheKeepListWithCommentsAndAnyCase() throws IOException {
        Path keep = dir.resolve("keep.txt");
        Files.writeString(keep, "\uFEFF# comment\n停水\n\n  WiFi \n", StandardCharsets.UTF_8);
        assertThat(CommonWordsBuilder.readKeepList(keep)).containsExactlyInAnyOrder("停水", "wifi");
    }
}
