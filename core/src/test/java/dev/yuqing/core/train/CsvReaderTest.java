package dev.yuqing.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    @Test
    void readsPlainAndQuotedFields() {
        assertThat(CsvReader.parse("label,review\n1,\"a, b\"\n0,plain\n"))
                .containsExactly(List.of("label", "review"), List.of("1", "a, b"), List.of("0", "plain"));
    }

    @Test
    void quotedFieldsMayHoldLineBreaksAndDoubledQuotes() {
        assertThat(CsvReader.parse("1,\"line one\r\nline \"\"two\"\"\"\r\n0,x"))
                .containsExactly(List.of("1", "line one\r\nline \"two\""), List.of("0", "x"));
    }

    @Test
    void stripsALeadingBomAndKeepsEmptyFields() {
        assertThat(CsvReader.parse("\uFEFF,split,label\n7,,1\r\n"))
                .containsExactly(List.of("", "split", "label"), List.of("7", "", "1"));
    }

    @Test
    void lastRecordNeedNotEndWithANewline() {
        assertThat(CsvReader.parse("a,b")).containsExactly(List.of("a", "b"));
        assertThat(CsvReader.parse("a,")).containsExactly(List.of("a", ""));
    }

    @Test
    void quoteInsideAnUnquotedFieldIsLiteral() {
        assertThat(CsvReader.parse("1,他说\"好\"\n")).containsExactly(List.of("1", "他说\"好\""));
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertThatThrownBy(() -> CsvReader.parse("1,\"never closed\n2,x")).isInstanceOf(IllegalArgumentException.class);
    }
}
