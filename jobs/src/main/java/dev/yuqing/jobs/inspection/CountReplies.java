package dev.yuqing.jobs.inspection;

import dev.yuqing.core.inspection.ReplyTimeBuckets;
import java.io.Serializable;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by owner unit: reply-time statistics over the unit's answered messages, emitted after each
 * answer. The state is a fixed histogram of working days (0 to {@value #MAX_DAYS}, then one
 * overflow bin), so it does not grow with the number of messages and still gives the median.
 * Answers whose deadline or working days were estimated past the working calendar's end count
 * like the others, and how many they are is kept beside (in its own state, so that the tally of
 * savepoints taken before keeps its shape).
 */
public final class CountReplies extends KeyedProcessFunction<String, MessageStatus, UnitReplyStats> {
    private static final long serialVersionUID = 1L;
    static final int MAX_DAYS = 250;

    /** Running totals of one unit. */
    public static final class Tally implements Serializable {
        private static final long serialVersionUID = 1L;
        long answered;
        long onTime;
        long sumDays;
        long[] histogram = new long[MAX_DAYS + 2];
    }

    private transient ValueState<Tally> tally;
    private transient ValueState<Long> estimated;

    @Override
    public void open(OpenContext openContext) {
        tally = getRuntimeContext().getState(new ValueStateDescriptor<>("replyTally", TypeInformation.of(Tally.class)));
        estimated = getRuntimeContext().getState(new ValueStateDescriptor<>("estimatedReplies", Types.LONG));
    }

    @Override
    public void processElement(MessageStatus s, Context ctx, Collector<UnitReplyStats> out) throws Exception {
        if (s.state() != MessageStatus.State.ANSWERED || s.workingDays() == null) {
            return; // open, overdue, unanswered; or asked before the calendar's first year: no working days to count
        }
        Tally t = tally.value();
        if (t == null) {
            t = new Tally();
        }
        int days = Math.max(0, s.workingDays());
        t.answered++;
        if (Boolean.TRUE.equals(s.onTime())) {
            t.onTime++;
        }
        t.sumDays += days;
        t.histogram[Math.min(days, MAX_DAYS + 1)]++;
        tally.update(t);
        long guessed = estimated.value() == null ? 0 : estimated.value();
        if (s.estimated()) {
            guessed++;
            estimated.update(guessed);
        }
        out.collect(new UnitReplyStats(ctx.getCurrentKey(), t.answered, t.onTime, (double) t.onTime / t.answered,
                (double) t.sumDays / t.answered, median(t), buckets(t), guessed, s.at() != null ? s.at() : s.repliedAt()));
    }

    /** The lower median; {@value #MAX_DAYS}+1 stands for "more than {@value #MAX_DAYS}". */
    static int median(Tally t) {
        long half = (t.answered + 1) / 2;
        long seen = 0;
        for (int d = 0; d < t.histogram.length; d++) {
            seen += t.histogram[d];
            if (seen >= half) {
                return d;
            }
        }
        return t.histogram.length - 1;
    }

    static Map<String, Long> buckets(Tally t) {
        Map<String, Long> m = ReplyTimeBuckets.empty();
        for (int d = 0; d < t.histogram.length; d++) {
            m.merge(ReplyTimeBuckets.of(d), t.histogram[d], Long::sum);
        }
        return m;
    }
}
