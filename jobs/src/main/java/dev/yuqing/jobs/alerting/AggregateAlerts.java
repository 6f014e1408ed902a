package dev.yuqing.jobs.alerting;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alerting.AlertAggregator;
import dev.yuqing.core.alerting.AlertState;
import dev.yuqing.core.alerting.Notification;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by alert id: keeps the one open alert of each id ({@link AlertAggregator}) and emits the
 * notifications it decides on, with processing-time timers for the end of a quiet period and for
 * the daily digest. Every updated alert also goes to the {@link #UPDATES} side output, for the
 * index. State lives {@code ttl} after the last finding.
 */
public final class AggregateAlerts extends KeyedProcessFunction<String, Alert, Notification> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<Alert> UPDATES = new OutputTag<>("alert-updates") {};

    private final AlertAggregator aggregator;
    private final Duration ttl;
    private transient ValueState<AlertState> state;

    public AggregateAlerts(AlertAggregator aggregator, Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("alert state TTL must be positive, was " + ttl);
        }
        this.aggregator = aggregator;
        this.ttl = ttl;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<AlertState> descriptor = new ValueStateDescriptor<>("alert", TypeInformation.of(AlertState.class));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        state = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(Alert alert, Context ctx, Collector<Notification> out) throws Exception {
        Instant now = Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
        AlertAggregator.Decision d = aggregator.onAlert(state.value(), alert, now);
        ctx.output(UPDATES, d.state().alert());
        apply(d, ctx.timerService(), out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Notification> out) throws Exception {
        AlertState s = state.value();
        if (s == null) {
            return; // expired
        }
        apply(aggregator.onTimer(s, Instant.ofEpochMilli(timestamp)), ctx.timerService(), out);
    }

    private void apply(AlertAggregator.Decision d, org.apache.flink.streaming.api.TimerService timers, Collector<Notification> out)
            throws java.io.IOException {
        state.update(d.state());
        if (d.timerAt() != null) {
            timers.registerProcessingTimeTimer(d.timerAt().toEpochMilli()); // same time twice is one timer
        }
        if (d.notification() != null) {
            out.collect(d.notification());
        }
    }
}
