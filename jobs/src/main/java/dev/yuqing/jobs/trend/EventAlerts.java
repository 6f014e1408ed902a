package dev.yuqing.jobs.trend;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alert.AlertType;
import dev.yuqing.core.trend.Event;
import dev.yuqing.core.trend.RepresentativePost;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * The warnings an event raises as it grows. {@code burst:<event id>} once the event reaches a
 * warning level; {@code negative-surge:<event id>} once it has at least {@code minPosts} posts
 * and its share of negative posts lies {@code margin} or more above the negative share of all
 * posts (at least yellow, or the event's level when higher). The ids are the event's, so each
 * update of an event updates its alerts instead of raising new ones.
 */
public final class EventAlerts implements FlatMapFunction<Event, Alert> {
    private static final long serialVersionUID = 1L;

    private final double margin;
    private final int minPosts;

    public EventAlerts(double negativeMargin, int negativeMinPosts) {
        if (!(negativeMargin > 0 && negativeMargin <= 1)) {
            throw new IllegalArgumentException("negative surge margin must be in (0, 1], was " + negativeMargin);
        }
        if (negativeMinPosts < 1) {
            throw new IllegalArgumentException("negative surge needs at least 1 post, was " + negativeMinPosts);
        }
        this.margin = negativeMargin;
        this.minPosts = negativeMinPosts;
    }

    @Override
    public void flatMap(Event e, Collector<Alert> out) {
        String keywords = String.join("、", e.keywords().subList(0, Math.min(5, e.keywords().size())));
        if (e.level() != null) {
            out.collect(new Alert(AlertType.BURST.code() + ":" + e.id(), AlertType.BURST, e.level(),
                    "舆情事件升温：" + e.title(),
                    String.format(Locale.ROOT, "相关信息%d条，最近窗口增长%.1f倍，负面占比%.0f%%，互动量%d；关键词：%s",
                            e.volume(), e.growth(), 100 * e.negativeShare(), e.reach(), keywords),
                    evidence(e), region(e), null, e.firstSeen(), e.lastSeen(), e.volume()));
        }
        if (e.volume() >= minPosts && e.negativeShare() >= e.negativeBaseline() + margin) {
            AlertLevel level = e.level() != null && e.level().compareTo(AlertLevel.YELLOW) > 0 ? e.level() : AlertLevel.YELLOW;
            out.collect(new Alert(AlertType.NEGATIVE_SURGE.code() + ":" + e.id(), AlertType.NEGATIVE_SURGE, level,
                    "负面情绪集中：" + e.title(),
                    String.format(Locale.ROOT, "事件负面占比%.0f%%（%d/%d），整体基线%.0f%%；关键词：%s",
                            100 * e.negativeShare(), e.negative(), e.volume(), 100 * e.negativeBaseline(), keywords),
                    evidence(e), region(e), null, e.firstSeen(), e.lastSeen(), e.negative()));
        }
    }

    private static Alert.Evidence evidence(Event e) {
        return new Alert.Evidence(e.representatives().stream().map(RepresentativePost::id).toList(),
                e.representatives().stream().map(RepresentativePost::url).filter(java.util.Objects::nonNull).toList(), e.keywords());
    }

    /** The region when the event stays in one, else none. */
    private static String region(Event e) {
        return e.regions().size() == 1 ? e.regions().get(0) : null;
    }
}
