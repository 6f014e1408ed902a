package dev.yuqing.jobs.alerting;

import dev.yuqing.core.Topics;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alerting.AlertAggregator;
import dev.yuqing.core.alerting.Backoff;
import dev.yuqing.core.alerting.ChannelDef;
import dev.yuqing.core.alerting.ChannelKind;
import dev.yuqing.core.alerting.RateLimit;
import dev.yuqing.core.alerting.RoutingRules;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import dev.yuqing.core.post.PostTimes;
import dev.yuqing.jobs.JobOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Settings of {@link AlertJob} and {@link AckServer}, beside the {@link JobOptions} every job reads. */
public final class AlertOptions {
    public static final ConfigKey<String> GROUP_ID = ConfigKey.string("alerting.group.id", "yuqing-alerting",
            "Kafka consumer group of the alert job; offsets are committed on each checkpoint");
    public static final ConfigKey<String> INPUT_TOPIC = ConfigKey.string("alerting.input.topic", Topics.ALERTS,
            "topic of alerts (JSON Alert) to aggregate and dispatch");
    public static final ConfigKey<String> OUTPUT_TOPIC = ConfigKey.string("alerting.output.topic", Topics.ALERTS_OUT,
            "topic that routing channels of kind kafka write notified alerts to");
    public static final ConfigKey<String> DLQ_TOPIC = ConfigKey.string("alerting.dlq.topic", Topics.ALERTS_DLQ,
            "topic for alerts that cannot be read or delivered (stage alert-delivery)");
    public static final ConfigKey<String> INDEX = ConfigKey.string("alerting.index", "yuqing-alerts",
            "prefix of the monthly Elasticsearch indices of alerts with their delivery and handling status (prefix-yyyy.MM by the "
                    + "month the alert was first seen, so that each alert stays in one index and retention deletes whole months); "
                    + "the index template gives them an alias of the same name");
    public static final ConfigKey<String> ROUTING_FILE = ConfigKey.optionalString("alerting.routing.file",
            "JSON routing file (channels, routes, default; see docs/architecture.md); empty sends every alert to the output topic only");
    public static final ConfigKey<Duration> QUIET_PERIOD = ConfigKey.duration("alerting.quiet.period", "1h", Duration.ZERO,
            "least time between two notifications of the same alert at the same level; escalation notifies at once");
    // A list of levels is checked when the aggregator is built (ConfigKey has no list type).
    public static final ConfigKey<String> DIGEST_LEVELS = ConfigKey.string("alerting.digest.levels", "blue,yellow",
            "comma-separated levels (blue, yellow, orange, red) that go to the daily digest instead of out at once; 'none' for none");
    public static final ConfigKey<String> DIGEST_TIME = ConfigKey.string("alerting.digest.time", "08:30",
            "local time (China) of the daily digest of low-level alerts, HH:mm");
    public static final ConfigKey<Duration> DIGEST_WINDOW = ConfigKey.duration("alerting.digest.window", "1m", Duration.ofSeconds(1),
            "how long the digest gathers entries after the digest time before it is sent, one message per channel");
    public static final ConfigKey<Duration> STATE_TTL = ConfigKey.duration("alerting.state.ttl", "30d", Duration.ofHours(1),
            "how long an alert id is remembered after its last finding");
    public static final ConfigKey<Integer> RETRY_ATTEMPTS = ConfigKey.integer("alerting.retry.attempts", 6, 1, 50,
            "tries of a delivery before it is given up and dead-lettered");
    public static final ConfigKey<Duration> RETRY_BACKOFF = ConfigKey.duration("alerting.retry.backoff", "2s", Duration.ZERO,
            "wait after the first failed delivery, doubled each retry");
    public static final ConfigKey<Duration> RETRY_BACKOFF_MAX = ConfigKey.duration("alerting.retry.backoff.max", "2m", Duration.ZERO,
            "longest wait between two delivery tries");
    public static final ConfigKey<Duration> SEND_TIMEOUT = ConfigKey.duration("alerting.send.timeout", "10s", Duration.ofMillis(100),
            "time a single webhook request or SMTP exchange may take");
    public static final ConfigKey<String> RATE_LIMIT = ConfigKey.string("alerting.rate.limit", "20/1m",
            "default rate limit of a channel, e.g. 20/1m or 20/1m burst 5 (robots allow about 20 a minute); a channel's rate overrides it");
    public static final ConfigKey<Integer> ASYNC_CAPACITY = ConfigKey.integer("alerting.async.capacity", 100, 1, 10_000,
            "deliveries in flight at once per parallel instance");
    public static final ConfigKey<String> SMTP_HOST = ConfigKey.optionalString("alerting.smtp.host",
            "SMTP server for e-mail channels; empty when no channel sends e-mail");
    public static final ConfigKey<Integer> SMTP_PORT = ConfigKey.integer("alerting.smtp.port", 587, 1, 65535, "port of the SMTP server");
    public static final ConfigKey<Boolean> SMTP_STARTTLS = ConfigKey.bool("alerting.smtp.starttls", true,
            "require STARTTLS on the SMTP connection");
    public static final ConfigKey<String> SMTP_USERNAME = ConfigKey.optionalString("alerting.smtp.username",
            "SMTP login; empty for a relay without authentication");
    public static final ConfigKey<String> SMTP_PASSWORD = ConfigKey.optionalString("alerting.smtp.password",
            "password of alerting.smtp.username; set it through YUQING_ALERTING_SMTP_PASSWORD");
    public static final ConfigKey<String> SMTP_FROM = ConfigKey.string("alerting.smtp.from", "yuqing-alerts@localhost",
            "sender address of alert e-mails");
    public static final ConfigKey<String> ACK_HOST = ConfigKey.string("alerting.ack.host", "127.0.0.1",
            "address the acknowledgement endpoint listens on");
    public static final ConfigKey<Integer> ACK_PORT = ConfigKey.integer("alerting.ack.port", 8086, 0, 65535,
            "port of the acknowledgement endpoint (POST /alerts/{id}/ack and /resolve); 0 picks a free one");
    public static final ConfigKey<String> ACK_TOKEN = ConfigKey.optionalString("alerting.ack.token",
            "bearer token the acknowledgement endpoint requires; empty requires none (only behind a trusted network)");

    public static final ConfigDef DEF = new ConfigDef("alert job", JobOptions.with(
            GROUP_ID, INPUT_TOPIC, OUTPUT_TOPIC, DLQ_TOPIC, INDEX, ROUTING_FILE, QUIET_PERIOD, DIGEST_LEVELS, DIGEST_TIME, DIGEST_WINDOW,
            STATE_TTL, RETRY_ATTEMPTS, RETRY_BACKOFF, RETRY_BACKOFF_MAX, SEND_TIMEOUT, RATE_LIMIT, ASYNC_CAPACITY,
            SMTP_HOST, SMTP_PORT, SMTP_STARTTLS, SMTP_USERNAME, SMTP_PASSWORD, SMTP_FROM, ACK_HOST, ACK_PORT, ACK_TOKEN));

    /** The channel every alert goes to without a routing file. */
    public static final String KAFKA_CHANNEL = "alerts.out";

    private AlertOptions() {}

    static Set<AlertLevel> digestLevels(String value) {
        Set<AlertLevel> levels = EnumSet.noneOf(AlertLevel.class);
        if (value.trim().equalsIgnoreCase("none")) {
            return levels;
        }
        for (String s : value.split("\\s*,\\s*")) {
            try {
                levels.add(AlertLevel.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("alerting.digest.levels: '" + s + "' is not blue, yellow, orange or red", e);
            }
        }
        return levels;
    }

    public static AlertAggregator aggregator(Config c) {
        LocalTime time;
        try {
            time = LocalTime.parse(c.get(DIGEST_TIME));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("alerting.digest.time must be HH:mm, was '" + c.get(DIGEST_TIME) + "'", e);
        }
        return new AlertAggregator(c.get(QUIET_PERIOD), digestLevels(c.get(DIGEST_LEVELS)), time, PostTimes.CHINA);
    }

    /** The routing file with {@code ${NAME}} read from {@code env}, or every alert to the output topic. */
    public static RoutingRules routing(Config c, Map<String, String> env) {
        String file = c.get(ROUTING_FILE);
        if (file.isBlank()) {
            return RoutingRules.only(new ChannelDef(KAFKA_CHANNEL, ChannelKind.KAFKA, null, null, List.of(), null));
        }
        try {
            return RoutingRules.parse(Files.readString(Path.of(file)), env);
        } catch (IOException e) {
            throw new UncheckedIOException("alert routing file " + file + " could not be read", e);
        }
    }

    public static Backoff backoff(Config c) {
        return new Backoff(c.get(RETRY_ATTEMPTS), c.get(RETRY_BACKOFF), c.get(RETRY_BACKOFF_MAX));
    }

    public static SmtpSettings smtp(Config c) {
        return new SmtpSettings(c.get(SMTP_HOST), c.get(SMTP_PORT), c.get(SMTP_STARTTLS), c.get(SMTP_USERNAME), c.get(SMTP_PASSWORD),
                c.get(SMTP_FROM));
    }

    public static DeliverySettings delivery(Config c) {
        return new DeliverySettings(backoff(c), RateLimit.parse(c.get(RATE_LIMIT)), c.get(SEND_TIMEOUT), smtp(c));
    }
}
