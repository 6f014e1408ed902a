package dev.yuqing.core.harmful;

import java.util.ArrayList;
import java.util.List;

/**
 * What the detector found in a text: the categories with enough evidence, and every match
 * (including those below a category's threshold) with its offsets, for a person to check.
 */
public record HarmfulResult(List<HarmfulVerdict> verdicts, List<HarmfulMatch> matches) {
    public HarmfulResult {
        verdicts = new ArrayList<>(verdicts);
        matches = new ArrayList<>(matches);
    }

    public boolean flagged() {
        return !verdicts.isEmpty();
    }

    /** The most severe category's severity, or null when nothing is flagged. */
    public HarmfulCategory.Severity severity() {
        return verdicts.stream().map(HarmfulVerdict::severity).max(Enum::compareTo).orElse(null);
    }
}
