package dev.yuqing.core.inspection;

import dev.yuqing.core.post.PostTimes;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * How long one target may stay silent, and the rule it breaks when it does.
 *
 * @param limit        silence allowed after the last publication
 * @param warnBefore   how long before the limit to warn
 * @param ruleId       the rule a breach raises
 * @param fromRegistry whether the limit is the target's own period rather than its type's default
 */
public record Freshness(String targetId, Span limit, Span warnBefore, String ruleId, boolean fromRegistry) implements Serializable {

    /** When the target becomes stale if nothing appears after {@code lastUpdate}. */
    public Instant staleAt(Instant lastUpdate) {
        return limit.addTo(lastUpdate, PostTimes.CHINA);
    }

    /** When to warn, or empty when the lead is as long as the limit itself (a warning at once is noise). */
    public Optional<Instant> warnAt(Instant lastUpdate) {
        if (warnBefore == null) {
            return Optional.empty();
        }
        Instant warn = warnBefore.subtractFrom(staleAt(lastUpdate), PostTimes.CHINA);
        return warn.isAfter(lastUpdate) ? Optional.of(warn) : Optional.empty();
    }
}
