package dev.yuqing.core.expression;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Checks official publications for serious expression errors (严重表述错误): misspelt official
 * names and fixed terms, wording that the norms forbid, and frequent typos, each with its fix.
 * The table is configuration ({@code wrong<TAB>right<TAB>kind} a line). Matching is exact on the
 * text as published: an expression error is a fault of the text itself, not a disguise.
 * Immutable and thread-safe.
 */
public final class ExpressionChecker {
    public static final String RESOURCE = "lexicons/expression/corrections.txt";

    private record Correction(String wrong, String right, String kind) {}

    private final AhoCorasickDoubleArrayTrie<Correction> trie = new AhoCorasickDoubleArrayTrie<>();
    private final int size;

    public ExpressionChecker(List<String> tableLines) {
        TreeMap<String, Correction> map = new TreeMap<>();
        int lineNumber = 0;
        for (String raw : tableLines) {
            lineNumber++;
            String line = raw.replace("\uFEFF", "").strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 3 || f[0].isBlank() || f[1].isBlank()) {
                throw new IllegalArgumentException("corrections line " + lineNumber + ": expected wrong<TAB>right<TAB>kind, got '" + line + "'");
            }
            if (f[1].contains(f[0])) {
                throw new IllegalArgumentException("corrections line " + lineNumber + ": the wrong form '" + f[0]
                        + "' occurs in its right form '" + f[1] + "', so every correct text would be flagged");
            }
            map.put(f[0], new Correction(f[0], f[1], f[2]));
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException("the corrections table is empty");
        }
        trie.build(map);
        size = map.size();
    }

    public static ExpressionChecker standard() {
        try (InputStream in = ExpressionChecker.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            return new ExpressionChecker(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static ExpressionChecker fromFile(Path table) throws IOException {
        return new ExpressionChecker(Files.readAllLines(table, StandardCharsets.UTF_8));
    }

    public int size() {
        return size;
    }

    public List<ExpressionError> check(String text) {
        List<ExpressionError> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        trie.parseText(text, (begin, end, c) -> out.add(new ExpressionError(c.wrong(), c.right(), c.kind(), begin, end)));
        out.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        return out;
    }
}
