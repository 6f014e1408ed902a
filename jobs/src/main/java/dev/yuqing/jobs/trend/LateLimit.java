package dev.yuqing.jobs.trend;

import java.io.Serializable;
import java.time.Duration;

/**
 * How far behind the watermark a late record may still count, as if published when it came
 * ({@code trend.late.limit}); one further behind is left out, as it would pile a backlog into one
 * window. The trend operators judge lateness each by their own clock and share this bound.
 */
record LateLimit(long millis) implements Serializable {
    LateLimit {
        if (millis < 0) {
            throw new IllegalArgumentException("the late limit must not be negative, was " + millis + " ms");
        }
    }

    static LateLimit of(Duration limit) {
        if (limit == null) {
            throw new IllegalArgumentException("the late limit must be given");
        }
        return new LateLimit(limit.toMillis());
    }

    /** True when a record of {@code timestamp} lies beyond the limit behind {@code watermark}. */
    boolean exceededBy(long watermark, long timestamp) {
        return watermark - timestamp > millis;
    }
}
