package dev.yuqing.jobs.trend;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Counts a term's occurrences in a window, keeping one number per window instead of the posts. */
public final class CountTerms implements AggregateFunction<String, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
        return 0L;
    }

    @Override
    public Long add(String term, Long count) {
        return count + 1;
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
