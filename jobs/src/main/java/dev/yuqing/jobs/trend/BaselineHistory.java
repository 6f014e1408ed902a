package dev.yuqing.jobs.trend;

import dev.yuqing.core.trend.TermBaseline;
import java.util.ArrayList;
import java.util.List;

/**
 * A term's baseline after each recent window, so that a window can be scored against the baseline
 * as it stood one window length earlier: sliding windows overlap, and a baseline that already
 * holds most of the current window's posts hides a steady climb (a wave growing over an hour
 * never looks sudden from one slide to the next). Holds at most one window length of entries.
 *
 * @param ends      window ends, oldest first
 * @param baselines the baseline after the window ending at the same position
 */
public record BaselineHistory(List<Long> ends, List<TermBaseline> baselines) {
    public static final BaselineHistory EMPTY = new BaselineHistory(List.of(), List.of());

    public BaselineHistory {
        ends = new ArrayList<>(ends); // mutable copies: Flink's Kryo fallback copies lists by adding
        baselines = new ArrayList<>(baselines);
    }

    /** The latest baseline, after the most recent window. */
    public TermBaseline latest() {
        return baselines.isEmpty() ? TermBaseline.EMPTY : baselines.get(baselines.size() - 1);
    }

    /** The baseline as it stood at {@code time}: after the last window ending at or before it. */
    public TermBaseline asOf(long time) {
        TermBaseline b = TermBaseline.EMPTY;
        for (int i = 0; i < ends.size() && ends.get(i) <= time; i++) {
            b = baselines.get(i);
        }
        return b;
    }

    /** End of the window {@link #asOf(long)} takes its baseline from, or null when there is none. */
    public Long endAsOf(long time) {
        Long end = null;
        for (int i = 0; i < ends.size() && ends.get(i) <= time; i++) {
            end = ends.get(i);
        }
        return end;
    }

    /** With the baseline after the window ending at {@code end}, dropping what {@code keep} no longer needs. */
    public BaselineHistory with(long end, TermBaseline baseline, long keep) {
        List<Long> e = new ArrayList<>(ends);
        List<TermBaseline> b = new ArrayList<>(baselines);
        e.add(end);
        b.add(baseline);
        // Keep the newest entry at or before end - keep (the one asOf will need), and all after it.
        int anchor = -1;
        for (int i = 0; i < e.size(); i++) {
            if (e.get(i) <= end - keep) {
                anchor = i;
            }
        }
        int from = Math.max(0, anchor);
        return new BaselineHistory(e.subList(from, e.size()), b.subList(from, b.size()));
    }
}
