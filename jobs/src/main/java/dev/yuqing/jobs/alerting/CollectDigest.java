package dev.yuqing.jobs.alerting;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alerting.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by channel: gathers the digest entries that every alert's digest timer releases at the
 * digest time, and after {@code window} sends them as one digest message, so a channel gets one
 * message a day rather than one per low-level alert.
 */
public final class CollectDigest extends KeyedProcessFunction<String, Delivery, Delivery> {
    private static final long serialVersionUID = 1L;

    private final Duration window;
    private transient ListState<Alert> entries;
    private transient ValueState<Long> sendAt;

    public CollectDigest(Duration window) {
        this.window = window;
    }

    @Override
    public void open(OpenContext openContext) {
        entries = getRuntimeContext().getListState(new ListStateDescriptor<>("digest", TypeInformation.of(Alert.class)));
        sendAt = getRuntimeContext().getState(new ValueStateDescriptor<>("digest-send-at", Types.LONG));
    }

    @Override
    public void processElement(Delivery d, Context ctx, Collector<Delivery> out) throws Exception {
        if (d.notification().reason() != Notification.Reason.DIGEST) {
            out.collect(d); // not a digest entry: straight through
            return;
        }
        for (Alert a : d.notification().alerts()) {
            entries.add(a);
        }
        if (sendAt.value() == null) {
            long at = ctx.timerService().currentProcessingTime() + window.toMillis();
            sendAt.update(at);
            ctx.timerService().registerProcessingTimeTimer(at);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Delivery> out) throws Exception {
        List<Alert> alerts = new ArrayList<>();
        entries.get().forEach(alerts::add);
        entries.clear();
        sendAt.clear();
        if (!alerts.isEmpty()) {
            out.collect(new Delivery(ctx.getCurrentKey(), new Notification(Notification.Reason.DIGEST, alerts, Instant.ofEpochMilli(timestamp))));
        }
    }
}
