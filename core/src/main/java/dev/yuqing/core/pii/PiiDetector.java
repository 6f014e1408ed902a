package dev.yuqing.core.pii;

import dev.yuqing.core.post.PostTimes;
import dev.yuqing.core.text.HalfWidth;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in Chinese text: identity cards, mobile and fixed-line numbers, payment cards,
 * e-mail addresses and passport numbers. Candidates come from patterns and are then validated (check
 * digits, dates, region and card prefixes, context words) because bare digit patterns hit order
 * numbers, timestamps and prices far more often than personal data.
 *
 * <p>Full-width characters are folded before matching; offsets refer to the original string.
 * Immutable and safe to share between threads.
 */
public final class PiiDetector {
    // A number must not continue a longer run: no ASCII letter or digit next to it, nor a digit
    // joined by '-' or '.' (so 2023-0731-1234567 or 3.13812345678 are not read as phone numbers).
    private static final String BEFORE = "(?<![0-9A-Za-z])(?<![0-9][-.])";
    private static final String AFTER = "(?![0-9A-Za-z])(?![-.][0-9])";

    private static final Pattern ID_CARD = Pattern.compile(BEFORE + "([0-9]{17}[0-9Xx]|[0-9]{15})" + AFTER);
    private static final Pattern MOBILE = Pattern.compile(
            BEFORE + "((?:\\+86|0086|86)[ -]?)?(1[3-9][0-9](?:[ -]?[0-9]{4}){2})" + AFTER);
    private static final Pattern BANK_CARD = Pattern.compile(
            BEFORE + "([0-9]{16,19}|[0-9]{4}([ -])[0-9]{4}\\2[0-9]{4}\\2[0-9]{4}(?:\\2[0-9]{1,3})?)" + AFTER);
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])([A-Za-z0-9][A-Za-z0-9._%+-]{0,63})@"
                    + "((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24})"
                    + "(?![A-Za-z0-9-])(?!\\.[A-Za-z0-9])");
    private static final Pattern LANDLINE = Pattern.compile(
            BEFORE + "(?:(0[0-9]{2,3})-|\\((0[0-9]{2,3})\\) ?)([0-9]{7,8})" + AFTER);
    // Letters I and O are not used after E, to avoid confusion with 1 and 0.
    private static final Pattern PASSPORT = Pattern.compile(
            "(?<![0-9A-Za-z])([EG][0-9]{8}|E[A-HJ-NP-Z][0-9]{7})(?![0-9A-Za-z])");

    private static final List<Integer> ID_WEIGHTS = List.of(7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2);
    private static final String ID_CHECK_CHARS = "10X98765432";
    // GB/T 2260 province codes, plus 81/82/83 used by Hong Kong, Macao and Taiwan residence permits.
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");
    private static final int EARLIEST_BIRTH_YEAR = 1900;

    // Issuer prefixes accepted: UnionPay 62, Discover/UnionPay 60 and 65, Visa 4, Mastercard 51-55,
    // JCB 35 and old domestic debit cards starting 9 (e.g. 9558, 95599). Others (Amex's 15 digits,
    // Mastercard 2-series) are left out: Chinese text rarely carries them and they widen false hits.
    private static final Pattern CARD_PREFIX = Pattern.compile("^(?:62|60|65|4|5[1-5]|35|9)");
    private static final int CARD_CONTEXT_WINDOW = 10;
    private static final List<String> CARD_WORDS = List.of("卡号", "银行卡", "储蓄卡", "信用卡", "借记卡",
            "账号", "帐号", "账户", "帐户", "card");
    // Words naming some other kind of number: order, waybill and serial numbers, and ID numbers
    // (a mistyped ID number that fails its check is no card number either).
    private static final List<String> OTHER_NUMBER_WORDS = List.of("订单", "单号", "运单", "快递", "流水", "交易号",
            "编号", "工单", "批次", "序列号", "条码", "凭证号", "身份证", "身份号", "证件号");

    private static final int PASSPORT_CONTEXT_WINDOW = 15;
    private static final List<String> PASSPORT_WORDS = List.of("护照", "passport");

    // When two candidates overlap the one earlier in this list wins: an address containing digits is
    // an e-mail, an 18-digit number with a valid ID check digit is an ID card before a card number.
    private static final List<PiiType> PRECEDENCE = List.of(PiiType.EMAIL, PiiType.ID_CARD,
            PiiType.BANK_CARD, PiiType.PASSPORT, PiiType.MOBILE, PiiType.LANDLINE);

    private final Clock clock;

    /** Birth dates are checked against today in China time. */
    public PiiDetector() {
        this(Clock.system(PostTimes.CHINA));
    }

    /** @param clock gives today's date, the latest plausible birth date on an ID card */
    public PiiDetector(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The personal data in the text, in order of position, not overlapping. */
    public List<PiiMatch> find(String text) {
        Objects.requireNonNull(text, "text");
        String folded = HalfWidth.fold(text);
        LocalDate today = LocalDate.now(clock);
        List<PiiMatch> candidates = new ArrayList<>();
        findIdCards(text, folded, today, candidates);
        findMobiles(text, folded, candidates);
        findBankCards(text, folded, candidates);
        findEmails(text, folded, candidates);
        findLandlines(text, folded, candidates);
        findPassports(text, folded, candidates);

        candidates.sort(Comparator.<PiiMatch>comparingInt(m -> PRECEDENCE.indexOf(m.type()))
                .thenComparingInt(PiiMatch::start));
        List<PiiMatch> kept = new ArrayList<>();
        for (PiiMatch m : candidates) {
            if (kept.stream().noneMatch(k -> k.start() < m.end() && m.start() < k.end())) {
                kept.add(m);
            }
        }
        kept.sort(Comparator.comparingInt(PiiMatch::start));
        return kept;
    }

    /**
     * The text with every match replaced by its masked form. Masks keep the length of what they
     * replace, except e-mail addresses, whose local part always becomes one character and three stars.
     */
    public String mask(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (PiiMatch m : find(text)) {
            out.append(text, at, m.start()).append(m.masked());
            at = m.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    private static void findIdCards(String text, String folded, LocalDate today, List<PiiMatch> out) {
        Matcher m = ID_CARD.matcher(folded);
        while (m.find()) {
            String id = m.group(1).toUpperCase(Locale.ROOT);
            boolean valid = id.length() == 18 ? validId18(id, today) : validId15(id, today);
            if (valid) {
                out.add(new PiiMatch(PiiType.ID_CARD, m.start(), m.end(),
                        maskChars(text, folded, m.start(), m.end(), 3, 4)));
            }
        }
    }

    static boolean validId18(String id, LocalDate today) {
        if (!PROVINCES.contains(id.substring(0, 2))) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS.get(i);
        }
        if (id.charAt(17) != ID_CHECK_CHARS.charAt(sum % 11)) {
            return false;
        }
        return plausibleBirth(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)), today);
    }

    /** Old cards (issued until 2004) have no check digit and a two-digit birth year in the 1900s. */
    static boolean validId15(String id, LocalDate today) {
        return PROVINCES.contains(id.substring(0, 2))
                && plausibleBirth(1900 + Integer.parseInt(id.substring(6, 8)), Integer.parseInt(id.substring(8, 10)),
                Integer.parseInt(id.substring(10, 12)), today);
    }

    private static boolean plausibleBirth(int year, int month, int day, LocalDate today) {
        if (year < EARLIEST_BIRTH_YEAR || year > today.getYear() || month < 1 || month > 12 || day < 1
                || day > YearMonth.of(year, month).lengthOfMonth()) {
            return false;
        }
        return !LocalDate.of(year, month, day).isAfter(today);
    }

    private static void findMobiles(String text, String folded, List<PiiMatch> out) {
        Matcher m = MOBILE.matcher(folded);
        while (m.find()) {
            // The country code stays as written; the national number keeps its first 3 and last 4 digits.
            int number = m.start(2);
            out.add(new PiiMatch(PiiType.MOBILE, m.start(), m.end(),
                    text.substring(m.start(), number) + maskChars(text, folded, number, m.end(), 3, 4)));
        }
    }

    private static void findBankCards(String text, String folded, List<PiiMatch> out) {
        Matcher m = BANK_CARD.matcher(folded);
        while (m.find()) {
            String digits = m.group(1).replaceAll("[ -]", "");
            if (CARD_PREFIX.matcher(digits).find() && luhn(digits) && !idShaped(digits)
                    && !labelledAsOtherNumber(folded, m.start())) {
                out.add(new PiiMatch(PiiType.BANK_CARD, m.start(), m.end(),
                        maskChars(text, folded, m.start(), m.end(), 0, 4)));
            }
        }
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /**
     * Whether the number starts like an ID card (province code, then a birth date in digits 7-14).
     * ID numbers start with the same digits as Visa, Mastercard and UnionPay cards, and one in ten
     * passes Luhn; an ID-shaped number that fails the ID check is far more likely a mistyped or
     * made-up ID than a card, whose digits 7-14 form a date about once in a thousand.
     */
    static boolean idShaped(String digits) {
        if (digits.length() < 14 || !PROVINCES.contains(digits.substring(0, 2))) {
            return false;
        }
        int year = Integer.parseInt(digits.substring(6, 10));
        int month = Integer.parseInt(digits.substring(10, 12));
        int day = Integer.parseInt(digits.substring(12, 14));
        // Any calendar date of the 1900s or 2000s: a made-up ID with a future birth date is still no card.
        return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1
                && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    /**
     * One in ten random numbers passes Luhn, so a long number labelled as an order, waybill,
     * transaction or ID number is taken for what it says it is, unless a card word is closer.
     */
    private static boolean labelledAsOtherNumber(String folded, int start) {
        String before = folded.substring(Math.max(0, start - CARD_CONTEXT_WINDOW), start).toLowerCase(Locale.ROOT);
        int serial = lastIndexOfAny(before, OTHER_NUMBER_WORDS);
        return serial >= 0 && serial > lastIndexOfAny(before, CARD_WORDS);
    }

    private static int lastIndexOfAny(String s, List<String> words) {
        int last = -1;
        for (String w : words) {
            last = Math.max(last, s.lastIndexOf(w));
        }
        return last;
    }

    private static void findEmails(String text, String folded, List<PiiMatch> out) {
        Matcher m = EMAIL.matcher(folded);
        while (m.find()) {
            String local = m.group(1);
            if (local.contains("..") || local.endsWith(".")) {
                continue;
            }
            // A fixed three stars, so that the mask does not tell the length of the local part.
            out.add(new PiiMatch(PiiType.EMAIL, m.start(), m.end(),
                    text.charAt(m.start()) + "***" + text.substring(m.start(2) - 1, m.end())));
        }
    }

    private static void findLandlines(String text, String folded, List<PiiMatch> out) {
        Matcher m = LANDLINE.matcher(folded);
        while (m.find()) {
            String area = m.group(1) != null ? m.group(1) : m.group(2);
            String subscriber = m.group(3);
            if (validAreaCode(area) && subscriber.charAt(0) != '0') {
                int number = m.start(3);
                out.add(new PiiMatch(PiiType.LANDLINE, m.start(), m.end(),
                        text.substring(m.start(), number) + maskChars(text, folded, number, m.end(), 0, 2)));
            }
        }
    }

    /** Three-digit codes are Beijing (010) and the 02x cities; four-digit codes start 03 to 09. */
    static boolean validAreaCode(String area) {
        if (area.length() == 3) {
            return area.equals("010") || area.charAt(1) == '2';
        }
        return area.charAt(1) >= '3';
    }

    private static void findPassports(String text, String folded, List<PiiMatch> out) {
        Matcher m = PASSPORT.matcher(folded);
        while (m.find()) {
            // E/G plus eight digits is also a common shape for model and batch numbers.
            String around = folded.substring(Math.max(0, m.start() - PASSPORT_CONTEXT_WINDOW),
                    Math.min(folded.length(), m.end() + PASSPORT_CONTEXT_WINDOW)).toLowerCase(Locale.ROOT);
            if (PASSPORT_WORDS.stream().anyMatch(around::contains)) {
                out.add(new PiiMatch(PiiType.PASSPORT, m.start(), m.end(),
                        maskChars(text, folded, m.start(), m.end(), 1, 2)));
            }
        }
    }

    /**
     * The original text from start to end with its letters and digits replaced by '*', except the
     * first keepFirst and last keepLast of them; separators stay, so the mask has the same length.
     */
    private static String maskChars(String text, String folded, int start, int end, int keepFirst, int keepLast) {
        int total = 0;
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(folded.charAt(i))) {
                total++;
            }
        }
        StringBuilder masked = new StringBuilder(end - start);
        int seen = 0;
        for (int i = start; i < end; i++) {
            char c = folded.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                masked.append(text.charAt(i));
                continue;
            }
            boolean keep = seen < keepFirst || seen >= total - keepLast;
            masked.append(keep ? text.charAt(i) : '*');
            seen++;
        }
        return masked.toString();
    }
}
