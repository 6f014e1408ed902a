package dev.yuqing.jobs.trend;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Labels a window's count with its term and bounds. */
public final class TermWindowCount extends ProcessWindowFunction<Long, TermCount, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(String term, Context ctx, Iterable<Long> counts, Collector<TermCount> out) {
        for (Long c : counts) {
            out.collect(new TermCount(term, ctx.window().getStart(), ctx.window().getEnd(), c));
        }
    }
}
