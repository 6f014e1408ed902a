package dev.yuqing.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HalfWidthTest {
    @Test
    void foldsFullWidthFormsOneForOne() {
        String text = "电话：（０１０）１２３４５６７８　ｚｓ＠ＱＱ．ｃｏｍ";
        String folded = HalfWidth.fold(text);
        assertThat(folded).isEqualTo("电话:(010)12345678 zs@QQ.com");
        assertThat(folded).hasSameSizeAs(text);
    }

    @Test
    void leavesOtherTextUnchanged() {
        String text = "秘密★10年、【机密】。"; // 、 and 。 have no ASCII form
        assertThat(HalfWidth.fold(text)).isSameAs(text);
    }
}
