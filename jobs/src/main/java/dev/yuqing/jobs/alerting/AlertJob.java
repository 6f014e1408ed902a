package dev.yuqing.jobs.alerting;

import dev.yuqing.jobs.Jobs;
import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alerting.AlertAggregator;
import dev.yuqing.core.alerting.ChannelKind;
import dev.yuqing.core.alerting.Notification;
import dev.yuqing.core.alerting.RoutingRules;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.jobs.JobOptions;
import dev.yuqing.jobs.elasticsearch.Document;
import dev.yuqing.jobs.elasticsearch.ElasticsearchSink;
import dev.yuqing.jobs.enrich.DeadLetterHandler;
import dev.yuqing.jobs.kafka.KafkaTopics;
import dev.yuqing.jobs.kafka.RawRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * alerts → parse (unreadable → dead letters) → one open alert per id (escalation, quiet period,
 * daily digest) → routing → per channel: webhooks, robots and e-mail by async I/O with retries
 * (given up → dead letters, stage {@code alert-delivery}), or the {@code alerts.out} topic. Every
 * alert and each delivery's outcome are written to the alerts index. The job takes its source and
 * sinks, so tests run the same topology on other ends; {@link #main} only wires.
 */
public final class AlertJob {
    public static final String NAME = "yuqing-alerting";

    private final Source<RawRecord, ?, ?> source;
    private final Sink<Document> index;
    private final Sink<Alert> out;
    private final Sink<DeadLetter> deadLetters;
    private final AlertAggregator aggregator;
    private final Duration stateTtl;
    private final Duration digestWindow;
    private final RoutingRules routing;
    private final DeliverySettings delivery;
    private final int asyncCapacity;
    private final String indexName;

    public AlertJob(Source<RawRecord, ?, ?> source, Sink<Document> index, Sink<Alert> out, Sink<DeadLetter> deadLetters,
                    AlertAggregator aggregator, Duration stateTtl, Duration digestWindow, RoutingRules routing,
                    DeliverySettings delivery, int asyncCapacity, String indexName) {
        this.source = source;
        this.index = index;
        this.out = out;
        this.deadLetters = deadLetters;
        this.aggregator = aggregator;
        this.stateTtl = stateTtl;
        this.digestWindow = digestWindow;
        this.routing = routing;
        this.delivery = delivery;
        this.asyncCapacity = asyncCapacity;
        this.indexName = indexName;
    }

    /** Adds the topology to {@code env}. */
    public void build(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<Alert> alerts = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "alerts").uid("alert-alerts-source")
                .process(new ParseAlert()).name("parse alerts").uid("alert-parse-alerts");

        SingleOutputStreamOperator<Notification> notifications = alerts
                .keyBy(Alert::id, Types.STRING)
                .process(new AggregateAlerts(aggregator, stateTtl)).name("aggregate alerts").uid("alert-aggregate-alerts");

        DataStream<Delivery> deliveries = notifications
                .flatMap(new RouteNotifications(routing)).name("route").uid("alert-route")
                .keyBy(Delivery::channel, Types.STRING)
                .process(new CollectDigest(digestWindow)).name("collect daily digest").uid("alert-collect-digest");

        RoutingRules r = routing;
        deliveries.filter(d -> r.channel(d.channel()).kind() == ChannelKind.KAFKA).name("kafka channels").uid("alert-kafka-channels")
                .flatMap((Delivery d, org.apache.flink.util.Collector<Alert> c) -> d.notification().alerts().forEach(c::collect))
                .returns(TypeInformation.of(Alert.class)).name("notified alerts").uid("alert-notified-alerts")
                .sinkTo(out).name("alerts.out").uid("alert-alerts-out-sink");

        DeliverAlerts deliver = new DeliverAlerts(routing, delivery);
        DataStream<DeliveryResult> results = AsyncDataStream.unorderedWait(
                deliveries.filter(d -> r.channel(d.channel()).kind() != ChannelKind.KAFKA).name("delivered channels").uid("alert-delivered-channels"),
                deliver, deliver.timeoutMillis(), TimeUnit.MILLISECONDS, asyncCapacity).name("deliver").uid("alert-deliver");

        results.filter(res -> !res.delivered()).name("failed deliveries").uid("alert-failed-deliveries")
                .map(AlertJob::deadLetter).name("delivery dead letters").uid("alert-delivery-dead-letters")
                .union(alerts.getSideOutput(ParseAlert.DEAD_LETTERS))
                .sinkTo(deadLetters).name("dead letters").uid("alert-dead-letter-sink");

        String indexName = this.indexName;
        DataStream<Document> alertDocs = notifications.getSideOutput(AggregateAlerts.UPDATES)
                .map(a -> new AlertDocuments(indexName).alert(a, Instant.now())).name("alert documents").uid("alert-alert-docs");
        DataStream<Document> deliveryDocs = results
                .flatMap((DeliveryResult res, org.apache.flink.util.Collector<Document> c) -> new AlertDocuments(indexName).delivery(res).forEach(c::collect))
                .returns(TypeInformation.of(Document.class)).name("delivery documents").uid("alert-delivery-docs");
        alertDocs.union(deliveryDocs).sinkTo(index).name("elasticsearch").uid("alert-alerts-es-sink");
    }

    /** A delivery given up on, kept with the notification so it can be sent again by hand. */
    static DeadLetter deadLetter(DeliveryResult r) {
        byte[] raw = dev.yuqing.core.alerting.ChannelMessages.webhookBody(r.notification());
        return DeadLetter.of("alert-delivery", "channel", "delivery to channel " + r.channel() + " failed after " + r.attempts()
                + " attempts: " + r.error(), "channel/" + r.channel(), String.join(",", r.notification().alertIds()), raw, r.at());
    }

    /** The job on Kafka and Elasticsearch as configured; channel URLs and secrets come from the environment. */
    public static AlertJob fromConfig(Config c) {
        String bootstrap = c.get(JobOptions.KAFKA_BOOTSTRAP);
        KafkaTopics.SinkSettings sink = JobOptions.sinkSettings(c, c.get(AlertOptions.GROUP_ID));
        String dlq = c.get(AlertOptions.DLQ_TOPIC);
        ElasticsearchSink<Document> es = ElasticsearchSink.<Document>builder()
                .connection(JobOptions.esConnection(c))
                .mapper(d -> d)
                .settings(JobOptions.bulkSettings(c))
                .failureHandler(new DeadLetterHandler(bootstrap, dlq))
                .build();
        return new AlertJob(
                KafkaTopics.rawSource(bootstrap, c.get(AlertOptions.INPUT_TOPIC), c.get(AlertOptions.GROUP_ID)),
                es,
                KafkaTopics.jsonSink(sink, c.get(AlertOptions.OUTPUT_TOPIC), Alert::id, Alert::toJson),
                KafkaTopics.jsonSink(sink, dlq, DeadLetter::key, DeadLetter::toJson),
                AlertOptions.aggregator(c), c.get(AlertOptions.STATE_TTL), c.get(AlertOptions.DIGEST_WINDOW),
                AlertOptions.routing(c, System.getenv()), AlertOptions.delivery(c), c.get(AlertOptions.ASYNC_CAPACITY),
                c.get(AlertOptions.INDEX));
    }

    public static void main(String[] args) throws Exception {
        Jobs.run(AlertOptions.DEF, args, NAME, c -> fromConfig(c)::build);
    }
}
