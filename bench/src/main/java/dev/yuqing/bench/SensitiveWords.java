package dev.yuqing.bench;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.github.houbb.sensitive.word.support.allow.WordAllows;
import com.github.houbb.sensitive.word.support.ignore.SensitiveWordCharIgnores;
import com.github.houbb.sensitive.word.support.resultcondition.WordResultConditions;
import java.util.List;

/** houbb/sensitive-word set up with our lexicon only, for a like-for-like comparison. */
public final class SensitiveWords {
    private SensitiveWords() {}

    /**
     * Our terms as the only deny list (its built-in dictionary is replaced, not chained), no allow
     * list, and all its evasion options on. {@code skipSymbols} also turns on its special-character
     * skipping, which is off by default and not among the ignore-* options.
     */
    public static SensitiveWordBs withTerms(List<String> terms, boolean skipSymbols) {
        List<String> deny = List.copyOf(terms);
        return SensitiveWordBs.newInstance()
                .wordDeny(() -> deny)
                .wordAllow(WordAllows.empty())
                .ignoreCase(true)
                .ignoreWidth(true)
                .ignoreNumStyle(true)
                .ignoreChineseStyle(true)
                .ignoreEnglishStyle(true)
                .ignoreRepeat(true)
                .charIgnore(skipSymbols ? SensitiveWordCharIgnores.specialChars() : SensitiveWordCharIgnores.none())
                .wordResultCondition(WordResultConditions.alwaysTrue())
                // Its pattern checks (numbers, e-mail, URL, IPv4) are not lexicon matching: off, as by default.
                .enableNumCheck(false)
                .enableEmailCheck(false)
                .enableUrlCheck(false)
                .enableIpv4Check(false)
                .enableWordCheck(true)
                .init();
    }
}
