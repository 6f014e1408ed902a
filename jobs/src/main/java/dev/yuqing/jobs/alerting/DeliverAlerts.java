package dev.yuqing.jobs.alerting;

import dev.yuqing.core.alerting.RoutingRules;
import java.time.Clock;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Flink async I/O over {@link Deliverer}: many deliveries in flight without blocking the task.
 * Retries happen inside, so the operator's timeout is set above the longest delivery
 * ({@link DeliverySettings#longestDelivery()}); should it still expire, the delivery counts as failed.
 */
public final class DeliverAlerts extends RichAsyncFunction<Delivery, DeliveryResult> {
    private static final long serialVersionUID = 1L;

    private final RoutingRules routing;
    private final DeliverySettings settings;
    private transient Deliverer deliverer;
    private transient Counter delivered;
    private transient Counter failed;

    public DeliverAlerts(RoutingRules routing, DeliverySettings settings) {
        this.routing = routing;
        this.settings = settings;
    }

    /** The timeout to give {@code AsyncDataStream.unorderedWait}. */
    public long timeoutMillis() {
        return settings.longestDelivery().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        deliverer = new Deliverer(routing, settings, Clock.systemUTC());
        delivered = getRuntimeContext().getMetricGroup().counter("alertsDelivered");
        failed = getRuntimeContext().getMetricGroup().counter("alertDeliveriesFailed");
    }

    @Override
    public void asyncInvoke(Delivery d, ResultFuture<DeliveryResult> out) {
        deliverer.deliver(d).whenComplete((r, error) -> {
            if (error != null) {
                out.completeExceptionally(error); // a bug, not a channel failure: fail the job
                return;
            }
            (r.delivered() ? delivered : failed).inc();
            out.complete(List.of(r));
        });
    }

    @Override
    public void timeout(Delivery d, ResultFuture<DeliveryResult> out) {
        failed.inc();
        out.complete(List.of(new DeliveryResult(d.channel(), d.notification(), false, 0, "timed out in the async operator",
                java.time.Instant.now())));
    }

    @Override
    public void close() {
        if (deliverer != null) {
            deliverer.close();
        }
    }
}
