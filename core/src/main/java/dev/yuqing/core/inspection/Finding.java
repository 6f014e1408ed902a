package dev.yuqing.core.inspection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alert.AlertType;
import dev.yuqing.core.post.PostTimes;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One problem inspection found with one target: a column gone stale, a message past its
 * deadline, a publication leaking personal data. A warning ahead of a limit is a finding in stage
 * {@link Stage#WARNING} under the same id, so that the breach updates it (and its alert escalates)
 * instead of adding another.
 *
 * @param id         stable for the same problem, so repeats and replays update one finding:
 *                   {@link #idOf}(rule, target, subject)
 * @param ruleId     the rule broken
 * @param title      the rule's title, for people
 * @param targetId   the site, column or account
 * @param scoredId   the site or account whose score it counts towards (a column's site)
 * @param veto       whether this finding alone fails its target (the rule's {@code vetoAt} is 1),
 *                   as the rule said when it was raised; the {@link Scorecard} applies the rules in
 *                   force, including vetoes that need several findings
 * @param points     points the rule deducted per finding when it was raised; likewise a record
 * @param detail     what was found, in Chinese, for handlers: "已16天未更新（上次更新…）"
 * @param evidence   post ids, URLs, terms and a text excerpt; personal data only masked
 * @param firstSeen  when it was first raised (as a warning or a breach)
 * @param lastSeen   when it was last confirmed
 * @param resolvedAt when it stopped (the target updated, the message was answered, the page was
 *                   corrected); absent while open
 */
public record Finding(String id, String ruleId, FindingKind kind, Stage stage, String title, String targetId, String targetName,
                      String scoredId, String ownerUnit, String region, boolean veto, int points, String detail, Evidence evidence,
                      Instant firstSeen, Instant lastSeen, Instant resolvedAt) implements Serializable {

    /** Longest excerpt kept: enough for a handler to recognise the text, not a copy of it. */
    public static final int MAX_EXCERPT = 200;

    public enum Stage {
        /** The limit is near: nothing is broken yet, nothing is deducted. */
        WARNING("warning"),
        /** The rule is broken. */
        BREACH("breach");

        private final String code;

        Stage(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }

    /**
     * What a finding rests on. Lists are plain {@link ArrayList}s, as in {@link Alert.Evidence}:
     * Flink's Kryo fallback cannot rebuild immutable lists.
     *
     * @param excerpt a short piece of the text concerned, masked; at most {@link #MAX_EXCERPT} characters
     */
    public record Evidence(List<String> postIds, List<String> urls, List<String> terms, String excerpt) implements Serializable {
        public Evidence {
            postIds = postIds == null ? new ArrayList<>() : new ArrayList<>(postIds);
            urls = urls == null ? new ArrayList<>() : new ArrayList<>(urls);
            terms = terms == null ? new ArrayList<>() : new ArrayList<>(terms);
            if (excerpt != null && excerpt.length() > MAX_EXCERPT) {
                excerpt = excerpt.substring(0, MAX_EXCERPT - 1) + "…";
            }
        }

        public static Evidence none() {
            return new Evidence(List.of(), List.of(), List.of(), null);
        }
    }

    public Finding {
        if (id == null || id.isBlank() || ruleId == null || kind == null || stage == null || targetId == null || scoredId == null) {
            throw new IllegalArgumentException("a finding needs its id, rule, kind, stage, target and scored target");
        }
        if (firstSeen == null) {
            throw new IllegalArgumentException("finding " + id + ": firstSeen is required");
        }
        if (lastSeen == null || lastSeen.isBefore(firstSeen)) {
            // Unset, or a confirmation replayed out of order: it was seen at least when first seen.
            lastSeen = firstSeen;
        }
        if (resolvedAt != null && resolvedAt.isBefore(firstSeen)) {
            throw new IllegalArgumentException("finding " + id + ": resolved at " + resolvedAt + " before it was first seen at " + firstSeen);
        }
        if (evidence == null) {
            evidence = Evidence.none();
        }
    }

    /**
     * The stable id: the rule, the target and what the finding is about within it, for example the
     * post id of a leaking page, the thread id of a message, or for a stale target the time of the
     * last update it is measured from (a target that recovers and goes stale again is a new finding).
     */
    public static String idOf(String ruleId, String targetId, String subject) {
        return subject == null || subject.isBlank() ? ruleId + ":" + targetId : ruleId + ":" + targetId + ":" + subject;
    }

    /** A new finding of {@code rule} on {@code target}, first seen at {@code at}. */
    public static Finding of(InspectionRule rule, MonitoredTarget target, Stage stage, String subject, String detail,
                             Evidence evidence, Instant at) {
        return new Finding(idOf(rule.id(), target.id(), subject), rule.id(), rule.kind(), stage, rule.title(), target.id(),
                target.name(), target.scoredId(), target.ownerUnit(), target.region(), rule.vetoesAlone(), rule.points(), detail,
                evidence, at, at, null);
    }

    /**
     * The breach of {@code rule} on {@code target} at {@code at}, given what has been raised under
     * its id so far ({@code raised}, null for nothing): a warning becomes the breach under the same
     * id, keeping when it was first seen; with nothing raised the breach is new; a breach already
     * raised is returned as it is.
     */
    public static Finding breach(Finding raised, InspectionRule rule, MonitoredTarget target, String subject, String detail,
                                 Evidence evidence, Instant at) {
        if (raised == null) {
            return of(rule, target, Stage.BREACH, subject, detail, evidence, at);
        }
        return breachDue(raised) ? raised.breached(at, detail, evidence) : raised;
    }

    /** Whether the breach is still to be raised after {@code raised}: nothing yet (null), or only a warning. */
    public static boolean breachDue(Finding raised) {
        return raised == null || raised.stage == Stage.WARNING;
    }

    /** Ignored in JSON: Jackson would take it for a property {@code open}, which readers then refuse. */
    @JsonIgnore
    public boolean isOpen() {
        return resolvedAt == null;
    }

    /** Whether it was still open at {@code at}. */
    public boolean isOpenAt(Instant at) {
        return resolvedAt == null || resolvedAt.isAfter(at);
    }

    /**
     * Whether this finding counts towards its target's score at {@code at} under {@code rule}: it is
     * a breach (warnings never count), was first seen by then, and is either still open or within
     * the rule's {@link InspectionRule#countsFor} of when it was first seen.
     */
    public boolean countsAt(Instant at, InspectionRule rule) {
        if (stage != Stage.BREACH || firstSeen.isAfter(at)) {
            return false;
        }
        if (isOpenAt(at)) {
            return true;
        }
        return rule.countsFor() != null && at.isBefore(rule.countsFor().addTo(firstSeen, PostTimes.CHINA));
    }

    /** The warning became a breach (or a breach was confirmed again) at {@code at}. */
    public Finding breached(Instant at, String newDetail, Evidence newEvidence) {
        return new Finding(id, ruleId, kind, Stage.BREACH, title, targetId, targetName, scoredId, ownerUnit, region, veto, points,
                newDetail == null ? detail : newDetail, newEvidence == null ? evidence : newEvidence, firstSeen, later(lastSeen, at), null);
    }

    /** Seen again at {@code at}, unchanged otherwise. */
    public Finding seenAgain(Instant at) {
        return new Finding(id, ruleId, kind, stage, title, targetId, targetName, scoredId, ownerUnit, region, veto, points, detail,
                evidence, firstSeen, later(lastSeen, at), resolvedAt);
    }

    /** The problem ended at {@code at}. */
    public Finding resolved(Instant at, String newDetail) {
        return new Finding(id, ruleId, kind, stage, title, targetId, targetName, scoredId, ownerUnit, region, veto, points,
                newDetail == null ? detail : newDetail, evidence, firstSeen, later(lastSeen, at), at);
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    /**
     * The alert for handlers. Open findings use {@code inspection:<finding id>}: a warning is yellow
     * (orange when the rule vetoes on its own) and its breach the same id one level up, red for a
     * veto item, so the alert escalates and handlers are told again. A resolved finding gets its
     * own id {@code inspection:<finding id>:resolved} at blue: under the open alert's id the lower
     * level would be merged away (alerts keep their highest level), and a recovery is news for the
     * daily digest, not a page. Findings of a kind that is not scored ({@link FindingKind#SOURCE_NOT_READ})
     * are {@link AlertType#SOURCE_HEALTH} alerts, {@code source-health:<finding id>}, for the operators.
     */
    public Alert toAlert() {
        // Operators' findings (a source not read) go out under their own type, for routes to the operators.
        AlertType type = kind.scored() ? AlertType.INSPECTION : AlertType.SOURCE_HEALTH;
        String where = targetName == null ? targetId : targetName;
        String unit = ownerUnit == null ? "" : "责任单位：" + ownerUnit + "。";
        Alert.Evidence ev = new Alert.Evidence(evidence.postIds(), evidence.urls(), evidence.terms());
        if (resolvedAt != null) {
            return new Alert(type.code() + ":" + id + ":resolved", type, AlertLevel.BLUE,
                    (kind.scored() ? "巡检问题已消除：" : "数据源已恢复读取：") + title + "（" + where + "）", sentence(detail) + unit, ev, region, targetId,
                    firstSeen, resolvedAt, 1);
        }
        AlertLevel level = stage == Stage.WARNING
                ? (veto ? AlertLevel.ORANGE : AlertLevel.YELLOW)
                : (veto ? AlertLevel.RED : AlertLevel.ORANGE);
        String prefix = !kind.scored() ? "数据源告警：" : stage == Stage.WARNING ? "巡检预警：" : veto ? "巡检告警（单项否决）：" : "巡检告警：";
        String excerpt = evidence.excerpt() == null ? "" : "摘录：" + evidence.excerpt();
        return new Alert(type.code() + ":" + id, type, level, prefix + title + "（" + where + "）",
                sentence(detail) + unit + excerpt, ev, region, targetId, firstSeen, lastSeen, 1);
    }

    private static String sentence(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        return s.endsWith("。") ? s : s + "。";
    }
}
