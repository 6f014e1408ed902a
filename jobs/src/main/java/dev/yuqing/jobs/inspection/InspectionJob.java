package dev.yuqing.jobs.inspection;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.inspection.Finding;
import dev.yuqing.core.inspection.InspectionRules;
import dev.yuqing.core.inspection.Registry;
import dev.yuqing.core.inspection.RegistryChange;
import dev.yuqing.core.inspection.Scorecard;
import dev.yuqing.core.inspection.WorkingCalendar;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.source.SiteProbe;
import dev.yuqing.jobs.JobOptions;
import dev.yuqing.jobs.Jobs;
import dev.yuqing.jobs.elasticsearch.ElasticsearchSink;
import dev.yuqing.jobs.kafka.KafkaTopics;
import dev.yuqing.jobs.kafka.RawRecord;
import dev.yuqing.jobs.trend.EnrichedPostDeserializer;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import dev.yuqing.jobs.kafka.EnrichedPostWatermarks;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * posts.enriched (event time = published time) and the registry → per registered site column and
 * account ({@link InspectTargets}): freshness warnings, breaches and recoveries, content checks of
 * its publications → per citizen-message thread ({@link TrackMessages}): reply deadlines in working
 * days and the unanswered limit, and per unit the reply-time statistics ({@link CountReplies}) →
 * per site and account ({@link ScoreTargets}): the running score. Findings go to
 * yuqing-inspections-*, scores to yuqing-scores, message statuses to yuqing-messages-*, reply
 * statistics to yuqing-reply-stats, and findings and failing scores to alerts, with the one operator alert
 * when a deadline first needs a day past the working calendar's end ({@link CalendarEndAlert});
 * unreadable registry changes to the dead letters. The connectors' reports reach {@link InspectTargets} with the registry changes
 * ({@link TargetSignal}): checked links (site.links: dead-link findings per column and link), site
 * probes (site.probes: 站点无法访问 over a week; the probes are also indexed in yuqing-probes-*) and
 * source heartbeats (sources.health: source-not-read findings for the operators, holding the
 * staleness of a column or account nobody reads); those that cannot be read go to the dead
 * letters. A column's publications also reach its site's home page ({@link RouteColumnUpdates}),
 * which, when only a navigation entry, is judged by them. The job takes its sources and sinks;
 * {@link #main} only wires.
 */
public final class InspectionJob {
    public static final String NAME = "yuqing-inspection";

    /** What the job computes with, apart from its ends. */
    public record Settings(InspectionRules rules, WorkingCalendar calendar, Registry registry, Duration outOfOrderness, boolean wallClock,
                           Duration messageRetention, Duration sourceSilence, Duration idleTimeout) {
        public static Settings of(Config c) {
            return new Settings(InspectionOptions.rules(c), InspectionOptions.calendar(c), InspectionOptions.registry(c),
                    c.get(InspectionOptions.OUT_OF_ORDERNESS), c.get(InspectionOptions.WALL_CLOCK), c.get(InspectionOptions.MESSAGE_RETENTION),
                    c.get(InspectionOptions.SOURCE_SILENCE), c.get(JobOptions.WATERMARK_IDLE_TIMEOUT));
        }
    }

    /**
     * What the job reads: the enriched posts and the registry, and the connectors' link checks,
     * site probes and source heartbeats as raw records; each of the last three may be null, for a
     * run (a replay) without it.
     */
    public record Sources(Source<EnrichedPost, ?, ?> posts, Source<RawRecord, ?, ?> registry, Source<RawRecord, ?, ?> links,
                          Source<RawRecord, ?, ?> probes, Source<RawRecord, ?, ?> heartbeats) {
        /** Posts and the registry alone. */
        public static Sources of(Source<EnrichedPost, ?, ?> posts, Source<RawRecord, ?, ?> registry) {
            return new Sources(posts, registry, null, null, null);
        }
    }

    /** Where the job's results go. */
    public record Sinks(Sink<Finding> findings, Sink<Scorecard> scores, Sink<MessageStatus> messages, Sink<UnitReplyStats> replyStats,
                        Sink<SiteProbe> probes, Sink<Alert> alerts, Sink<DeadLetter> deadLetters) {}

    private final Sources sources;
    private final Sinks sinks;
    private final Settings settings;

    public InspectionJob(Sources sources, Sinks sinks, Settings settings) {
        this.sources = sources;
        this.sinks = sinks;
        this.settings = settings;
    }

    /** The job's results as streams, before their sinks: {@link #build} sinks them; replays and tests read them. */
    public record Streams(DataStream<Finding> findings, DataStream<Scorecard> scores, DataStream<MessageStatus> messages,
                          DataStream<UnitReplyStats> replyStats, DataStream<SiteProbe> probes, DataStream<Alert> alerts,
                          DataStream<DeadLetter> deadLetters) {}

    /** Adds the topology to {@code env}, with its sinks. */
    public void build(StreamExecutionEnvironment env) {
        Streams s = topology(env, sources, settings);
        s.deadLetters().sinkTo(sinks.deadLetters()).name("dead letters").uid("inspection-dead-letter-sink");
        s.messages().keyBy(MessageStatus::thread, Types.STRING).sinkTo(sinks.messages()).name("messages").uid("inspection-messages-sink");
        // Keyed before each sink: one document's updates stay in order on one writer.
        s.findings().keyBy(Finding::id, Types.STRING).sinkTo(sinks.findings()).name("findings").uid("inspection-findings-sink");
        s.scores().keyBy(Scorecard::targetId, Types.STRING).sinkTo(sinks.scores()).name("scores").uid("inspection-scores-sink");
        s.replyStats().keyBy(UnitReplyStats::ownerUnit, Types.STRING).sinkTo(sinks.replyStats()).name("reply stats")
                .uid("inspection-reply-stats-sink");
        s.probes().keyBy(SiteProbe::siteId, Types.STRING).sinkTo(sinks.probes()).name("probes").uid("inspection-probes-sink");
        s.alerts().sinkTo(sinks.alerts()).name("alerts").uid("inspection-alerts-sink");
    }

    /** The topology from its sources. */
    public static Streams topology(StreamExecutionEnvironment env, Sources sources, Settings settings) {
        DataStream<EnrichedPost> in = env.fromSource(sources.posts(), EnrichedPostWatermarks.of(settings.outOfOrderness(), settings.idleTimeout()),
                        "posts.enriched")
                .uid("inspection-enriched-source");
        SingleOutputStreamOperator<RegistryChange> changes = env
                .fromSource(sources.registry(), WatermarkStrategy.<RawRecord>forGenerator(ctx -> new RegistryWatermarks<>()), "registry")
                .uid("inspection-registry-source")
                .process(new ParseRegistryChange()).name("parse registry changes").uid("inspection-parse-registry");
        DataStream<TargetSignal> signals = changes.map(TargetSignal::of).name("registry signals").uid("inspection-registry-signals");
        DataStream<DeadLetter> deadLetters = changes.getSideOutput(ParseRegistryChange.DEAD_LETTERS);
        DataStream<SiteProbe> probes = null;
        for (SignalInput i : List.of(new SignalInput(sources.links(), ParseSignal.Kind.LINK, "site.links", "links"),
                new SignalInput(sources.probes(), ParseSignal.Kind.PROBE, "site.probes", "probes"),
                new SignalInput(sources.heartbeats(), ParseSignal.Kind.HEARTBEAT, "sources.health", "health"))) {
            if (i.source() == null) {
                continue;
            }
            // Like the registry, they move no event time: they come by the wall clock, posts by published time.
            SingleOutputStreamOperator<TargetSignal> parsed = env
                    .fromSource(i.source(), WatermarkStrategy.<RawRecord>forGenerator(ctx -> new RegistryWatermarks<>()), i.name())
                    .uid("inspection-" + i.uid() + "-source")
                    .process(new ParseSignal(i.kind())).name("parse " + i.name()).uid("inspection-parse-" + i.uid());
            signals = signals.union(parsed);
            deadLetters = deadLetters.union(parsed.getSideOutput(ParseSignal.DEAD_LETTERS));
            if (i.kind() == ParseSignal.Kind.PROBE) {
                probes = parsed.getSideOutput(ParseSignal.PROBES);
            }
        }
        if (probes == null) {
            probes = env.fromData(List.<SiteProbe>of(), TypeInformation.of(SiteProbe.class)).name("no probes").uid("inspection-no-probes");
        }

        // A column's publication also goes to its site's home page, for a home page that is only a navigation entry.
        SingleOutputStreamOperator<EnrichedPost> routed = in.connect(changes.broadcast(RouteColumnUpdates.stateDescriptors()))
                .process(new RouteColumnUpdates(settings.registry())).name("route column updates").uid("inspection-route-column-updates");
        signals = signals.union(routed.getSideOutput(RouteColumnUpdates.COLUMN_UPDATES));

        SingleOutputStreamOperator<Finding> targetFindings = routed
                .keyBy(p -> p.post().account() == null ? "" : p.post().account(), Types.STRING)
                .connect(signals.keyBy(TargetSignal::targetId, Types.STRING))
                .process(new InspectTargets(settings.rules(), settings.wallClock(), settings.registry(), settings.sourceSilence()))
                .name("inspect targets").uid("inspection-targets");
        SingleOutputStreamOperator<Finding> messageFindings = targetFindings.getSideOutput(InspectTargets.MESSAGES)
                .keyBy(BoardMessage::thread, Types.STRING)
                .process(new TrackMessages(settings.rules(), settings.calendar(), settings.wallClock(), settings.messageRetention()))
                .name("track messages").uid("inspection-messages");

        DataStream<Finding> findings = targetFindings.union(messageFindings);
        // Operators' findings (a source not read) are not scored.
        SingleOutputStreamOperator<Scorecard> scores = findings.filter(f -> f.kind().scored()).name("scored findings").uid("inspection-scored")
                .keyBy(Finding::scoredId, Types.STRING)
                .process(new ScoreTargets(settings.rules())).name("score targets").uid("inspection-scores");
        DataStream<MessageStatus> statuses = messageFindings.getSideOutput(TrackMessages.STATUS);
        String calendarEnd = CalendarEndAlert.key(settings.calendar().coveredUntil());
        DataStream<Alert> calendarAlert = statuses.filter(MessageStatus::estimated).name("statuses past the calendar")
                .uid("inspection-estimated-statuses")
                .keyBy(m -> calendarEnd, Types.STRING)
                .process(new CalendarEndAlert(settings.calendar().coveredUntil(), InspectionOptions.CALENDAR_FILE.name()))
                .name("calendar end alert").uid("inspection-calendar-end-alert");
        DataStream<Alert> alerts = findings.map(Finding::toAlert).name("finding alerts").uid("inspection-finding-alerts")
                .union(scores.getSideOutput(ScoreTargets.ALERTS), calendarAlert);
        DataStream<UnitReplyStats> replyStats = statuses.keyBy(m -> m.ownerUnit() == null ? "" : m.ownerUnit(), Types.STRING)
                .process(new CountReplies()).name("reply statistics").uid("inspection-reply-stats");
        return new Streams(findings, scores, statuses, replyStats, probes, alerts, deadLetters);
    }

    /** One of the connectors' topics, if read. */
    private record SignalInput(Source<RawRecord, ?, ?> source, ParseSignal.Kind kind, String name, String uid) {}

    /** The job on Kafka and Elasticsearch as configured. */
    public static InspectionJob fromConfig(Config c) {
        String bootstrap = c.get(JobOptions.KAFKA_BOOTSTRAP);
        KafkaTopics.SinkSettings sink = JobOptions.sinkSettings(c, c.get(InspectionOptions.GROUP_ID));
        String group = c.get(InspectionOptions.GROUP_ID);
        Settings settings = Settings.of(c);
        return new InspectionJob(
                new Sources(KafkaTopics.source(bootstrap, c.get(InspectionOptions.INPUT_TOPIC), group, new EnrichedPostDeserializer()),
                        KafkaTopics.rawSource(bootstrap, c.get(InspectionOptions.REGISTRY_TOPIC), group + "-registry"),
                        KafkaTopics.rawSource(bootstrap, c.get(InspectionOptions.LINKS_TOPIC), group + "-links"),
                        KafkaTopics.rawSource(bootstrap, c.get(InspectionOptions.PROBES_TOPIC), group + "-probes"),
                        KafkaTopics.rawSource(bootstrap, c.get(InspectionOptions.HEALTH_TOPIC), group + "-health")),
                new Sinks(
                        ElasticsearchSink.<Finding>builder().connection(JobOptions.esConnection(c))
                                .mapper(new InspectionDocuments.Findings(c.get(InspectionOptions.FINDINGS_INDEX)))
                                .settings(JobOptions.bulkSettings(c)).build(),
                        ElasticsearchSink.<Scorecard>builder().connection(JobOptions.esConnection(c))
                                .mapper(new InspectionDocuments.Scores(c.get(InspectionOptions.SCORES_INDEX)))
                                .settings(JobOptions.bulkSettings(c)).build(),
                        ElasticsearchSink.<MessageStatus>builder().connection(JobOptions.esConnection(c))
                                .mapper(new InspectionDocuments.Messages(c.get(InspectionOptions.MESSAGES_INDEX)))
                                .settings(JobOptions.bulkSettings(c)).build(),
                        ElasticsearchSink.<UnitReplyStats>builder().connection(JobOptions.esConnection(c))
                                .mapper(new InspectionDocuments.ReplyStats(c.get(InspectionOptions.REPLY_STATS_INDEX)))
                                .settings(JobOptions.bulkSettings(c)).build(),
                        ElasticsearchSink.<SiteProbe>builder().connection(JobOptions.esConnection(c))
                                .mapper(new InspectionDocuments.Probes(c.get(InspectionOptions.PROBES_INDEX), settings.rules().probes().slowMillis()))
                                .settings(JobOptions.bulkSettings(c)).build(),
                        KafkaTopics.jsonSink(sink, c.get(InspectionOptions.ALERTS_TOPIC), Alert::id, Alert::toJson),
                        KafkaTopics.jsonSink(sink, c.get(InspectionOptions.DLQ_TOPIC), DeadLetter::key, DeadLetter::toJson)),
                settings);
    }

    public static void main(String[] args) throws Exception {
        Jobs.run(InspectionOptions.DEF, args, NAME, c -> fromConfig(c)::build);
    }
}
