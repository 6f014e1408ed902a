package dev.yuqing.core.classified;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifiedMarkingDetectorTest {
    private final ClassifiedMarkingDetector detector = new ClassifiedMarkingDetector();

    @ParameterizedTest
    @CsvSource({
            "绝密★, 绝密",
            "机密★10年, 机密",
            "秘密★1年, 秘密",
            "★机密, 机密",
            "机密★启用前, 机密",
            "绝密★启用前, 绝密",
            "秘密 ★ 长期, 秘密",
            "【机密】, 机密",
            "(秘密), 秘密",
            "（秘密）, 秘密",
            "〔绝密★20年〕, 绝密",
            "密级：机密★5年, 机密",
            "秘密★１０年, 秘密",
    })
    void findsMarkingsInRunningText(String marker, String level) {
        String text = "各有关单位：本通知" + marker + "，请妥善保管。";
        List<ClassifiedMarking> found = detector.find(text);
        assertThat(found).containsExactly(new ClassifiedMarking(level, marker, text.indexOf(marker),
                text.indexOf(marker) + marker.length()));
    }

    @Test
    void findsALevelWordAloneOnItsLineOrFirstOnALineBeforeASpace() {
        String text = "机密\n关于做好防汛工作的通知\n各区县人民政府：";
        assertThat(detector.find(text)).containsExactly(new ClassifiedMarking("机密", "机密", 0, 2));
        String indented = "标题\n   绝密 \n正文";
        assertThat(detector.find(indented)).containsExactly(new ClassifiedMarking("绝密", "绝密", 6, 8));
        assertThat(detector.find("秘密　关于调整人事安排的通知")).extracting(ClassifiedMarking::level).containsExactly("秘密");
    }

    @Test
    void theLongestMarkingWinsOverTheLineStartRule() {
        assertThat(detector.find("秘密★1年\n正文"))
                .containsExactly(new ClassifiedMarking("秘密", "秘密★1年", 0, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"内部资料", "内部文件", "注意保密", "不得外传", "内部使用", "严禁外传", "请勿外传"})
    void findsInternalUsePhrases(String phrase) {
        String text = "本材料仅供参考（" + phrase + "）";
        assertThat(detector.find(text)).containsExactly(
                new ClassifiedMarking("内部", phrase, text.indexOf(phrase), text.indexOf(phrase) + phrase.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "秘密花园是一本经典的儿童文学作品。",
            "记者揭开了这个村庄多年的秘密。",
            "他答应替朋友保守秘密。",
            "每个人心里都有一个小秘密。",
            "该员工因泄露商业秘密被起诉。",
            "系统的机密性、完整性和可用性都很重要。",
            "昨晚播出的纪录片《绝密档案》引发热议。",
            "保守国家秘密是公民的义务。",
            "秘密花园\n正文",
            "★秘密花园★开放啦",
            "据一份内部资料显示，该公司去年亏损。",
            "内部文件称，今年将裁员。",
            "机密文件遗失一事仍在调查。",
    })
    void ignoresOrdinaryUseOfTheWords(String text) {
        assertThat(detector.find(text)).isEmpty();
    }

    @Test
    void findsSeveralInOrder() {
        String text = "机密★10年\n关于2023年度工作的通知\n（内部资料，注意保密）\n【秘密】附件";
        assertThat(detector.find(text)).extracting(ClassifiedMarking::marker)
                .containsExactly("机密★10年", "内部资料", "注意保密", "【秘密】");
    }

    @Test
    void aMarkingsSpanMustFitItsText() {
        assertThatThrownBy(() -> new ClassifiedMarking("机密", "机密★", 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClassifiedMarking("保密", "保密", 0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
