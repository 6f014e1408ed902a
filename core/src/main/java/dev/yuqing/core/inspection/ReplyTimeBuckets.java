package dev.yuqing.core.inspection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reply times in working days, in the buckets that the units' reply statistics (index field
 * {@code byWorkingDays}) and the quality report count them by: one a day up to the national
 * indicator's 5 working days, then wider ones. Labels are safe as field names.
 */
public final class ReplyTimeBuckets {
    public static final List<String> LABELS = List.of("0", "1", "2", "3", "4", "5", "6-10", "11-20", "21-60", "over-60");

    private ReplyTimeBuckets() {}

    /** The bucket of a reply after {@code workingDays} (a negative count, a reply before its message, is day 0). */
    public static String of(int workingDays) {
        if (workingDays <= 5) {
            return Integer.toString(Math.max(0, workingDays));
        }
        return workingDays <= 10 ? "6-10" : workingDays <= 20 ? "11-20" : workingDays <= 60 ? "21-60" : "over-60";
    }

    /** Every bucket at zero, in order. */
    public static Map<String, Long> empty() {
        Map<String, Long> m = new LinkedHashMap<>();
        LABELS.forEach(b -> m.put(b, 0L));
        return m;
    }
}
