package dev.yuqing.jobs.inspection;

import dev.yuqing.core.inspection.ContentFindings;
import dev.yuqing.core.inspection.Finding;
import dev.yuqing.core.inspection.Freshness;
import dev.yuqing.core.inspection.InspectionRules;
import dev.yuqing.core.inspection.MonitoredTarget;
import dev.yuqing.core.inspection.Registry;
import dev.yuqing.core.inspection.RegistryChange;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.SourceType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by target id (the {@code account} its posts carry): the registry entry of the target, its
 * last publication, and its open freshness finding. A publication
 * ({@link MonitoredTarget#isPublishedBy}) moves the clock and resolves a stale finding (a recovery
 * notice); timers fire a warning some days before the limit and the breach at it, in event time
 * (published times: replays judge as live) and, with {@code wallClock}, also by the wall clock
 * when the limit lies ahead (a silent target moves no event time of its own; whichever fires first
 * reports, the other finds it done). A publication's content is checked ({@link ContentFindings}).
 * Citizen messages and replies on a registered target go on to the message tracker.
 *
 * <p>Keyed state rather than broadcast state, although the registry is configuration: a target
 * that never publishes must still go stale, and only a key that has received an element can set a
 * timer. Each registry change goes to its target's key. A target that has not published since it
 * was registered is measured from its registration ({@code at} of the change) until a
 * publication is seen, even one older than the registration. Posts of accounts outside the registry leave no state.
 */
public final class InspectTargets extends KeyedCoProcessFunction<String, EnrichedPost, RegistryChange, Finding> {
    private static final long serialVersionUID = 1L;
    public static final OutputTag<BoardMessage> MESSAGES = new OutputTag<>("board-messages") {};

    /** What a target's freshness is measured from: a publication, or the registration when postId is null. */
    public record LastUpdate(long at, String postId, String url) {}

    private final InspectionRules rules;
    private final boolean wallClock;
    private final Registry initial;
    private transient ValueState<MonitoredTarget> target;
    private transient ValueState<Boolean> removed;
    private transient ValueState<LastUpdate> last;
    private transient ValueState<Finding> stale;
    private transient ContentFindings content;

    /**
     * @param initial the registry file the job started with: a post of a target in it counts even
     *                when it reaches the job before the target's registry record does (both
     *                inputs start at once); the topic's changes apply on top
     */
    public InspectTargets(InspectionRules rules, boolean wallClock, Registry initial) {
        this.rules = rules;
        this.wallClock = wallClock;
        this.initial = initial;
    }

    @Override
    public void open(OpenContext openContext) {
        target = getRuntimeContext().getState(new ValueStateDescriptor<>("target", TypeInformation.of(MonitoredTarget.class)));
        last = getRuntimeContext().getState(new ValueStateDescriptor<>("lastUpdate", TypeInformation.of(LastUpdate.class)));
        stale = getRuntimeContext().getState(new ValueStateDescriptor<>("staleFinding", TypeInformation.of(Finding.class)));
        removed = getRuntimeContext().getState(new ValueStateDescriptor<>("removed", Types.BOOLEAN));
        content = new ContentFindings(rules);
    }

    @Override
    public void processElement2(RegistryChange change, Context ctx, Collector<Finding> out) throws Exception {
        if (change.op() == RegistryChange.Op.REMOVE) {
            Finding f = stale.value();
            Instant at = change.at() != null ? change.at() : Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
            if (f != null) {
                out.collect(f.resolved(later(at, f.firstSeen()), "已移出巡检名录，不再检查"));
            }
            target.clear();
            last.clear();
            stale.clear();
            removed.update(true); // so the initial registry does not bring it back
            return; // its timers find no target and do nothing
        }
        target.update(change.target());
        removed.clear();
        if (last.value() == null && change.at() != null) {
            last.update(new LastUpdate(change.at().toEpochMilli(), null, null));
        }
        schedule(ctx.timerService());
    }

    @Override
    public void processElement1(EnrichedPost e, Context ctx, Collector<Finding> out) throws Exception {
        MonitoredTarget t = target.value();
        if (t == null) {
            // The registry file first, in memory: most posts come from accounts not in it and need no state read.
            Optional<MonitoredTarget> registered = initial.get(ctx.getCurrentKey());
            if (registered.isPresent() && removed.value() == null) {
                t = registered.get();
                target.update(t);
            }
        }
        if (t == null) {
            return;
        }
        Post p = e.post();
        if (p.source() == SourceType.CITIZEN_MESSAGE) {
            // Masked: the tracker's statuses and findings are indexed, and messages carry the citizen's own data.
            Post masked = new Post(p.id(), p.source(), p.account(), p.author(), p.url(), e.analysis().maskedTitle(),
                    e.analysis().maskedText(), p.publishedAt(), p.fetchedAt(), p.region(), p.replyTo(), p.threadId(), p.engagement());
            ctx.output(MESSAGES, new BoardMessage(masked, t));
        }
        if (!t.isPublishedBy(p)) {
            return;
        }
        List<Finding> found = content.of(t, e);
        found.forEach(out::collect);
        long at = p.publishedAt().toEpochMilli();
        LastUpdate l = last.value();
        if (l != null && l.postId() != null && at <= l.at()) {
            return; // an older publication replayed late: the clock stays
        }
        // A registration only stands in until a publication is known, even one from before it.
        last.update(new LastUpdate(at, p.id(), p.url()));
        Finding f = stale.value();
        if (f != null) {
            out.collect(f.resolved(later(p.publishedAt(), f.firstSeen()), "已于" + Deadlines.DAY.format(p.publishedAt()) + "更新"));
            stale.clear();
        }
        schedule(ctx.timerService());
    }

    /** Timers at the warning and the limit from the last update; earlier ones find the clock moved and do nothing. */
    private void schedule(TimerService timers) throws Exception {
        Optional<Freshness> fr = rules.freshnessFor(target.value());
        LastUpdate l = last.value();
        if (fr.isEmpty() || l == null) {
            return;
        }
        Instant base = Instant.ofEpochMilli(l.at());
        Instant staleAt = fr.get().staleAt(base);
        Optional<Instant> warnAt = fr.get().warnAt(base);
        Deadlines.register(timers, staleAt, wallClock);
        warnAt.ifPresent(w -> Deadlines.register(timers, w, wallClock));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Finding> out) throws Exception {
        MonitoredTarget t = target.value();
        LastUpdate l = last.value();
        if (t == null || l == null) {
            return;
        }
        Optional<Freshness> fr = rules.freshnessFor(t);
        if (fr.isEmpty()) {
            return;
        }
        Instant base = Instant.ofEpochMilli(l.at());
        Instant staleAt = fr.get().staleAt(base);
        Optional<Instant> warnAt = fr.get().warnAt(base);
        Instant now = Instant.ofEpochMilli(timestamp);
        Finding f = stale.value();
        String since = l.postId() == null ? "自" + Deadlines.DAY.format(base) + "登记以来未更新" : "最后更新于" + Deadlines.DAY.format(base);
        Finding.Evidence evidence = new Finding.Evidence(l.postId() == null ? List.of() : List.of(l.postId()),
                l.url() == null ? (t.url() == null ? List.of() : List.of(t.url())) : List.of(l.url()), List.of(), null);
        String subject = base.toString();
        if (!now.isBefore(staleAt)) {
            if (Finding.breachDue(f)) {
                String detail = since + "，超过" + limitText(fr.get()) + "未更新";
                Finding breach = Finding.breach(f, rules.rule(fr.get().ruleId()), t, subject, detail, evidence, staleAt);
                stale.update(breach);
                out.collect(breach);
            }
        } else if (f == null && warnAt.isPresent() && !now.isBefore(warnAt.get())) {
            Finding warning = Finding.of(rules.rule(fr.get().ruleId()), t, Finding.Stage.WARNING, subject,
                    since + "，将于" + Deadlines.DAY.format(staleAt) + "超过" + limitText(fr.get()) + "未更新", evidence, warnAt.get());
            stale.update(warning);
            out.collect(warning);
        }
    }

    private static String limitText(Freshness fr) {
        return fr.limit().toChinese();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
