package dev.yuqing.core.harmful;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The harmful-content lexicons: one file per category ({@code <code>.txt}, a term a line, an
 * optional tab and weight, {@code #} comments), {@code allow.txt} with phrases in which a term is
 * not harmful (反诈宣传, 远离毒品...), and {@code evidence.properties} with the weight a category
 * needs before it is flagged. They are configuration: the shipped set is a resource, and
 * {@link #fromDirectory} reads an edited copy.
 */
public record Lexicon(Map<HarmfulCategory, List<Term>> terms, List<String> allowed, Map<HarmfulCategory, Double> evidence) {
    public static final String RESOURCE_DIR = "lexicons/harmful/";
    static final double DEFAULT_WEIGHT = 1.0;
    static final double DEFAULT_EVIDENCE = 1.0;

    /** A term and how much one occurrence counts. */
    public record Term(String text, double weight) {}

    /** The shipped lexicons. */
    public static Lexicon fromClasspath() {
        return load(name -> Lexicon.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name));
    }

    /** Lexicons from a directory laid out like the shipped ones; a missing category file means no terms. */
    public static Lexicon fromDirectory(Path dir) {
        return load(name -> {
            Path p = dir.resolve(name);
            return Files.exists(p) ? Files.newInputStream(p) : null;
        });
    }

    @FunctionalInterface
    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static Lexicon load(Opener opener) {
        Map<HarmfulCategory, List<Term>> terms = new EnumMap<>(HarmfulCategory.class);
        Map<HarmfulCategory, Double> evidence = new EnumMap<>(HarmfulCategory.class);
        try {
            Properties props = new Properties();
            try (InputStream in = opener.open("evidence.properties")) {
                if (in != null) {
                    props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
            for (HarmfulCategory c : HarmfulCategory.values()) {
                List<Term> list = new ArrayList<>();
                for (String line : lines(opener, c.code() + ".txt")) {
                    list.add(parseTerm(c.code() + ".txt", line));
                }
                terms.put(c, List.copyOf(list));
                String e = props.getProperty(c.code());
                evidence.put(c, e == null ? DEFAULT_EVIDENCE : Double.parseDouble(e.trim()));
            }
            return new Lexicon(terms, List.copyOf(lines(opener, "allow.txt")), evidence);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the harmful-content lexicons", e);
        }
    }

    private static Term parseTerm(String file, String line) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            return new Term(line, DEFAULT_WEIGHT);
        }
        try {
            return new Term(line.substring(0, tab).strip(), Double.parseDouble(line.substring(tab + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": weight of '" + line + "' is not a number", e);
        }
    }

    private static List<String> lines(Opener opener, String name) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = opener.open(name)) {
            if (in == null) {
                return out;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String s = line.replace("\uFEFF", "").strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    public int size() {
        return terms.values().stream().mapToInt(List::size).sum();
    }
}
