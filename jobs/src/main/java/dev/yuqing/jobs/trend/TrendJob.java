package dev.yuqing.jobs.trend;

import dev.yuqing.jobs.Jobs;
import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.jobs.kafka.EnrichedPostWatermarks;
import dev.yuqing.core.trend.BurstSettings;
import dev.yuqing.core.trend.Event;
import dev.yuqing.core.trend.Trend;
import dev.yuqing.core.trend.WarningLevels;
import dev.yuqing.jobs.JobOptions;
import dev.yuqing.jobs.elasticsearch.ElasticsearchSink;
import dev.yuqing.jobs.kafka.KafkaTopics;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * posts.enriched → in event time (published time, bounded out-of-orderness): keyword counts per
 * slide in bounded heavy-hitter sketches ({@link HeavyTermsPerSlide}), summed over sliding windows → burst scores per term (Elasticsearch yuqing-trends-*) → with the posts, event
 * clustering (yuqing-events-*) → burst and negative-surge warnings (alerts); per account, site and region, the share
 * of negative posts against its baseline → negative-surge warnings (alerts). The job takes its
 * source and sinks, so tests run the same topology on other ends; {@link #main} only wires.
 */
public final class TrendJob {
    public static final String NAME = "yuqing-trend";
    /** Every post must meet every open event; see {@link ClusterEvents}. */
    static final String ALL_POSTS = "all";
    /** Slide counts the term windows had already closed for (see {@link CountLateSlides}). */
    private static final OutputTag<SlideTermCount> LATE_SLIDES = new OutputTag<>("late-slide-counts") {};

    /** What the job computes with, apart from its ends. */
    public record Settings(Duration outOfOrderness, Duration lateLimit, TrendWindows windows, int keywordsPerPost, BurstSettings burst,
                           WarningLevels levels, EventSettings events, double negativeSurgeMargin,
                           int negativeSurgeMinPosts, int termCapacity, Duration idleTimeout) {
        public static Settings of(Config c) {
            return new Settings(c.get(TrendOptions.OUT_OF_ORDERNESS), c.get(TrendOptions.LATE_LIMIT), TrendOptions.windows(c), c.get(TrendOptions.KEYWORDS_PER_POST),
                    TrendOptions.burstSettings(c), TrendOptions.warningLevels(c), TrendOptions.eventSettings(c),
                    c.get(TrendOptions.NEGATIVE_SURGE_MARGIN), c.get(TrendOptions.NEGATIVE_SURGE_MIN_POSTS),
                    c.get(TrendOptions.TERM_CAPACITY), c.get(JobOptions.WATERMARK_IDLE_TIMEOUT));
        }
    }

    private final Source<EnrichedPost, ?, ?> source;
    private final Sink<Trend> trends;
    private final Sink<Event> events;
    private final Sink<Alert> alerts;
    private final Settings settings;

    public TrendJob(Source<EnrichedPost, ?, ?> source, Sink<Trend> trends, Sink<Event> events, Sink<Alert> alerts, Settings settings) {
        this.source = source;
        this.trends = trends;
        this.events = events;
        this.alerts = alerts;
        this.settings = settings;
    }

    /** Adds the topology to {@code env}. */
    public void build(StreamExecutionEnvironment env) {
        DataStream<EnrichedPost> posts = env
                .fromSource(source, EnrichedPostWatermarks.of(settings.outOfOrderness(), settings.idleTimeout()), "posts.enriched").uid("trend-enriched-source");
        TrendWindows w = settings.windows();
        SingleOutputStreamOperator<TermCount> counted = posts
                .flatMap(new PostKeywords(settings.keywordsPerPost())).name("keywords").uid("trend-keywords")
                .transform("heavy terms", TypeInformation.of(SlideTermCount.class), new HeavyTermsPerSlide(w, settings.termCapacity(), settings.lateLimit()))
                .uid("trend-heavy-terms")
                .keyBy(SlideTermCount::term, Types.STRING)
                .window(SlidingEventTimeWindows.of(w.size(), w.slide()))
                .sideOutputLateData(LATE_SLIDES)
                .aggregate(new CountTerms(), new TermWindowCount()).name("count terms").uid("trend-count-terms");
        counted.getSideOutput(LATE_SLIDES).process(new CountLateSlides()).name("late slide counts").uid("trend-late-slides")
                .sinkTo(new DiscardingSink<>()).name("counted only").uid("trend-late-slides-sink");
        DataStream<Trend> scored = counted
                .keyBy(TermCount::term, Types.STRING)
                .process(new DetectBursts(settings.burst(), w)).name("detect bursts").uid("trend-detect-bursts");
        scored.sinkTo(trends).name("trends").uid("trend-trends-sink");

        DataStream<Event> clustered = posts.keyBy(p -> ALL_POSTS, Types.STRING)
                .connect(scored.keyBy(t -> ALL_POSTS, Types.STRING))
                .transform("cluster events", TypeInformation.of(Event.class),
                        new ClusterEventsOperator(new ClusterEvents(settings.levels(), w, settings.keywordsPerPost(), settings.events(), settings.lateLimit())))
                .uid("trend-cluster-events");
        clustered.sinkTo(events).name("events").uid("trend-events-sink");
        DataStream<Alert> scopeSurges = posts.flatMap(new SurgeScopes()).name("surge scopes").uid("trend-surge-scopes")
                .keyBy(p -> p.scope().key(), Types.STRING)
                .process(new NegativeSurge(w.size(), settings.burst().alpha(), settings.negativeSurgeMargin(),
                        settings.negativeSurgeMinPosts(), settings.events().idle(), settings.lateLimit()))
                .name("negative surge").uid("trend-negative-surge");
        clustered.flatMap(new EventAlerts(settings.negativeSurgeMargin(), settings.negativeSurgeMinPosts()))
                .name("event alerts").uid("trend-event-alerts")
                .union(scopeSurges)
                .sinkTo(alerts).name("alerts").uid("trend-alerts-sink");
    }

    /** The job on Kafka and Elasticsearch as configured. */
    public static TrendJob fromConfig(Config c) {
        String bootstrap = c.get(JobOptions.KAFKA_BOOTSTRAP);
        KafkaTopics.SinkSettings sink = JobOptions.sinkSettings(c, c.get(TrendOptions.GROUP_ID));
        return new TrendJob(
                KafkaTopics.source(bootstrap, c.get(TrendOptions.INPUT_TOPIC), c.get(TrendOptions.GROUP_ID), new EnrichedPostDeserializer()),
                ElasticsearchSink.<Trend>builder().connection(JobOptions.esConnection(c))
                        .mapper(new TrendDocuments(c.get(TrendOptions.TRENDS_INDEX))).settings(JobOptions.bulkSettings(c)).build(),
                ElasticsearchSink.<Event>builder().connection(JobOptions.esConnection(c))
                        .mapper(new EventDocuments(c.get(TrendOptions.EVENTS_INDEX))).settings(JobOptions.bulkSettings(c)).build(),
                KafkaTopics.jsonSink(sink, c.get(TrendOptions.ALERTS_TOPIC), Alert::id, Alert::toJson),
                Settings.of(c));
    }

    public static void main(String[] args) throws Exception {
        Jobs.run(TrendOptions.DEF, args, NAME, c -> fromConfig(c)::build);
    }
}
