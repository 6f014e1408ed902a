package dev.yuqing.core.inspection;

import dev.yuqing.core.analysis.PostAnalysis;
import dev.yuqing.core.classified.ClassifiedMarking;
import dev.yuqing.core.expression.ExpressionError;
import dev.yuqing.core.harmful.HarmfulVerdict;
import dev.yuqing.core.pii.PiiMatch;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The content checks of an official publication: what the detectors found in it (personal data,
 * classification markings, expression errors, harmful content) that the rules' content checks
 * name, one breach per rule and post (id {@code <rule>:<target>:<post id>}), so a re-analysed post
 * updates its findings. Evidence holds the masked excerpt and the matched terms, never the raw
 * personal data.
 */
public final class ContentFindings {
    private final InspectionRules rules;

    public ContentFindings(InspectionRules rules) {
        this.rules = rules;
    }

    public List<Finding> of(MonitoredTarget target, EnrichedPost e) {
        PostAnalysis a = e.analysis();
        // Rule → the terms that raised it, in order found.
        Map<InspectionRule, Set<String>> hits = new LinkedHashMap<>();
        for (PiiMatch m : a.personalData()) {
            rules.contentRule(FindingKind.PERSONAL_DATA, m.type().code()).ifPresent(r -> hits.computeIfAbsent(r, k -> new TreeSet<>()).add(m.masked()));
        }
        for (ClassifiedMarking m : a.classified()) {
            rules.contentRule(FindingKind.CLASSIFIED, m.level()).ifPresent(r -> hits.computeIfAbsent(r, k -> new TreeSet<>()).add(m.marker()));
        }
        for (ExpressionError x : a.expressionErrors()) {
            rules.contentRule(FindingKind.EXPRESSION_ERROR, x.kind())
                    .ifPresent(r -> hits.computeIfAbsent(r, k -> new TreeSet<>()).add(x.wrong() + "→" + x.right()));
        }
        if (a.harmful() != null) {
            for (HarmfulVerdict v : a.harmful().verdicts()) {
                rules.contentRule(FindingKind.HARMFUL, v.category().code())
                        .ifPresent(r -> hits.computeIfAbsent(r, k -> new TreeSet<>()).addAll(v.terms()));
            }
        }
        Post p = e.post();
        Instant at = p.publishedAt();
        String excerpt = a.maskedText();
        List<Finding> out = new ArrayList<>(hits.size());
        hits.forEach((rule, terms) -> out.add(Finding.of(rule, target, Finding.Stage.BREACH, p.id(),
                rule.title() + "：" + String.join("、", terms),
                new Finding.Evidence(List.of(p.id()), p.url() == null ? List.of() : List.of(p.url()), new ArrayList<>(terms), excerpt), at)));
        return out;
    }
}
