package dev.yuqing.core.alerting;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps one open alert per id and decides when handlers hear of it: at once on first sight and
 * on escalation; again after a quiet period if more findings arrived meanwhile, so a busy alert
 * does not page every minute; and low levels only in the daily digest. Pure logic over
 * {@link AlertState}, so a Flink operator only stores the state and sets the timers it asks for.
 */
public final class AlertAggregator implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Evidence lists stop growing here: the handler needs examples, not every post. */
    static final int MAX_EVIDENCE = 20;

    private final Duration quietPeriod;
    private final Set<AlertLevel> digestLevels;
    private final LocalTime digestTime;
    private final ZoneId zone;

    /**
     * @param quietPeriod  least time between two immediate notifications of the same level
     * @param digestLevels levels that go to the daily digest instead of out at once
     * @param digestTime   local time of the daily digest in {@code zone}
     */
    public AlertAggregator(Duration quietPeriod, Set<AlertLevel> digestLevels, LocalTime digestTime, ZoneId zone) {
        if (quietPeriod == null || quietPeriod.isNegative()) {
            throw new IllegalArgumentException("quiet period must not be negative, was " + quietPeriod);
        }
        this.quietPeriod = quietPeriod;
        this.digestLevels = digestLevels.isEmpty() ? EnumSet.noneOf(AlertLevel.class) : EnumSet.copyOf(digestLevels);
        this.digestTime = Objects.requireNonNull(digestTime, "digestTime");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * The outcome of one event.
     *
     * @param state    the state to store
     * @param notification the notification to send now, or null
     * @param timerAt  when the operator must call back ({@link #onTimer}), or null
     */
    public record Decision(AlertState state, Notification notification, Instant timerAt) {}

    /** A finding arrived; {@code prior} is null when the id is new. */
    public Decision onAlert(AlertState prior, Alert incoming, Instant now) {
        Alert merged = prior == null ? incoming : merge(prior.alert(), incoming);
        if (digestLevels.contains(merged.level())) {
            Instant digestAt = prior != null && prior.digestAt() != null ? prior.digestAt() : nextDigest(now);
            AlertLevel notifiedLevel = prior == null ? null : prior.notifiedLevel();
            Instant notifiedAt = prior == null ? null : prior.notifiedAt();
            long notifiedCount = prior == null ? 0 : prior.notifiedCount();
            return new Decision(new AlertState(merged, notifiedLevel, notifiedAt, notifiedCount, digestAt), null, digestAt);
        }
        Notification.Reason reason;
        if (prior == null) {
            reason = Notification.Reason.NEW;
        } else if (prior.notifiedLevel() == null || merged.level().compareTo(prior.notifiedLevel()) > 0) {
            reason = Notification.Reason.ESCALATED;
        } else if (!now.isBefore(prior.notifiedAt().plus(quietPeriod))) {
            reason = Notification.Reason.REMINDER;
        } else {
            // Within the quiet period: remember, and look again when it ends.
            Instant recheck = prior.notifiedAt().plus(quietPeriod);
            return new Decision(new AlertState(merged, prior.notifiedLevel(), prior.notifiedAt(), prior.notifiedCount(), prior.digestAt()),
                    null, recheck);
        }
        return notified(merged, reason, now);
    }

    /**
     * A timer the operator set has fired: sends the digest entry when due, and the reminder for
     * findings held back by the quiet period once it is over.
     */
    public Decision onTimer(AlertState s, Instant now) {
        if (s == null) {
            return new Decision(null, null, null);
        }
        if (s.digestAt() != null && !now.isBefore(s.digestAt())) {
            // The alert may have escalated since: then handlers already heard of it at once.
            AlertState next = new AlertState(s.alert(), s.notifiedLevel(), s.notifiedAt(), s.notifiedCount(), null);
            boolean stillLow = digestLevels.contains(s.alert().level());
            return new Decision(next, stillLow ? Notification.of(Notification.Reason.DIGEST, s.alert(), now) : null, null);
        }
        if (s.notifiedAt() != null && !digestLevels.contains(s.alert().level()) && s.alert().count() > s.notifiedCount()) {
            Instant due = s.notifiedAt().plus(quietPeriod);
            if (now.isBefore(due)) {
                return new Decision(s, null, due);
            }
            return notified(s.alert(), Notification.Reason.REMINDER, now);
        }
        return new Decision(s, null, null);
    }

    private static Decision notified(Alert merged, Notification.Reason reason, Instant now) {
        return new Decision(new AlertState(merged, merged.level(), now, merged.count(), null), Notification.of(reason, merged, now), null);
    }

    /** The next daily digest strictly after {@code now}. */
    public Instant nextDigest(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = local.toLocalDate().atTime(digestTime).atZone(zone);
        return (today.isAfter(local) ? today : today.plusDays(1)).toInstant();
    }

    /**
     * The same finding again: highest level, counts added, first and last seen widened, evidence
     * joined; the wording follows the finding of the higher level.
     */
    static Alert merge(Alert prior, Alert incoming) {
        boolean newer = incoming.level().compareTo(prior.level()) >= 0;
        Alert lead = newer ? incoming : prior;
        AlertLevel level = newer ? incoming.level() : prior.level();
        Alert.Evidence evidence = new Alert.Evidence(
                union(ev(prior).postIds(), ev(incoming).postIds()),
                union(ev(prior).urls(), ev(incoming).urls()),
                union(ev(prior).terms(), ev(incoming).terms()));
        return new Alert(prior.id(), prior.type(), level, lead.title(), lead.summary(), evidence,
                incoming.region() != null ? incoming.region() : prior.region(),
                incoming.account() != null ? incoming.account() : prior.account(),
                earliest(prior.firstSeen(), incoming.firstSeen()), latest(prior.lastSeen(), incoming.lastSeen()),
                prior.count() + Math.max(1, incoming.count()));
    }

    private static Alert.Evidence ev(Alert a) {
        return a.evidence() == null ? new Alert.Evidence(List.of(), List.of(), List.of()) : a.evidence();
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all).subList(0, Math.min(all.size(), MAX_EVIDENCE));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
