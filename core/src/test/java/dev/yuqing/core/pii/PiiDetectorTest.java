package dev.yuqing.core.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiDetectorTest {
    static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
    private final PiiDetector detector = new PiiDetector(NOV_2026);

    private PiiMatch only(String text) {
        List<PiiMatch> found = detector.find(text);
        assertThat(found).as("matches in '%s'", text).hasSize(1);
        return found.get(0);
    }

    private void assertSpan(String text, String value, PiiType type) {
        PiiMatch m = only(text);
        assertThat(m.type()).isEqualTo(type);
        assertThat(text.substring(m.start(), m.end())).isEqualTo(value);
    }

    // --- identity cards

    @Test
    void findsAnIdCardWithItsCheckDigitAndMasksAllButThreeAndFour() {
        String text = "举报人身份证号11010519491231002X，请核实。";
        PiiMatch m = only(text);
        assertThat(m.type()).isEqualTo(PiiType.ID_CARD);
        assertThat(m.start()).isEqualTo(text.indexOf('1'));
        assertThat(m.end()).isEqualTo(text.indexOf('，'));
        assertThat(m.masked()).isEqualTo("110***********002X");
    }

    @Test
    void acceptsALowerCaseCheckLetterAndTheOldFifteenDigitForm() {
        assertSpan("证件 11010519491231002x 已登记", "11010519491231002x", PiiType.ID_CARD);
        PiiMatch old = only("旧身份证110105491231002号码");
        assertThat(old.type()).isEqualTo(PiiType.ID_CARD);
        assertThat(old.masked()).isEqualTo("110********1002");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "110105194912310021", // wrong check digit
            "001234199003071231", // no such province (check digit right)
            "110105202612310025", // born after "today" (27 Nov 2026), check digit right
            "1101051949123100", // 16 digits
            "1101051949123100211", // 19 digits
            "110105189912310023", // born before 1900, check digit right
    })
    void rejectsNumbersThatAreNotIdCards(String number) {
        assertThat(detector.find("编号" + number + "。")).noneMatch(m -> m.type() == PiiType.ID_CARD);
    }

    @Test
    void rejectsAnImpossibleDateEvenWithACorrectCheckDigit() {
        // 1999-02-31 with the check digit computed for these 17 digits
        String id = "44030519990231123" + checkDigit("44030519990231123");
        assertThat(detector.find("身份证" + id)).isEmpty();
        // the same number on a real date is accepted, so the date is what rejects it
        String real = "44030519990228123" + checkDigit("44030519990228123");
        assertThat(detector.find("身份证" + real)).extracting(PiiMatch::type).containsExactly(PiiType.ID_CARD);
    }

    @Test
    void aBirthDateMayBeTodayButNotTomorrow() {
        String today = "11010520261127001" + checkDigit("11010520261127001");
        String tomorrow = "11010520261128001" + checkDigit("11010520261128001");
        assertThat(detector.find("身份证" + today)).extracting(PiiMatch::type).containsExactly(PiiType.ID_CARD);
        assertThat(detector.find("身份证" + tomorrow)).isEmpty();
    }

    @Test
    void rejectsAFifteenDigitNumberWithAnImpossibleDate() {
        assertThat(detector.find("旧证110105491331002")).isEmpty();
    }

    @Test
    void anIdCardIsPreferredToTheCardNumberItAlsoLooksLike() {
        // 62... region code and Luhn: both an ID card and a UnionPay number in shape.
        String id = findIdThatPassesLuhn();
        assertThat(PiiDetector.luhn(id)).isTrue();
        assertThat(detector.find("号码" + id)).extracting(PiiMatch::type).containsExactly(PiiType.ID_CARD);
    }

    // --- mobiles

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "138 1234 5678", "138-1234-5678", "+8613812345678", "+86 138 1234 5678",
            "0086-13812345678", "8613812345678"})
    void findsMobileNumbersInTheirUsualShapes(String phone) {
        assertSpan("联系电话：" + phone + "，张先生", phone, PiiType.MOBILE);
    }

    @Test
    void masksTheNationalNumberOfAMobileAndKeepsSeparators() {
        assertThat(only("电话13812345678").masked()).isEqualTo("138****5678");
        assertThat(only("电话+86 138-1234-5678").masked()).isEqualTo("+86 138-****-5678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"138123456789", "1381234567", "12812345678", "10012345678", "13812345678901",
            "3.13812345678", "ab13812345678"})
    void rejectsMobileLookalikes(String number) {
        assertThat(detector.find("数据" + number + "结束")).isEmpty();
    }

    // --- bank cards

    @ParameterizedTest
    @ValueSource(strings = {"6228480012345671", "6222021234567890128", "6228 4800 1234 5671", "6228-4800-1234-5671",
            "4367 4212 3456 7890 4", "5212345678901234"})
    void findsCardNumbersThatPassLuhn(String card) {
        assertSpan("工资卡号 " + card + " 已冻结", card, PiiType.BANK_CARD);
    }

    @Test
    void masksACardToItsLastFourDigits() {
        assertThat(only("卡号6228480012345671").masked()).isEqualTo("************5671");
        assertThat(only("卡号6228 4800 1234 5671").masked()).isEqualTo("**** **** **** 5671");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6228480012345672", "1228480012345674", "7228480012345677", "6228 4800 1234 567",
            "6228 4800-1234 5671"})
    void rejectsCardsFailingLuhnPrefixOrGrouping(String card) {
        assertThat(detector.find("卡号 " + card + " 已冻结")).isEmpty();
    }

    @Test
    void anOrderNumberIsNotACardEvenWhenItPassesLuhn() {
        assertThat(detector.find("订单号：6228480012345671")).isEmpty();
        // a card word nearer to the number than the order word wins
        assertThat(detector.find("订单退款至银行卡6228480012345671")).extracting(PiiMatch::type)
                .containsExactly(PiiType.BANK_CARD);
    }

    @Test
    void aMistypedIdNumberIsNotTakenForACard() {
        // Shaped like an ID (Guangdong, born 1999-02-28) but with a wrong check digit; it passes Luhn
        // and starts with 4 as Visa cards do.
        String body = "44030519990228125";
        String number = body + DetectorQualityTest.luhnDigit(body);
        assertThat(number.charAt(17)).isNotEqualTo(checkDigit(body));
        assertThat(PiiDetector.luhn(number)).isTrue();
        assertThat(detector.find("号码" + number)).isEmpty();
        // the same digits after a date-less prefix are a card
        String card = "4403051999" + "9931123";
        card = card + DetectorQualityTest.luhnDigit(card);
        assertThat(detector.find("号码" + card)).extracting(PiiMatch::type).containsExactly(PiiType.BANK_CARD);
    }

    @Test
    void aNumberAfterAnIdWordIsNotACard() {
        String number = "99883619900101532" + DetectorQualityTest.luhnDigit("99883619900101532");
        assertThat(detector.find("当事人身份证号" + number)).isEmpty();
        assertThat(detector.find("当事人银行卡号" + number)).extracting(PiiMatch::type).containsExactly(PiiType.BANK_CARD);
    }

    // --- e-mail

    @Test
    void findsEmailAddressesAndMasksTheLocalPart() {
        String text = "请将材料发送至zhang.san_01@example.com.cn。";
        PiiMatch m = only(text);
        assertThat(m.type()).isEqualTo(PiiType.EMAIL);
        assertThat(text.substring(m.start(), m.end())).isEqualTo("zhang.san_01@example.com.cn");
        assertThat(m.masked()).isEqualTo("z***@example.com.cn");
    }

    @Test
    void anEmailWithAPhoneNumberAsItsLocalPartIsOneEmail() {
        assertSpan("邮箱13812345678@163.com", "13812345678@163.com", PiiType.EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin@localhost", "@人民日报", "a@b.c", "zhang@163", "a..b@example.com", "ab.@example.com",
            "name@example.c0m"})
    void rejectsAddressLookalikes(String s) {
        assertThat(detector.find("联系 " + s + " 谢谢")).isEmpty();
    }

    // --- landlines

    @Test
    void findsLandlinesWithHyphenOrParenthesesAndKeepsTheAreaCode() {
        assertThat(only("电话010-12345678").masked()).isEqualTo("010-******78");
        assertThat(only("电话(0731)8888888").masked()).isEqualTo("(0731)*****88");
        assertSpan("电话0755-1234567转人工", "0755-1234567", PiiType.LANDLINE);
        assertSpan("电话（020）87654321", "（020）87654321", PiiType.LANDLINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-11-25", "010-1234", "0755-123456789", "0123-4567890", "075-12345678",
            "010-01234567", "1010-12345678"})
    void rejectsLandlineLookalikes(String s) {
        assertThat(detector.find("时间 " + s + " 记录")).isEmpty();
    }

    // --- passports

    @Test
    void findsAPassportOnlyNearAPassportWord() {
        PiiMatch m = only("其护照号码为E12345678，已出境");
        assertThat(m.type()).isEqualTo(PiiType.PASSPORT);
        assertThat(m.masked()).isEqualTo("E******78");
        assertThat(only("Passport No. EA1234567").masked()).isEqualTo("E******67");
        assertThat(only("G87654321（护照）").type()).isEqualTo(PiiType.PASSPORT);
        assertThat(detector.find("设备型号E12345678，已出货")).isEmpty();
        assertThat(detector.find("其护照号码为EI1234567")).isEmpty();
        assertThat(detector.find("其护照号码为E1234567")).isEmpty();
    }

    // --- several, offsets, full width, masking

    @Test
    void findsSeveralInOrderWithOffsetsIntoTheOriginal() {
        String text = "张三，身份证１１０１０５１９４９１２３１００２Ｘ，手机１３８ １２３４ ５６７８，邮箱ｚｓ＠example.com";
        List<PiiMatch> found = detector.find(text);
        assertThat(found).extracting(PiiMatch::type)
                .containsExactly(PiiType.ID_CARD, PiiType.MOBILE, PiiType.EMAIL);
        assertThat(text.substring(found.get(0).start(), found.get(0).end())).isEqualTo("１１０１０５１９４９１２３１００２Ｘ");
        assertThat(text.substring(found.get(1).start(), found.get(1).end())).isEqualTo("１３８ １２３４ ５６７８");
        assertThat(found.get(1).masked()).isEqualTo("１３８ **** ５６７８");
        assertThat(text.substring(found.get(2).start(), found.get(2).end())).isEqualTo("ｚｓ＠example.com");
    }

    @Test
    void maskReplacesEveryMatchAndLeavesNoRawDigitsOfIt() {
        String text = "身份证11010519491231002X，电话13812345678，卡号6228480012345671，座机010-12345678。";
        String masked = detector.mask(text);
        assertThat(masked).isEqualTo("身份证110***********002X，电话138****5678，卡号************5671，座机010-******78。");
        assertThat(masked).doesNotContain("10519491231", "1234", "800123");
        assertThat(detector.find(masked)).isEmpty();
    }

    @Test
    void maskLeavesATextWithoutPersonalDataAlone() {
        String text = "2023年11月25日10:30，价格13800.00元，订单20231125103000。";
        assertThat(detector.mask(text)).isEqualTo(text);
    }

    @Test
    void aMatchNeverCarriesTheRawValue() {
        String text = "身份证11010519491231002X 电话13812345678 卡6228480012345671 护照E12345678 座机(0731)8888888";
        for (PiiMatch m : detector.find(text)) {
            assertThat(m.masked()).isNotEqualTo(text.substring(m.start(), m.end())).contains("*");
        }
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> detector.find(null)).isInstanceOf(NullPointerException.class);
    }

    static char checkDigit(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** A Gansu (62) ID card number that also passes Luhn; there are many, this finds the first. */
    private static String findIdThatPassesLuhn() {
        for (int seq = 100; seq < 1000; seq++) {
            String first17 = "62010219800101" + seq;
            String id = first17 + checkDigit(first17);
            if (Character.isDigit(id.charAt(17)) && PiiDetector.luhn(id)) {
                return id;
            }
        }
        throw new AssertionError("no Gansu ID number passing Luhn among 900 sequence numbers");
    }
}
