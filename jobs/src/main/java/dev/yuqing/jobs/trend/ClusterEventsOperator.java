package dev.yuqing.jobs.trend;

import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.trend.Event;
import dev.yuqing.core.trend.Trend;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Runs {@link ClusterEvents} with the trends input always in its event time. Flink leaves an idle
 * input out of a two-input operator's watermark. After a quiet spell both inputs are idle, and
 * when posts come again the posts input, one hop from the source, is active before the trends
 * input, three hops away: for that moment the posts' watermark alone would release posts before the
 * bursts of their windows arrive. The trends input is never idle on its own (its watermark is the
 * same source's, carried through the windows), so ignoring its idleness costs nothing: while the
 * source is idle, the posts input is idle too and nothing is due.
 */
final class ClusterEventsOperator extends KeyedCoProcessOperator<String, EnrichedPost, Trend, Event> {
    private static final long serialVersionUID = 1L;
    /** Index of the trends input in {@link #processWatermarkStatus(WatermarkStatus, int)}. */
    private static final int TRENDS = 1;

    ClusterEventsOperator(ClusterEvents function) {
        super(function);
    }

    @Override
    protected void processWatermarkStatus(WatermarkStatus status, int index) throws Exception {
        if (index == TRENDS && status.isIdle()) {
            return;
        }
        super.processWatermarkStatus(status, index);
    }
}
