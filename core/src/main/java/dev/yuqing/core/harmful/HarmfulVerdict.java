package dev.yuqing.core.harmful;

import java.util.ArrayList;
import java.util.List;

/**
 * A category with enough evidence in one text.
 *
 * @param score the summed weight of the distinct terms found
 * @param terms the distinct terms, in order of first appearance
 */
public record HarmfulVerdict(HarmfulCategory category, HarmfulCategory.Severity severity, double score, List<String> terms) {
    public HarmfulVerdict {
        terms = new ArrayList<>(terms); // mutable copy: Flink's Kryo fallback copies lists by adding
    }
}
