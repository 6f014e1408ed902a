package dev.yuqing.core.inspection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's or account's score at one moment, computed as the national indicator scores: any veto
 * item fails the target whatever its points (出现单项否决情形即判定为不合格); otherwise the deduction
 * items take points from the total, each item no more than its own cap, and the target passes at
 * the pass mark. The score is still computed under a veto, so dashboards can show both.
 *
 * @param targetId the site or account scored
 * @param score    {@code maxScore} minus the capped deductions, never below 0
 * @param vetoed   whether some veto item is met
 * @param passed   not vetoed and {@code score >= passMark}
 * @param lines    one per rule with findings in force, in the rules' order
 * @param unknownRules ids of findings whose rule the current rules do not have (a rule removed
 *                 from the file while findings of it remain); not counted
 */
public record Scorecard(String targetId, Instant at, int maxScore, int passMark, int score, boolean vetoed, boolean passed,
                        List<Line> lines, List<String> unknownRules) {

    /**
     * What one rule contributes.
     *
     * @param findings  findings in force
     * @param deducted  points taken, after the rule's cap
     * @param veto      whether this rule's veto is met
     */
    public record Line(String ruleId, String title, int findings, int deducted, boolean veto, List<String> findingIds) {
        public Line {
            findingIds = new ArrayList<>(findingIds);
        }
    }

    public Scorecard {
        lines = new ArrayList<>(lines);
        unknownRules = new ArrayList<>(unknownRules);
    }

    /**
     * Scores {@code targetId} from its findings: only breaches count (warnings never do), and only
     * those in force at {@code at} ({@link Finding#countsAt}). The same finding id given twice
     * counts once.
     *
     * @throws IllegalArgumentException when a finding belongs to another scored target
     */
    public static Scorecard compute(String targetId, Collection<Finding> findings, InspectionRules rules, Instant at) {
        Map<String, Finding> byId = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Finding f : findings) {
            if (!targetId.equals(f.scoredId())) {
                throw new IllegalArgumentException("finding " + f.id() + " counts towards " + f.scoredId() + ", not " + targetId);
            }
            if (!f.kind().scored()) {
                continue; // for operators, not part of the score
            }
            if (rules.find(f.ruleId()).isEmpty()) {
                unknown.add(f.id());
                continue;
            }
            byId.merge(f.id(), f, (a, b) -> b.lastSeen().isAfter(a.lastSeen()) ? b : a);
        }
        Map<String, List<String>> inForce = new LinkedHashMap<>();
        for (Finding f : byId.values()) {
            if (f.countsAt(at, rules.rule(f.ruleId()))) {
                inForce.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f.id());
            }
        }
        int maxScore = rules.scoring().maxScore();
        List<Line> lines = new ArrayList<>();
        int deductions = 0;
        boolean vetoed = false;
        for (InspectionRule r : rules.rules()) {
            List<String> ids = inForce.get(r.id());
            if (ids == null) {
                continue;
            }
            int n = ids.size();
            int deducted = r.deduction(n);
            boolean veto = r.vetoAt() > 0 && n >= r.vetoAt();
            vetoed |= veto;
            deductions += deducted;
            lines.add(new Line(r.id(), r.title(), n, deducted, veto, ids));
        }
        int score = Math.max(0, maxScore - deductions);
        boolean passed = !vetoed && score >= rules.scoring().passMark();
        return new Scorecard(targetId, at, maxScore, rules.scoring().passMark(), score, vetoed, passed, lines, unknown);
    }

    /** The rules whose veto is met. */
    public List<String> vetoes() {
        return lines.stream().filter(Line::veto).map(Line::ruleId).toList();
    }
}
