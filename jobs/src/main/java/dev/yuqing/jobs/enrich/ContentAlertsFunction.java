package dev.yuqing.jobs.enrich;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.ContentAlerts;
import dev.yuqing.core.post.EnrichedPost;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** The alerts a post raises by its content (harmful information, and later personal data and classified markings). */
public final class ContentAlertsFunction implements FlatMapFunction<EnrichedPost, Alert> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(EnrichedPost post, Collector<Alert> out) {
        ContentAlerts.of(post).forEach(out::collect);
    }
}
