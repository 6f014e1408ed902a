package dev.yuqing.core.text;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words that never name a happening (真的, 今天, 觉得): the shipped common-word list, built by
 * {@code dev.yuqing.core.train.CommonWordsBuilder}, and HanLP's stop words. Immutable.
 */
public final class CommonWords {
    public static final String RESOURCE = "lexicons/keywords/common-words.txt";

    private final Set<String> words;

    public CommonWords(Collection<String> words) {
        Set<String> lower = new HashSet<>();
        for (String w : words) {
            lower.add(w.strip().toLowerCase(Locale.ROOT));
        }
        this.words = Set.copyOf(lower);
    }

    /** The shipped list, read from the classpath. */
    public static CommonWords standard() {
        try (InputStream in = CommonWords.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing; rebuild it with"
                        + " dev.yuqing.core.train.CommonWordsBuilder (see docs/quality.md)");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The file format: a word a line, optionally followed by a tab and its document count; {@code #} comments. */
    static CommonWords parse(List<String> lines) {
        Set<String> words = new HashSet<>();
        for (String raw : lines) {
            String line = raw.replace("\uFEFF", "");
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            words.add(tab < 0 ? line : line.substring(0, tab));
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the common-word list is empty");
        }
        return new CommonWords(words);
    }

    /** Whether the word is on the list (Latin letters in any case) or is one of HanLP's stop words. */
    public boolean contains(String word) {
        return words.contains(word.strip().toLowerCase(Locale.ROOT)) || CoreStopWordDictionary.contains(word);
    }

    /** Words on the shipped list (HanLP's stop words not counted). */
    public int size() {
        return words.size();
    }
}
