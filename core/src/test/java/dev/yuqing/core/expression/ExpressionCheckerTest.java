package dev.yuqing.core.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionCheckerTest {
    private final ExpressionChecker checker = ExpressionChecker.standard();

    @Test
    void findsWrongFormsWithTheirFixAndOffsets() {
        String text = "截止目前，中华人民共合国各地深入学习贯彻党的20大精神，不忘出心。";
        List<ExpressionError> errors = checker.check(text);
        assertThat(errors).extracting(ExpressionError::wrong).containsExactly("截止目前", "中华人民共合国", "党的20大", "不忘出心");
        assertThat(errors).extracting(ExpressionError::right).containsExactly("截至目前", "中华人民共和国", "党的二十大", "不忘初心");
        ExpressionError name = errors.get(1);
        assertThat(name.kind()).isEqualTo("name");
        assertThat(text.substring(name.start(), name.end())).isEqualTo("中华人民共合国");
    }

    @Test
    void correctTextPasses() {
        assertThat(checker.check("截至目前，中华人民共和国各地深入学习贯彻党的二十大精神，不忘初心、牢记使命。台湾地区领导人……")).isEmpty();
    }

    @Test
    void refusesATableWhoseWrongFormHidesInItsRightForm() {
        assertThatThrownBy(() -> new ExpressionChecker(List.of("主义\t社会主义\tterm")))
                .hasMessageContaining("occurs in its right form");
        assertThatThrownBy(() -> new ExpressionChecker(List.of("only-two\tcolumns")))
                .hasMessageContaining("line 1");
    }
}
