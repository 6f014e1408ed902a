package dev.yuqing.jobs.inspection;

import dev.yuqing.core.Topics;
import dev.yuqing.core.alert.OperatorAlerts;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import dev.yuqing.jobs.JobOptions;
import dev.yuqing.core.inspection.InspectionRules;
import dev.yuqing.core.inspection.Registry;
import dev.yuqing.core.inspection.WorkingCalendar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Settings of {@link InspectionJob}, beside the {@link JobOptions} every job reads. */
public final class InspectionOptions {
    private static final Logger LOG = LoggerFactory.getLogger(InspectionOptions.class);
    public static final ConfigKey<String> GROUP_ID = ConfigKey.string("inspection.group.id", "yuqing-inspection",
            "Kafka consumer group of the job; offsets are committed on each checkpoint");
    public static final ConfigKey<String> INPUT_TOPIC = ConfigKey.string("inspection.input.topic", Topics.POSTS_ENRICHED,
            "topic of enriched posts (publications, comments, citizen messages and replies)");
    public static final ConfigKey<String> REGISTRY_TOPIC = ConfigKey.string("inspection.registry.topic", Topics.REGISTRY,
            "topic of registry changes (key: target id; one partition, compacted), read from the start");
    public static final ConfigKey<String> LINKS_TOPIC = ConfigKey.string("inspection.links.topic", Topics.SITE_LINKS,
            "topic of links the site connector checked (dead, and alive again), read for the dead-link findings");
    public static final ConfigKey<String> PROBES_TOPIC = ConfigKey.string("inspection.probes.topic", Topics.SITE_PROBES,
            "topic of availability probes of the sites' home pages, read for 站点无法访问 and indexed");
    public static final ConfigKey<String> HEALTH_TOPIC = ConfigKey.string("inspection.health.topic", Topics.SOURCE_HEALTH,
            "topic of the connectors' heartbeats, one after each poll of a column or account");
    public static final ConfigKey<String> DLQ_TOPIC = ConfigKey.string("inspection.dlq.topic", Topics.POSTS_DLQ,
            "topic for registry changes, link checks, probes and heartbeats that cannot be read, with the entry, field and reason");
    public static final ConfigKey<String> ALERTS_TOPIC = ConfigKey.string("inspection.alerts.topic", Topics.ALERTS,
            "topic for inspection findings as alerts");
    public static final ConfigKey<String> FINDINGS_INDEX = ConfigKey.string("inspection.findings.index.prefix", "yuqing-inspections",
            "findings go to PREFIX-yyyy.MM by first seen (China time), one document per finding id");
    public static final ConfigKey<String> SCORES_INDEX = ConfigKey.string("inspection.scores.index", "yuqing-scores",
            "the latest score of each site and account, one document per target");
    public static final ConfigKey<String> MESSAGES_INDEX = ConfigKey.string("inspection.messages.index.prefix", "yuqing-messages",
            "citizen messages on registered boards with their reply times, PREFIX-yyyy.MM by the month asked (China time)");
    public static final ConfigKey<String> REPLY_STATS_INDEX = ConfigKey.string("inspection.reply.stats.index", "yuqing-reply-stats",
            "reply-time statistics per unit (answered, within the deadline, mean and median working days), one document per unit");
    public static final ConfigKey<String> PROBES_INDEX = ConfigKey.string("inspection.probes.index.prefix", "yuqing-probes",
            "site probes go to PREFIX-yyyy.MM by probe time (China time), one document per site and probe time");
    public static final ConfigKey<Duration> SOURCE_SILENCE = ConfigKey.duration("inspection.source.silence", "6h", Duration.ofMinutes(1),
            "a column or account whose connector has sent heartbeats but none for this long is not read (a source-not-read finding for operators; its staleness is held); about 3 times the connectors' poll interval");
    public static final ConfigKey<Duration> OUT_OF_ORDERNESS = ConfigKey.duration("inspection.out.of.orderness", "2m", Duration.ZERO,
            "how late (by published time) a post may arrive before deadlines are judged without it");
    public static final ConfigKey<String> REGISTRY_FILE = ConfigKey.optionalString("inspection.registry.file",
            "the registry file the registry topic was loaded from (JSON, as core/src/main/resources/inspection/registry-demo.json): posts of its targets count even when they reach the job before the targets' records; empty: the topic alone");
    public static final ConfigKey<String> RULES_FILE = ConfigKey.optionalString("inspection.rules.file",
            "inspection rules, thresholds and points (JSON, as core/src/main/resources/inspection/rules.json) replacing the shipped ones");
    public static final ConfigKey<String> CALENDAR_FILE = ConfigKey.optionalString("inspection.calendar.file",
            "mainland working calendar (JSON, as core/src/main/resources/inspection/calendar-cn.json) replacing the shipped one; "
                    + "past its last year deadlines are estimated Monday to Friday: add each year as docs/calendar.md says");
    public static final ConfigKey<Boolean> WALL_CLOCK = ConfigKey.bool("inspection.wall.clock", true,
            "also fire deadlines by the wall clock, so a silent account is reported when its limit passes even if no post moves event time; replays of old data are judged in event time either way");
    public static final ConfigKey<Duration> MESSAGE_RETENTION = ConfigKey.duration("inspection.message.retention", "400d", Duration.ofDays(1),
            "how long an unanswered message is tracked after it was asked (bounds state; longer than the unanswered limit)");

    public static final ConfigDef DEF = new ConfigDef("inspection job", JobOptions.with(
            GROUP_ID, INPUT_TOPIC, REGISTRY_TOPIC, LINKS_TOPIC, PROBES_TOPIC, HEALTH_TOPIC, DLQ_TOPIC, ALERTS_TOPIC, FINDINGS_INDEX, SCORES_INDEX,
            MESSAGES_INDEX, REPLY_STATS_INDEX, PROBES_INDEX, OUT_OF_ORDERNESS, REGISTRY_FILE, RULES_FILE, CALENDAR_FILE, WALL_CLOCK,
            MESSAGE_RETENTION, SOURCE_SILENCE));

    private InspectionOptions() {}

    /** The configured rules file, or the shipped rules. */
    public static InspectionRules rules(Config c) {
        String file = c.get(RULES_FILE);
        try {
            return file == null || file.isBlank() ? InspectionRules.standard() : InspectionRules.fromFile(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RULES_FILE.name() + " " + file, e);
        }
    }

    /** The configured registry file, or an empty registry. */
    public static Registry registry(Config c) {
        String file = c.get(REGISTRY_FILE);
        try {
            return file == null || file.isBlank() ? Registry.empty() : Registry.fromFile(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + REGISTRY_FILE.name() + " " + file, e);
        }
    }

    /** How long before the calendar's end the job starts warning at each start. */
    static final Duration CALENDAR_NOTICE = Duration.ofDays(60);

    /**
     * The configured calendar file, or the shipped calendar; warns when it ends within
     * {@link #CALENDAR_NOTICE} of today (China time).
     */
    public static WorkingCalendar calendar(Config c) {
        String file = c.get(CALENDAR_FILE);
        WorkingCalendar calendar;
        try {
            calendar = file == null || file.isBlank() ? WorkingCalendar.standard() : WorkingCalendar.fromFile(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CALENDAR_FILE.name() + " " + file, e);
        }
        calendarEnding(calendar, LocalDate.now(WorkingCalendar.ZONE)).ifPresent(LOG::warn);
        return calendar;
    }

    /**
     * What to tell operators when the calendar ends within {@link #CALENDAR_NOTICE} of {@code today}:
     * reply deadlines beyond its end are estimated Monday to Friday (and raise one operator alert,
     * {@link CalendarEndAlert}, when the first is needed).
     */
    static Optional<String> calendarEnding(WorkingCalendar calendar, LocalDate today) {
        LocalDate end = calendar.coveredUntil();
        if (end.isAfter(today.plusDays(CALENDAR_NOTICE.toDays()))) {
            return Optional.empty();
        }
        return Optional.of("The working calendar ends on " + end + ": reply deadlines and reply times after it are estimated "
                + "Monday to Friday, without holidays or make-up days. "
                + "Add the State Council's holiday arrangement for " + (end.getYear() + 1) + " (published each November) to a copy of "
                + WorkingCalendar.RESOURCE + " and set " + CALENDAR_FILE.name() + " to it (" + OperatorAlerts.CALENDAR_DOC + ")");
    }
}
