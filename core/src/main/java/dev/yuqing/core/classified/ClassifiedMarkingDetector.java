package dev.yuqing.core.classified;

import dev.yuqing.core.text.HalfWidth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds classification markings (GB/T 9704 style 密级 and 保密期限, and internal-use phrases) in a
 * text. The level words 绝密, 机密 and 秘密 are common in ordinary writing (秘密花园, 商业秘密,
 * 保守国家秘密), so a level word counts as a marking only where a marking is written:
 * <ul>
 *   <li>next to a ★: 机密★, 秘密★1年, 绝密★启用前, 秘密 ★ 长期, ★机密;</li>
 *   <li>alone in brackets: 【机密】, (秘密), （秘密）, 〔绝密〕, possibly with ★ and a period inside;</li>
 *   <li>after a 密级 label: 密级：机密;</li>
 *   <li>first on a line, followed by a space or the end of the line (the marking's place in the
 *       top corner of a document).</li>
 * </ul>
 * Internal-use phrases (内部资料, 内部文件, 内部使用, 注意保密, 不得外传, 严禁外传, 请勿外传) are
 * markings wherever they stand, except 内部资料 and 内部文件 followed by a reporting verb or a
 * locative (内部资料显示, 内部文件称, 内部文件中): that is a news report citing a document, not the
 * document itself.
 *
 * <p>Stateless and safe to share between threads.
 */
public final class ClassifiedMarkingDetector {
    private static final String LEVEL = "(绝密|机密|秘密)";
    private static final String SPACE = "[ \\t]*";
    private static final String PERIOD = "(?:[0-9一二三四五六七八九十]+" + SPACE + "(?:年|个月)|长期|启用前|公布前)";
    private static final String STAR_PERIOD = SPACE + "★(?:" + SPACE + PERIOD + ")?";

    private static final Pattern STAR_AFTER = Pattern.compile(LEVEL + STAR_PERIOD);
    // ★ before the word: not when more Chinese follows (★秘密花园★ is a decorated title).
    private static final Pattern STAR_BEFORE = Pattern.compile("★" + SPACE + LEVEL + "(?!\\p{IsHan})");
    private static final Pattern BRACKETED = Pattern.compile(
            "[【\\[(〔]" + SPACE + LEVEL + "(?:" + STAR_PERIOD + ")?" + SPACE + "[】\\])〕]");
    private static final Pattern LABELLED = Pattern.compile("密级" + SPACE + ":" + SPACE + LEVEL + "(?:" + STAR_PERIOD + ")?");
    private static final Pattern LINE_START = Pattern.compile("(?m)^" + SPACE + LEVEL + "(?=[ \\t]|\\r?$)");
    private static final Pattern INTERNAL = Pattern.compile(
            "内部资料|内部文件|内部使用|注意保密|不得外传|严禁外传|请勿外传");
    private static final Pattern REPORTING = Pattern.compile(
            SPACE + "(?:显示|表明|称|指出|透露|披露|提到|记载|中|里)");

    /** The markings in the text, in order of position, not overlapping. */
    public List<ClassifiedMarking> find(String text) {
        Objects.requireNonNull(text, "text");
        // Folding makes （秘密）, full-width digits in 10年 and the ideographic space match the ASCII rules.
        String folded = HalfWidth.fold(text);
        List<ClassifiedMarking> candidates = new ArrayList<>();
        for (Pattern p : List.of(STAR_AFTER, STAR_BEFORE, BRACKETED, LABELLED)) {
            Matcher m = p.matcher(folded);
            while (m.find()) {
                candidates.add(marking(m.group(1), text, m.start(), m.end()));
            }
        }
        Matcher line = LINE_START.matcher(folded);
        while (line.find()) {
            candidates.add(marking(line.group(1), text, line.start(1), line.end(1)));
        }
        Matcher internal = INTERNAL.matcher(folded);
        while (internal.find()) {
            String phrase = internal.group();
            boolean cited = (phrase.equals("内部资料") || phrase.equals("内部文件"))
                    && REPORTING.matcher(folded).region(internal.end(), folded.length()).lookingAt();
            if (!cited) {
                candidates.add(marking(ClassifiedMarking.INTERNAL, text, internal.start(), internal.end()));
            }
        }

        // Longest first, so that 机密★10年 wins over the 机密 that also stands at the line start.
        candidates.sort(Comparator.comparingInt((ClassifiedMarking c) -> c.end() - c.start()).reversed()
                .thenComparingInt(ClassifiedMarking::start));
        List<ClassifiedMarking> kept = new ArrayList<>();
        for (ClassifiedMarking c : candidates) {
            if (kept.stream().noneMatch(k -> k.start() < c.end() && c.start() < k.end())) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(ClassifiedMarking::start));
        return kept;
    }

    private static ClassifiedMarking marking(String level, String text, int start, int end) {
        return new ClassifiedMarking(level, text.substring(start, end), start, end);
    }
}
