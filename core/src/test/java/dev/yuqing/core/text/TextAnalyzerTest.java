package dev.yuqing.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {
    private final TextAnalyzer analyzer = new TextAnalyzer(5);

    @Test
    void findsKeywordsTermsAndPlaces() {
        TextFeatures f = analyzer.analyze("停水通知", "因供水管道抢修，北京市朝阳区部分小区今天停水，自来水公司正在抢修供水管道。");
        assertThat(f.keywords()).hasSizeBetween(1, 5).contains("供水");
        assertThat(f.terms()).contains("供水", "管道", "停水").doesNotContain("，", "。", "的");
        assertThat(f.places()).anyMatch(p -> p.contains("朝阳"));
        assertThat(f.length()).isEqualTo("停水通知".length() + 1 + "因供水管道抢修，北京市朝阳区部分小区今天停水，自来水公司正在抢修供水管道。".length());
    }

    @Test
    void keywordsAreWordsNotMarkupOrSingleCharacters() {
        TextFeatures f = analyzer.analyze(null, "{%#静下心来听音乐#%} 今天想说，听音乐真的很开心，静下心来听音乐是一种享受。{%#音乐#%}");
        assertThat(f.keywords()).isNotEmpty().allMatch(k -> k.length() >= 2 && k.codePoints().anyMatch(Character::isLetter));
        assertThat(f.keywords()).anyMatch(k -> k.contains("音乐"));
    }

    /** A water-outage complaint written the way people write: everyday words around the facts. */
    static final String COMPLAINT = "市民反映，海淀区中关村大街附近小区昨天起停水，今天还是没水，真的觉得很无奈。自来水管道破裂，至今未恢复供水。";

    @Test
    void commonWordsAreNotKeywordsButStayTerms() {
        TextFeatures f = new TextAnalyzer(8).analyze(null, COMPLAINT);
        assertThat(f.keywords()).doesNotContain("真的", "今天", "觉得", "昨天", "附近");
        assertThat(f.terms()).contains("真的", "今天", "觉得"); // terms feed SimHash: unchanged
    }

    @Test
    void theHappeningItsPlaceAndTheUtilityRemainKeywords() {
        TextFeatures f = new TextAnalyzer(8).analyze(null, COMPLAINT);
        assertThat(f.keywords()).contains("停水", "海淀区", "自来水");
        // Without the list the everyday words took those places: the district and the outage were not keywords.
        TextFeatures unfiltered = new TextAnalyzer(8, new CommonWords(List.of("-"))).analyze(null, COMPLAINT);
        assertThat(unfiltered.keywords()).contains("觉得").doesNotContain("海淀区", "停水");
    }

    @Test
    void keepsTheKeywordCountWhenCommonWordsAreDropped() {
        TextAnalyzer analyzer = new TextAnalyzer(8);
        assertThat(analyzer.analyze(null, COMPLAINT).keywords()).hasSize(8).doesNotHaveDuplicates();
        // A post of nothing but everyday words has fewer keywords, not common ones.
        assertThat(analyzer.analyze(null, "今天真的好开心，和朋友一起去看电影，希望明天也这么快乐，感觉生活真美好").keywords())
                .hasSizeLessThan(8).doesNotContain("今天", "真的", "开心", "朋友", "一起", "希望", "快乐", "感觉", "生活");
    }

    @Test
    void findsPersonsAndOrganizations() {
        TextFeatures f = analyzer.analyze(null, "市长张建国今天到市水务局调研供水保障工作。");
        assertThat(f.persons()).contains("张建国");
        assertThat(f.organizations()).anyMatch(o -> o.contains("水务局"));
    }

    @Test
    void listsAreMutableCopiesForFlink() {
        TextFeatures f = analyzer.analyze(null, "供水");
        f.terms().add("x"); // Flink's Kryo fallback copies lists by adding to them
        assertThat(f.terms()).contains("x");
    }

    @Test
    void refusesANonPositiveKeywordCount() {
        assertThatThrownBy(() -> new TextAnalyzer(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
