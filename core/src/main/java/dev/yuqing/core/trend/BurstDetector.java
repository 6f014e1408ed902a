package dev.yuqing.core.trend;

import java.io.Serializable;

/**
 * Scores a term's count in a window against its baseline. The rise is how many (floored) standard
 * deviations the count lies above the baseline mean; the acceleration is how much the rise grew
 * since the previous window. Score = rise + accelerationWeight × max(0, acceleration): a term that
 * climbs fast scores higher than one that has been high for a while, which is the early warning
 * monitoring staff want; a steady high level decays to a score near zero as the baseline catches up.
 */
public final class BurstDetector implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The verdict on one window and the baseline that includes it. */
    public record Result(double rise, double acceleration, double score, boolean burst, TermBaseline next) {}

    private final BurstSettings settings;

    public BurstDetector(BurstSettings settings) {
        this.settings = settings;
    }

    public BurstSettings settings() {
        return settings;
    }

    public Result score(TermBaseline before, long count) {
        double std = Math.max(Math.sqrt(before.variance()), settings.minStdDev());
        double rise = (count - before.mean()) / std;
        double acceleration = rise - before.lastRise();
        double score = rise + settings.accelerationWeight() * Math.max(0, acceleration);
        boolean burst = count >= settings.minCount() && score >= settings.threshold();
        return new Result(rise, acceleration, score, burst, before.next(count, rise, settings.alpha()));
    }

    /** The baseline after {@code n} windows in which the term did not occur. */
    public TermBaseline quiet(TermBaseline before, long n) {
        TermBaseline b = before;
        for (long i = 0; i < n; i++) {
            double std = Math.max(Math.sqrt(b.variance()), settings.minStdDev());
            b = b.next(0, -b.mean() / std, settings.alpha());
        }
        return b;
    }
}
