package dev.yuqing.jobs.trend;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Adds up a term's slide counts in a window, keeping one number per window instead of the posts. */
public final class CountTerms implements AggregateFunction<SlideTermCount, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
        return 0L;
    }

    @Override
    public Long add(SlideTermCount slide, Long count) {
        return count + slide.count();
    }

    @Override
    public Long getResult(Long count) {
        return count;
    }

    @Override
    public Long merge(Long a, Long b) {
        return a + b;
    }
}
