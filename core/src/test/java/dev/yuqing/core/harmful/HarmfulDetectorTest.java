package dev.yuqing.core.harmful;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.HanLP;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HarmfulDetectorTest {
    private static HarmfulDetector detector;

    @BeforeAll
    static void load() {
        detector = HarmfulDetector.standard();
    }

    /** Phrases of every category, each hidden in a sentence. */
    static final Map<String, HarmfulCategory> PHRASES = Map.ofEntries(
            Map.entry("刷单返利", HarmfulCategory.FRAUD),
            Map.entry("安全账户", HarmfulCategory.FRAUD),
            Map.entry("网络赌博", HarmfulCategory.GAMBLING),
            Map.entry("百家乐", HarmfulCategory.GAMBLING),
            Map.entry("成人网站", HarmfulCategory.PORNOGRAPHY),
            Map.entry("冰毒", HarmfulCategory.DRUGS),
            Map.entry("海洛因", HarmfulCategory.DRUGS),
            Map.entry("出售雷管", HarmfulCategory.WEAPONS),
            Map.entry("炸药配方", HarmfulCategory.WEAPONS),
            Map.entry("傻逼", HarmfulCategory.ABUSE),
            Map.entry("大纪元", HarmfulCategory.TERRORISM),
            // Latin letters and digits, where case and width are disguises too.
            Map.entry("k粉", HarmfulCategory.DRUGS),
            Map.entry("北京赛车pk10", HarmfulCategory.GAMBLING),
            Map.entry("dajiyuan", HarmfulCategory.TERRORISM));

    /** Six disguises people use, and the plain form. */
    static final List<UnaryOperator<String>> DISGUISES = List.of(
            s -> s,
            s -> String.join("*", s.split("")),                  // symbols inserted
            s -> String.join(" ", s.split("")),                  // spaces
            s -> s.chars().mapToObj(c -> c < 128 ? String.valueOf((char) (c + 0xFEE0)) : String.valueOf((char) c)).reduce("", String::concat), // full-width
            HanLP::convertToTraditionalChinese,                   // traditional
            // repeated Chinese characters (repeated Latin letters and digits would change the word: 100 is not 10)
            s -> s.chars().mapToObj(c -> String.valueOf((char) c).repeat(c >= 0x4e00 ? 2 : 1)).reduce("", String::concat),
            s -> String.join("\u200b", s.split("")),             // zero-width
            s -> String.join("😀", s.split("")),                 // emoji
            HarmfulDetectorTest::mixedCase);

    /** dajiyuan -> DaJiYuAn: every other Latin letter upper case, and full-width digits. */
    static String mixedCase(String s) {
        StringBuilder b = new StringBuilder();
        int letters = 0;
        for (char c : s.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                b.append(letters++ % 2 == 0 ? Character.toUpperCase(c) : c);
            } else if (c >= '0' && c <= '9') {
                b.append((char) (c + 0xFEE0));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Test
    void findsEveryPhraseInEveryDisguiseWithOriginalOffsets() {
        List<String> missed = new ArrayList<>();
        PHRASES.forEach((phrase, category) -> {
            for (UnaryOperator<String> d : DISGUISES) {
                String disguised = d.apply(phrase);
                String text = "有人在群里说" + disguised + "，大家注意。";
                HarmfulResult r = detector.detect(text);
                boolean found = r.matches().stream().anyMatch(m -> m.category() == category
                        && text.substring(m.start(), m.end()).equals(m.found())
                        && m.found().contains(disguised.substring(0, Character.charCount(disguised.codePointAt(0)))));
                if (!found) {
                    missed.add(phrase + " as '" + disguised + "'");
                }
            }
        });
        assertThat(missed).isEmpty();
        assertThat(DISGUISES.size() - 1).as("disguises besides the plain form").isGreaterThanOrEqualTo(6);
    }

    @Test
    void mixedCaseLatinTermsAreFound() {
        HarmfulResult r = detector.detect("访问 DaJiYuan 了解");
        assertThat(r.matches()).anyMatch(m -> m.category() == HarmfulCategory.TERRORISM && m.found().equals("DaJiYuan"));
    }

    @Test
    void flagsWithSeverityAndEvidence() {
        HarmfulResult r = detector.detect("招兼职，日结刷单，刷单返利，详情加群");
        assertThat(r.flagged()).isTrue();
        assertThat(r.severity()).isEqualTo(HarmfulCategory.Severity.HIGH);
        assertThat(r.verdicts()).anySatisfy(v -> {
            assertThat(v.category()).isEqualTo(HarmfulCategory.FRAUD);
            assertThat(v.terms()).contains("刷单返利", "日结刷单");
            assertThat(v.score()).isGreaterThanOrEqualTo(2.0);
        });
    }

    @Test
    void officialCampaignsAgainstAHarmDoNotCount() {
        assertThat(detector.detect("我市开展禁毒宣传活动，倡导市民珍爱生命远离毒品。").flagged()).isFalse();
        assertThat(detector.detect("公安局提醒：谨防刷单返利，刷单是诈骗。").flagged()).isFalse();
        assertThat(detector.detect("刷单返利，日赚三百").flagged()).isTrue(); // the same term outside the warning
        assertThat(detector.detect("严厉打击网络赌博犯罪，举报电话12345。").flagged()).isFalse();
    }

    @Test
    void wordsMustBeWholeWordsAndNotSpanClauses() {
        assertThat(detector.detect("这个USB接口很好用").matches()).isEmpty();
        assertThat(detector.detect("房间很干净，精子是生物课的内容").flagged()).isFalse(); // a weak term alone
        assertThat(detector.detect("充电插口不好插，我一向给好评").matches()).isEmpty();
    }

    @Test
    void cleanGovernmentPostsAreNotFlagged() {
        for (String text : List.of(
                "南湖区供水管网改造完成，明日起恢复正常供水。",
                "市交通运输局新开通三条公交线路，方便市民出行。",
                "关于做好冬季供暖保障工作的通知：各区人民政府，市政府各部门……",
                "您好！您反映的光明路路灯问题已收悉，相关单位已完成维修。",
                // A job fair: 全职, 有意者 and 技师 are ad words in the shared list, everyday words here.
                "本次招聘会提供电工、数控车工、技师等全职岗位96个，有意者可现场咨询。")) {
            assertThat(detector.detect(text).flagged()).as(text).isFalse();
        }
    }

    @Test
    void readsEditedLexiconsFromADirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("gambling.txt"), "# test\n斗地主赢钱\t0.5\n线上牌局\t0.5\n");
        java.nio.file.Files.writeString(dir.resolve("evidence.properties"), "gambling=1.0\n");
        HarmfulDetector custom = new HarmfulDetector(Lexicon.fromDirectory(dir));
        assertThat(custom.termCount()).isEqualTo(2);
        assertThat(custom.detect("斗地主赢钱").flagged()).isFalse();
        assertThat(custom.detect("线上牌局，斗地主赢钱").flagged()).isTrue();
    }
}
