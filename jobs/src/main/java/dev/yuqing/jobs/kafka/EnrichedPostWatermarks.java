package dev.yuqing.jobs.kafka;

import dev.yuqing.core.post.EnrichedPost;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** Event time of the jobs that read posts.enriched (trend, inspection): the published time. */
public final class EnrichedPostWatermarks {
    private EnrichedPostWatermarks() {}

    /**
     * A post may be {@code outOfOrderness} late. A partition without records for {@code idleTimeout}
     * stops holding the watermark back, or one quiet partition would stall every window; but while
     * the upstream job is down every partition is quiet, and the first to come back would then
     * carry the watermark past the others' waiting posts, which arrive late. An outage shorter
     * than the timeout changes nothing.
     */
    public static WatermarkStrategy<EnrichedPost> of(Duration outOfOrderness, Duration idleTimeout) {
        return WatermarkStrategy.<EnrichedPost>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner((p, previous) -> p.post().publishedAt().toEpochMilli())
                .withIdleness(idleTimeout);
    }
}
