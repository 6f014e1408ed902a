package dev.yuqing.core.classify;

import com.hankcs.hanlp.dictionary.other.CharTable;
import java.util.regex.Pattern;

/**
 * Normalises social-media text before feature extraction. Emoticon tags such as {@code [哈哈]} are
 * removed because the weibo_senti_100k labels were derived from them: keeping them would teach the
 * model the labelling rule rather than the language.
 */
public final class SocialTextCleaner {
    private static final Pattern EMOTICON = Pattern.compile("\\[[^\\[\\]\\s]{1,12}]");
    private static final Pattern TOPIC_WRAPPER = Pattern.compile("\\{%|%}");
    private static final Pattern URL = Pattern.compile("https?://[\\w./?=&%#:~+-]*");
    private static final Pattern MENTION = Pattern.compile("@[\\p{L}\\p{N}_-]{1,30}");
    /** Runs of 4+ of the same character carry no more than a run of 3 ("哈哈哈哈哈" ~ "哈哈哈"). */
    private static final Pattern LONG_RUN = Pattern.compile("(.)\\1{3,}");
    /** Byte-order marks and zero-width characters left inside fields by some corpora. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SocialTextCleaner() {
    }

    /**
     * Strips emoticon tags, topic wrappers, URLs and mentions, maps full-width to half-width,
     * traditional to simplified and upper to lower case (HanLP's CharTable), shortens long runs of
     * one character and collapses white space. Never returns null.
     */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = INVISIBLE.matcher(text).replaceAll("");
        s = EMOTICON.matcher(s).replaceAll(" ");
        s = TOPIC_WRAPPER.matcher(s).replaceAll(" ");
        s = URL.matcher(s).replaceAll(" ");
        s = MENTION.matcher(s).replaceAll(" ");
        s = CharTable.convert(s);
        s = LONG_RUN.matcher(s).replaceAll("$1$1$1");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }
}
