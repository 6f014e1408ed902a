package dev.yuqing.core.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A generated text with the spans a detector should find, and the scoring of detector output
 * against a set of them. Shared by the PII and the classified-marking evaluations.
 *
 * @param text   the text
 * @param labels what should be found; empty for a near-miss
 */
record LabelledText(String text, List<LabelledText.Label> labels) {
    /** @param kind a PiiType name or a classification level */
    record Label(String kind, int start, int end) {
    }

    /** Builds a text piece by piece, recording where labelled values land. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Label> labels = new ArrayList<>();

        Builder add(String plain) {
            text.append(plain);
            return this;
        }

        Builder add(String kind, String value) {
            labels.add(new Label(kind, text.length(), text.length() + value.length()));
            text.append(value);
            return this;
        }

        /** The template with its single {} replaced by the labelled value. */
        Builder fill(String template, String kind, String value) {
            int at = template.indexOf("{}");
            if (at < 0 || template.indexOf("{}", at + 1) >= 0) {
                throw new IllegalArgumentException("template needs exactly one {}: " + template);
            }
            return add(template.substring(0, at)).add(kind, value).add(template.substring(at + 2));
        }

        LabelledText build() {
            return new LabelledText(text.toString(), List.copyOf(labels));
        }
    }

    static Builder builder() {
        return new Builder();
    }

    static LabelledText nearMiss(String template, String value) {
        return new LabelledText(template.replace("{}", value), List.of());
    }

    static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    static String digits(Random random, int count) {
        StringBuilder s = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    /** Digits replaced by their full-width forms, as Chinese input methods type them. */
    static String fullWidthDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
        }
        return out.toString();
    }

    /** True / false positives and false negatives per kind, with a few examples of each error. */
    static final class Score {
        private final Map<String, int[]> counts = new TreeMap<>();
        private final List<String> errors = new ArrayList<>();

        Score(List<String> kinds) {
            kinds.forEach(k -> counts.put(k, new int[3]));
        }

        void add(LabelledText example, List<Label> found) {
            for (Label f : found) {
                boolean expected = example.labels().contains(f);
                counts.get(f.kind())[expected ? 0 : 1]++;
                if (!expected) {
                    errors.add("FP " + f.kind() + " '" + example.text().substring(f.start(), f.end()) + "' in: " + example.text());
                }
            }
            for (Label l : example.labels()) {
                if (!found.contains(l)) {
                    counts.get(l.kind())[2]++;
                    errors.add("FN " + l.kind() + " '" + example.text().substring(l.start(), l.end()) + "' in: " + example.text());
                }
            }
        }

        int truePositives(String kind) {
            return counts.get(kind)[0];
        }

        double precision(String kind) {
            int[] c = counts.get(kind);
            return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        }

        double recall(String kind) {
            int[] c = counts.get(kind);
            return c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
        }

        List<String> errors() {
            return errors;
        }

        String table(String title, int texts, int nearMisses) {
            StringBuilder t = new StringBuilder();
            t.append(title).append(" (").append(texts).append(" texts, of which ").append(nearMisses).append(" near-misses)\n");
            t.append(String.format("| %-10s | %5s | %4s | %4s | %9s | %6s |%n", "type", "TP", "FP", "FN", "precision", "recall"));
            t.append("|------------|-------|------|------|-----------|--------|\n");
            counts.forEach((kind, c) -> t.append(String.format("| %-10s | %5d | %4d | %4d | %9.4f | %6.4f |%n",
                    kind, c[0], c[1], c[2], precision(kind), recall(kind))));
            return t.toString();
        }
    }
}
