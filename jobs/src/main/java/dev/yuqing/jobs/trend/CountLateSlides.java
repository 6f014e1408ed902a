package dev.yuqing.jobs.trend;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts the keywords of slide counts the term windows had already closed for
 * ({@code keywordsLateForWindows}). {@link HeavyTermsPerSlide} judges lateness by its own source
 * subtask's watermark, the windows by the lowest of all: a partition that resumes after a minute
 * idle sends counts behind the other partitions, which the windows cannot take. They are counted
 * here instead of vanishing.
 */
final class CountLateSlides extends ProcessFunction<SlideTermCount, Void> {
    private static final long serialVersionUID = 1L;

    private transient Counter late;

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().counter("keywordsLateForWindows");
    }

    @Override
    public void processElement(SlideTermCount count, Context ctx, Collector<Void> out) {
        late.inc(count.count());
    }
}
