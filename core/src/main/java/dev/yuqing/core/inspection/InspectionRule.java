package dev.yuqing.core.inspection;

import java.io.Serializable;
import java.util.Set;

/**
 * One checking rule with its points, in the structure of the national indicator: a veto item
 * (单项否决) fails the site or account on its own or once enough findings pile up; a deduction item
 * (扣分) takes points per finding, never more than the item's total.
 *
 * @param id          stable, referenced by findings: {@code home-page-stale}, {@code reply-late}
 * @param title       the item's name, for people
 * @param kind        what the findings of this rule are
 * @param appliesTo   what it scores: sites (with their columns) and/or accounts
 * @param vetoAt      the number of findings in force at which the target fails (1: any one
 *                    finding; 5: five stale columns); 0 for a deduction-only rule
 * @param points      points deducted per finding in force, or per {@code perFindings} findings
 * @param perFindings how many findings in force take {@code points} (1 for most; 10 where the
 *                    indicator deducts a tenth of a point per finding, as scores are whole points:
 *                    only whole groups of findings deduct)
 * @param maxPoints   the most this rule can deduct (单项指标扣分之和不超过本项指标总分值)
 * @param countsFor   how long a finding keeps counting after it was first seen, even once resolved,
 *                    for rules whose indicator looks back over a period ("监测时间点前1年内"); absent:
 *                    a finding counts only while open (a stale column stops counting once it updates)
 * @param description what the rule checks, in plain words
 * @param basis       where its thresholds and points come from: the indicator's text, or a
 *                    statement that the value is this project's default
 */
public record InspectionRule(String id, String title, FindingKind kind, Set<TargetKind> appliesTo, int vetoAt, int points,
                             int perFindings, int maxPoints, Span countsFor, String description, String basis) implements Serializable {
    public InspectionRule {
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("id: expected lower-case words joined by '-', was '" + id + "'");
        }
        String where = "rule " + id + ": ";
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException(where + "title: required");
        }
        if (kind == null) {
            throw new IllegalArgumentException(where + "kind: required (" + FindingKind.codes() + ")");
        }
        if (appliesTo == null || appliesTo.isEmpty()) {
            throw new IllegalArgumentException(where + "appliesTo: required (site and/or account)");
        }
        if (appliesTo.contains(TargetKind.COLUMN)) {
            throw new IllegalArgumentException(where + "appliesTo: columns are scored under their site; say 'site'");
        }
        appliesTo = Set.copyOf(appliesTo);
        if (vetoAt < 0) {
            throw new IllegalArgumentException(where + "vetoAt: must be >= 0, was " + vetoAt);
        }
        if (points < 0 || maxPoints < 0) {
            throw new IllegalArgumentException(where + "points and maxPoints must be >= 0, were " + points + " and " + maxPoints);
        }
        if (points > 0 && maxPoints < points) {
            throw new IllegalArgumentException(where + "maxPoints " + maxPoints + " is below the " + points + " points of a single finding");
        }
        if (perFindings < 1) {
            throw new IllegalArgumentException(where + "perFindings: must be at least 1, was " + perFindings);
        }
        if (!kind.scored() && (vetoAt != 0 || points != 0)) {
            throw new IllegalArgumentException(where + "a " + kind.code() + " rule is for operators and is not scored: give neither vetoAt nor points");
        }
        if (kind.scored() && vetoAt == 0 && points == 0) {
            throw new IllegalArgumentException(where + "neither vetoes nor deducts: give vetoAt or points");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException(where + "description: required");
        }
        if (basis == null || basis.isBlank()) {
            throw new IllegalArgumentException(where + "basis: required (the indicator's text, or that the value is a project default)");
        }
    }

    /** The points {@code findings} findings in force deduct, capped at {@link #maxPoints}. */
    public int deduction(int findings) {
        return (int) Math.min((long) (findings / perFindings) * points, maxPoints);
    }

    /** Whether a single finding of this rule fails its target. */
    public boolean vetoesAlone() {
        return vetoAt == 1;
    }
}
