package dev.yuqing.jobs.trend;

import java.io.Serializable;
import java.time.Duration;

/**
 * How {@link ClusterEvents} keeps events.
 *
 * @param idle      an event without a new post for this long (event time) is closed
 * @param maxOpen   events open at most; the ones idle longest are closed first
 * @param lookahead how long (event time) a post waits after its first window closes, so that
 *                  bursts of the windows ending meanwhile can gather it too; zero places it as soon
 *                  as that window closes. A multiple of the window slide.
 */
public record EventSettings(Duration idle, int maxOpen, Duration lookahead) implements Serializable {
    public EventSettings {
        if (idle == null || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("event idle time must be positive, was " + idle);
        }
        if (maxOpen < 1) {
            throw new IllegalArgumentException("maxOpen must be at least 1, was " + maxOpen);
        }
        if (lookahead == null || lookahead.isNegative()) {
            throw new IllegalArgumentException("event look-ahead must not be negative, was " + lookahead);
        }
    }

    /** Throws unless the look-ahead is a whole number of the windows' slides. */
    EventSettings checkAgainst(TrendWindows windows) {
        if (lookahead.toMillis() % windows.slide().toMillis() != 0) {
            throw new IllegalArgumentException("event look-ahead " + lookahead + " must be a multiple of the window slide " + windows.slide());
        }
        return this;
    }
}
