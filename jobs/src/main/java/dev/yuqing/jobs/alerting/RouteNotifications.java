package dev.yuqing.jobs.alerting;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alerting.Notification;
import dev.yuqing.core.alerting.RoutingRules;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** One delivery per channel the routing rules give the notification's alert. */
public final class RouteNotifications implements FlatMapFunction<Notification, Delivery> {
    private static final long serialVersionUID = 1L;

    private final RoutingRules routing;

    public RouteNotifications(RoutingRules routing) {
        this.routing = routing;
    }

    @Override
    public void flatMap(Notification n, Collector<Delivery> out) {
        // Notifications from the aggregator carry one alert; digests are put together per channel later.
        for (Alert a : n.alerts()) {
            Notification single = n.alerts().size() == 1 ? n : Notification.of(n.reason(), a, n.at());
            for (String channel : routing.route(a)) {
                out.collect(new Delivery(channel, single));
            }
        }
    }
}
