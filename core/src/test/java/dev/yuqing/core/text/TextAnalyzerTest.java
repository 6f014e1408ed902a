package dev.yuqing.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
