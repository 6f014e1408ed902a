package dev.yuqing.jobs.trend;

import dev.yuqing.core.Topics;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import dev.yuqing.core.trend.BurstSettings;
import dev.yuqing.core.trend.LevelThresholds;
import dev.yuqing.core.trend.WarningLevels;
import dev.yuqing.jobs.JobOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Settings of {@link TrendJob}, beside the {@link JobOptions} every job reads. */
public final class TrendOptions {
    public static final ConfigKey<String> GROUP_ID = ConfigKey.string("trend.group.id", "yuqing-trend",
            "Kafka consumer group of the job; offsets are committed on each checkpoint");
    public static final ConfigKey<String> INPUT_TOPIC = ConfigKey.string("trend.input.topic", Topics.POSTS_ENRICHED,
            "topic of enriched posts");
    public static final ConfigKey<String> ALERTS_TOPIC = ConfigKey.string("trend.alerts.topic", Topics.ALERTS,
            "topic for burst and negative-surge alerts");
    public static final ConfigKey<String> TRENDS_INDEX = ConfigKey.string("trend.trends.index.prefix", "yuqing-trends",
            "term trends go to PREFIX-yyyy.MM by window end (China time)");
    public static final ConfigKey<String> EVENTS_INDEX = ConfigKey.string("trend.events.index.prefix", "yuqing-events",
            "events go to PREFIX-yyyy.MM by first seen (China time)");
    public static final ConfigKey<Duration> OUT_OF_ORDERNESS = ConfigKey.duration("trend.out.of.orderness", "2m", Duration.ZERO,
            "how late (by published time) a post may arrive and still count in its windows");
    public static final ConfigKey<Duration> LATE_LIMIT = ConfigKey.duration("trend.late.limit", "1h", Duration.ZERO,
            "a post later than the out-of-orderness but at most this far behind counts in the oldest open window, as if published when "
                    + "it came (a source polled every quarter hour delivers such posts); one later still (an import of old posts, a "
                    + "re-sent backlog) is left out of trends, events and negative surges, which would otherwise see hours piled into a "
                    + "minute, and counted in the jobs' metrics");
    public static final ConfigKey<Duration> WINDOW_SIZE = ConfigKey.duration("trend.window.size", "10m", Duration.ofSeconds(1),
            "length of the sliding windows terms are counted in");
    public static final ConfigKey<Duration> WINDOW_SLIDE = ConfigKey.duration("trend.window.slide", "1m", Duration.ofSeconds(1),
            "how often a window starts; the window size must be a multiple of it");
    public static final ConfigKey<Integer> QUIET_WINDOWS = ConfigKey.integer("trend.quiet.windows", 60, 1, 100_000,
            "slides without a term after which its baseline is forgotten (bounds state)");
    public static final ConfigKey<Integer> TERM_CAPACITY = ConfigKey.integer("trend.term.capacity", 20_000, 10, 10_000_000,
            "distinct terms each subtask counts per slide (a Space-Saving sketch): bounds memory and state whatever the vocabulary; rarer terms are cut");
    public static final ConfigKey<Integer> KEYWORDS_PER_POST = ConfigKey.integer("trend.keywords.per.post", 5, 1, 50,
            "a post's leading keywords that are counted");
    public static final ConfigKey<Double> BURST_ALPHA = ConfigKey.decimal("trend.burst.alpha", BurstSettings.DEFAULTS.alpha(), 0.001, 1,
            "EWMA weight of the newest window in a term's baseline");
    public static final ConfigKey<Integer> BURST_MIN_COUNT = ConfigKey.integer("trend.burst.min.count", BurstSettings.DEFAULTS.minCount(), 1, 1_000_000,
            "fewest posts in a window for a burst");
    public static final ConfigKey<Double> BURST_THRESHOLD = ConfigKey.decimal("trend.burst.threshold", BurstSettings.DEFAULTS.threshold(), 0.01, 1000,
            "burst score (rise in standard deviations plus weighted acceleration) at which a window is a burst");
    public static final ConfigKey<Double> BURST_ACCELERATION = ConfigKey.decimal("trend.burst.acceleration.weight",
            BurstSettings.DEFAULTS.accelerationWeight(), 0, 100, "weight of the acceleration in the burst score");
    public static final ConfigKey<Double> BURST_MIN_STDDEV = ConfigKey.decimal("trend.burst.min.stddev", BurstSettings.DEFAULTS.minStdDev(), 0.01, 1000,
            "floor of a baseline's standard deviation");
    public static final ConfigKey<Duration> EVENT_IDLE = ConfigKey.duration("trend.event.idle", "6h", Duration.ofMinutes(1),
            "an event without a new post for this long (event time) is closed and its state dropped");
    public static final ConfigKey<Integer> EVENT_MAX_OPEN = ConfigKey.integer("trend.event.max.open", 5_000, 10, 1_000_000,
            "open events kept at most; the one idle longest is closed first");
    public static final ConfigKey<Duration> EVENT_LOOKAHEAD = ConfigKey.duration("trend.event.lookahead", "0s", Duration.ZERO,
            "how long (event time) a post waits after its first window closes before it is placed in an event, so that bursts found "
                    + "meanwhile gather it too: more of a wave's first posts join its event, but every event warning comes this much later; "
                    + "a multiple of the window slide");
    public static final ConfigKey<Double> NEGATIVE_SURGE_MARGIN = ConfigKey.decimal("trend.negative.surge.margin", 0.3, 0.01, 1,
            "a negative share this far above its baseline is a surge");
    public static final ConfigKey<Integer> NEGATIVE_SURGE_MIN_POSTS = ConfigKey.integer("trend.negative.surge.min.posts", 10, 1, 1_000_000,
            "fewest posts (of an event, or of an account in a window) for a negative surge");

    /** Thresholds of one warning level: five keys named {@code trend.level.<level>.*}. */
    public record LevelKeys(ConfigKey<Integer> volume, ConfigKey<Double> growth, ConfigKey<Double> negativeShare,
                            ConfigKey<Double> harmfulShare, ConfigKey<Integer> reach) {
        static LevelKeys of(AlertLevel level, LevelThresholds d) {
            String p = "trend.level." + level.code() + ".";
            String l = level.chinese() + "色预警";
            return new LevelKeys(
                    ConfigKey.integer(p + "volume", (int) d.minVolume(), 1, Integer.MAX_VALUE, l + ": fewest posts in the event"),
                    ConfigKey.decimal(p + "growth", d.minGrowth(), 1, 1000, l + ": growth (latest window over the one before) that suffices"),
                    ConfigKey.decimal(p + "negative.share", d.minNegativeShare(), 0.01, 1, l + ": share of negative posts that suffices"),
                    ConfigKey.decimal(p + "harmful.share", d.minHarmfulShare(), 0.01, 1, l + ": share of harmful posts that suffices"),
                    ConfigKey.integer(p + "reach", (int) d.minReach(), 0, Integer.MAX_VALUE, l + ": summed engagement that suffices"));
        }

        List<ConfigKey<?>> all() {
            return List.of(volume, growth, negativeShare, harmfulShare, reach);
        }

        LevelThresholds thresholds(Config c) {
            return new LevelThresholds(c.get(volume), c.get(growth), c.get(negativeShare), c.get(harmfulShare), c.get(reach));
        }
    }

    public static final LevelKeys BLUE = LevelKeys.of(AlertLevel.BLUE, WarningLevels.DEFAULTS.blue());
    public static final LevelKeys YELLOW = LevelKeys.of(AlertLevel.YELLOW, WarningLevels.DEFAULTS.yellow());
    public static final LevelKeys ORANGE = LevelKeys.of(AlertLevel.ORANGE, WarningLevels.DEFAULTS.orange());
    public static final LevelKeys RED = LevelKeys.of(AlertLevel.RED, WarningLevels.DEFAULTS.red());

    public static final ConfigDef DEF = new ConfigDef("trend job", JobOptions.with(ownKeys()));

    private TrendOptions() {}

    private static ConfigKey<?>[] ownKeys() {
        List<ConfigKey<?>> keys = new ArrayList<>(List.of(GROUP_ID, INPUT_TOPIC, ALERTS_TOPIC, TRENDS_INDEX, EVENTS_INDEX,
                OUT_OF_ORDERNESS, LATE_LIMIT, WINDOW_SIZE, WINDOW_SLIDE, QUIET_WINDOWS, TERM_CAPACITY, KEYWORDS_PER_POST, BURST_ALPHA, BURST_MIN_COUNT,
                BURST_THRESHOLD, BURST_ACCELERATION, BURST_MIN_STDDEV, EVENT_IDLE, EVENT_MAX_OPEN, EVENT_LOOKAHEAD, NEGATIVE_SURGE_MARGIN,
                NEGATIVE_SURGE_MIN_POSTS));
        for (LevelKeys l : List.of(BLUE, YELLOW, ORANGE, RED)) {
            keys.addAll(l.all());
        }
        return keys.toArray(ConfigKey<?>[]::new);
    }

    public static BurstSettings burstSettings(Config c) {
        return new BurstSettings(c.get(BURST_ALPHA), c.get(BURST_MIN_COUNT), c.get(BURST_THRESHOLD), c.get(BURST_ACCELERATION),
                c.get(BURST_MIN_STDDEV));
    }

    /** The four levels' thresholds; throws when a higher level is set easier than a lower one. */
    public static WarningLevels warningLevels(Config c) {
        return new WarningLevels(BLUE.thresholds(c), YELLOW.thresholds(c), ORANGE.thresholds(c), RED.thresholds(c));
    }

    /** How events are kept; throws when the look-ahead is not a multiple of the window slide. */
    public static EventSettings eventSettings(Config c) {
        return new EventSettings(c.get(EVENT_IDLE), c.get(EVENT_MAX_OPEN), c.get(EVENT_LOOKAHEAD)).checkAgainst(windows(c));
    }

    /** Sliding windows of {@link #WINDOW_SIZE} every {@link #WINDOW_SLIDE}. */
    public static TrendWindows windows(Config c) {
        return new TrendWindows(c.get(WINDOW_SIZE), c.get(WINDOW_SLIDE), c.get(QUIET_WINDOWS));
    }

}
