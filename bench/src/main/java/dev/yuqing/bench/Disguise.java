package dev.yuqing.bench;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import com.hankcs.hanlp.HanLP;
import java.util.List;
import java.util.Random;

/**
 * Ways people disguise a word to get it past a keyword filter. {@link #apply} returns null when a
 * disguise does not change the term (full-width on a Chinese term, say), so it is not counted.
 */
public enum Disguise {
    PLAIN("plain (control)"),
    SYMBOLS("symbols inserted"),
    SPACES("spaces inserted"),
    FULL_WIDTH("full-width"),
    TRADITIONAL_HANLP("traditional (HanLP)"),
    TRADITIONAL_OPENCC("traditional (OpenCC)"),
    MIXED_CASE("mixed case"),
    REPEATS("repeated characters"),
    ZERO_WIDTH("zero-width characters"),
    EMOJI("emoji inserted"),
    COMBINED("traditional + full-width + symbols");

    private static final List<String> SYMBOL_CHOICES = List.of("*", "-", "_", ".", "/", "|", "#", "~", "·", "★", "@", "&");
    private static final List<String> ZERO_WIDTH_CHOICES = List.of("\u200B", "\u200C", "\u200D", "\uFEFF");
    private static final List<String> EMOJI_CHOICES = List.of("\uD83D\uDD25", "\uD83D\uDCB0", "\uD83D\uDE00", "\uD83D\uDC4D", "\u2764\uFE0F");

    private final String label;

    Disguise(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The disguised term, or null when this disguise leaves the term as it was. */
    public String apply(String term, Random random) {
        String out = switch (this) {
            case PLAIN -> term;
            case SYMBOLS -> between(term, SYMBOL_CHOICES.get(random.nextInt(SYMBOL_CHOICES.size())));
            case SPACES -> between(term, random.nextBoolean() ? " " : "  ");
            case FULL_WIDTH -> fullWidth(term);
            case TRADITIONAL_HANLP -> HanLP.convertToTraditionalChinese(term);
            case TRADITIONAL_OPENCC -> ZhConverterUtil.toTraditional(term);
            case MIXED_CASE -> mixedCase(term);
            case REPEATS -> repeat(term, random);
            case ZERO_WIDTH -> between(term, ZERO_WIDTH_CHOICES.get(random.nextInt(ZERO_WIDTH_CHOICES.size())));
            case EMOJI -> between(term, EMOJI_CHOICES.get(random.nextInt(EMOJI_CHOICES.size())));
            case COMBINED -> between(fullWidth(ZhConverterUtil.toTraditional(term)), SYMBOL_CHOICES.get(random.nextInt(SYMBOL_CHOICES.size())));
        };
        return this != PLAIN && out.equals(term) ? null : out;
    }

    private static String between(String term, String sep) {
        StringBuilder b = new StringBuilder();
        term.codePoints().forEach(cp -> {
            if (!b.isEmpty()) {
                b.append(sep);
            }
            b.appendCodePoint(cp);
        });
        return b.toString();
    }

    private static String fullWidth(String term) {
        StringBuilder b = new StringBuilder(term.length());
        for (char c : term.toCharArray()) {
            b.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
        }
        return b.toString();
    }

    /** Every other Latin letter upper case; the first stays lower so "sb" becomes "sB". */
    private static String mixedCase(String term) {
        StringBuilder b = new StringBuilder(term.length());
        int letter = 0;
        for (char c : term.toCharArray()) {
            boolean latin = c >= 'a' && c <= 'z';
            b.append(latin && letter++ % 2 == 1 ? Character.toUpperCase(c) : c);
        }
        return b.toString();
    }

    /** One or two characters said two or three times, as in 冰冰冰毒. */
    private static String repeat(String term, Random random) {
        int[] cps = term.codePoints().toArray();
        boolean[] doubled = new boolean[cps.length];
        int times = cps.length > 3 ? 2 : 1;
        for (int i = 0; i < times; i++) {
            doubled[random.nextInt(cps.length)] = true;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            b.appendCodePoint(cps[i]);
            if (doubled[i]) {
                for (int k = 1 + random.nextInt(2); k > 0; k--) {
                    b.appendCodePoint(cps[i]);
                }
            }
        }
        return b.toString();
    }
}
