package dev.yuqing.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SocialTextCleanerTest {
    @Test
    void stripsEmoticonTagsSoTheyCannotLeakLabels() {
        assertThat(SocialTextCleaner.normalize("今天好开心[哈哈][爱你]")).isEqualTo("今天好开心");
        assertThat(SocialTextCleaner.normalize("[泪][泪]")).isEmpty();
    }

    @Test
    void keepsBracketedTextThatIsNotAnEmoticonTag() {
        // Not removed because of the space; HanLP's CharTable then maps the brackets to 《》.
        assertThat(SocialTextCleaner.normalize("见[附件 一]")).isEqualTo("见《附件 一》");
    }

    @Test
    void unwrapsTopicsAndRemovesUrlsAndMentions() {
        assertThat(SocialTextCleaner.normalize("{%#静下心来听音乐#%}真好 http://t.cn/abc123 //@小明: 同意"))
                .isEqualTo("#静下心来听音乐# 真好 // : 同意");
    }

    @Test
    void mapsFullWidthTraditionalAndUpperCase() {
        assertThat(SocialTextCleaner.normalize("ＡＢＣ臺灣，好！")).isEqualTo("abc台湾,好!");
    }

    @Test
    void shortensLongRunsAndCollapsesSpace() {
        assertThat(SocialTextCleaner.normalize("  哈哈哈哈哈哈   好 \n 的  ")).isEqualTo("哈哈哈 好 的");
        assertThat(SocialTextCleaner.normalize("哈哈哈")).isEqualTo("哈哈哈");
    }

    @Test
    void removesByteOrderMarksInsideText() {
        assertThat(SocialTextCleaner.normalize("\uFEFF做父母")).isEqualTo("做父母");
    }

    @Test
    void nullAndEmptyBecomeEmpty() {
        assertThat(SocialTextCleaner.normalize(null)).isEmpty();
        assertThat(SocialTextCleaner.normalize("")).isEmpty();
    }
}
