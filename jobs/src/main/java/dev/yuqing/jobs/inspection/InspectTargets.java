package dev.yuqing.jobs.inspection;

import dev.yuqing.core.inspection.ColumnType;
import dev.yuqing.core.inspection.ContentFindings;
import dev.yuqing.core.inspection.Finding;
import dev.yuqing.core.inspection.Freshness;
import dev.yuqing.core.inspection.InspectionRules;
import dev.yuqing.core.inspection.MonitoredTarget;
import dev.yuqing.core.inspection.Registry;
import dev.yuqing.core.inspection.RegistryChange;
import dev.yuqing.core.inspection.Span;
import dev.yuqing.core.inspection.TargetKind;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.PostTimes;
import dev.yuqing.core.post.SourceType;
import dev.yuqing.core.source.LinkCheck;
import dev.yuqing.core.source.SiteProbe;
import dev.yuqing.core.source.SourceHeartbeat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.metrics.Counter;
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
 *
 * <p>The other input ({@link TargetSignal}) also brings what the connectors report, keyed by the
 * target it names, none of it moving event time:
 * <ul>
 * <li>a dead link of a column: one finding per column and link (首页链接不可用 on the home-page
 * column, 其他页面链接不可用 elsewhere), resolved when the link is reported alive;</li>
 * <li>a probe of a site: counts per hour over the probe rule's window (a week; older hours are
 * dropped, so state stays bounded), and the 站点无法访问 finding while failed or slow probes make
 * up the rule's share; a timer an hour past the window drops the counts of a site no longer probed;</li>
 * <li>a heartbeat of the source of a column or account: while its last heartbeat is not ok, or
 * none came for {@code sourceSilence}, the operators get a {@code source-not-read} finding and
 * the target's staleness and blankness are held (not raised: a source nobody reads says nothing
 * about the site); read again, the finding is resolved and they are judged again from the real
 * last update. A target no heartbeat ever named is judged as before.</li>
 * </ul>
 * A registered column other than the home page with no item for the blank-column grace after
 * its registration gets a 空白栏目 finding, resolved by its first item.
 *
 * <p>A home-page column also gets its site's columns' publications ({@link ColumnUpdate}, from
 * {@link RouteColumnUpdates}) and keeps the latest. While its registry entry is
 * {@link MonitoredTarget#navigationOnly navigation-only} its freshness is measured from the later of
 * its own last publication and that one (首页仅为网站栏目导航入口的，检查其二级页面); a column's
 * publication is not one of the home page's for anything else (content checks, messages).
 */
public final class InspectTargets extends KeyedCoProcessFunction<String, EnrichedPost, TargetSignal, Finding> {
    private static final long serialVersionUID = 1L;
    public static final OutputTag<BoardMessage> MESSAGES = new OutputTag<>("board-messages") {};

    /**
     * What a target's freshness is measured from: a publication, or the registration when postId is
     * null; for a navigation-only home page, possibly a publication of its site's {@code column}
     * (the column's name; null for the target's own).
     */
    public record LastUpdate(long at, String postId, String url, String column) {
        static LastUpdate registration(Instant at) {
            return new LastUpdate(at.toEpochMilli(), null, null, null);
        }

        boolean isRegistration() {
            return postId == null;
        }

        /** Whether measuring from this instead of {@code before} moves the clock on: a later time, or a publication instead of a registration. */
        boolean advancesOn(LastUpdate before) {
            return before == null || at > before.at || (before.isRegistration() && !isRegistration());
        }
    }

    /** The last heartbeat of a target's source. */
    public record SourceStatus(long at, boolean ok, String connector, String error, Instant lastSuccess) {}

    /** Probes of a site in one hour: all, and those that failed or were too slow. */
    public record ProbeCounts(long probes, long bad) {}

    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final InspectionRules rules;
    private final boolean wallClock;
    private final Registry initial;
    private final Duration sourceSilence;
    /** How long reports of a target not registered wait for its registration. */
    static final Duration PENDING_FOR = Duration.ofHours(1);
    /** Reports of one such target kept at most: the rest are counted as of unknown targets at once. */
    static final int PENDING_MAX = 200;

    private transient ValueState<MonitoredTarget> target;
    private transient ValueState<Boolean> removed;
    private transient ValueState<LastUpdate> last;
    private transient ValueState<LastUpdate> columnUpdate;
    private transient ValueState<Finding> stale;
    private transient ContentFindings content;
    private transient MapState<String, Finding> deadLinks;
    private transient MapState<Long, ProbeCounts> probeHours;
    private transient ValueState<Finding> unreachable;
    private transient ValueState<Finding> blank;
    private transient ValueState<SourceStatus> source;
    private transient ValueState<Finding> unread;
    private transient ListState<TargetSignal> pending;
    private transient Counter unknownTargets;

    /**
     * @param initial the registry file the job started with: a post of a target in it counts even
     *                when it reaches the job before the target's registry record does (both
     *                inputs start at once); the topic's changes apply on top
     * @param sourceSilence how long without a heartbeat a source that has sent them counts as not read
     */
    public InspectTargets(InspectionRules rules, boolean wallClock, Registry initial, Duration sourceSilence) {
        this.rules = rules;
        this.wallClock = wallClock;
        this.initial = initial;
        this.sourceSilence = sourceSilence;
    }

    @Override
    public void open(OpenContext openContext) {
        target = getRuntimeContext().getState(new ValueStateDescriptor<>("target", TypeInformation.of(MonitoredTarget.class)));
        last = getRuntimeContext().getState(new ValueStateDescriptor<>("lastUpdate", TypeInformation.of(LastUpdate.class)));
        columnUpdate = getRuntimeContext().getState(new ValueStateDescriptor<>("columnUpdate", TypeInformation.of(LastUpdate.class)));
        stale = getRuntimeContext().getState(new ValueStateDescriptor<>("staleFinding", TypeInformation.of(Finding.class)));
        removed = getRuntimeContext().getState(new ValueStateDescriptor<>("removed", Types.BOOLEAN));
        content = new ContentFindings(rules);
        deadLinks = getRuntimeContext().getMapState(new MapStateDescriptor<>("deadLinks", Types.STRING, TypeInformation.of(Finding.class)));
        probeHours = getRuntimeContext().getMapState(new MapStateDescriptor<>("probeHours", Types.LONG, TypeInformation.of(ProbeCounts.class)));
        unreachable = getRuntimeContext().getState(new ValueStateDescriptor<>("unreachableFinding", TypeInformation.of(Finding.class)));
        blank = getRuntimeContext().getState(new ValueStateDescriptor<>("blankFinding", TypeInformation.of(Finding.class)));
        source = getRuntimeContext().getState(new ValueStateDescriptor<>("source", TypeInformation.of(SourceStatus.class)));
        unread = getRuntimeContext().getState(new ValueStateDescriptor<>("unreadFinding", TypeInformation.of(Finding.class)));
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pendingSignals", TypeInformation.of(TargetSignal.class)));
        unknownTargets = getRuntimeContext().getMetricGroup().counter("signalsOfUnknownTargets");
    }

    @Override
    public void processElement2(TargetSignal signal, Context ctx, Collector<Finding> out) throws Exception {
        if (signal.change() != null) {
            change(signal.change(), ctx, out);
            return;
        }
        MonitoredTarget t = registered(ctx.getCurrentKey());
        if (t == null) {
            hold(signal, ctx);
            return;
        }
        apply(t, signal, ctx, out);
    }

    /**
     * Keeps a report of a target not (yet) registered: the registry topic and the connectors' topics
     * are read at once, so a dead link reported before its column's registration would otherwise be
     * lost for good (the connector reports it once). Held for {@link #PENDING_FOR} at most, and
     * {@link #PENDING_MAX} reports; a target never registered is counted and forgotten.
     */
    private void hold(TargetSignal signal, Context ctx) throws Exception {
        int held = 0;
        for (TargetSignal ignored : pending.get()) {
            held++;
        }
        if (held >= PENDING_MAX) {
            unknownTargets.inc();
            return;
        }
        if (held == 0) {
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + PENDING_FOR.toMillis());
        }
        pending.add(signal);
    }

    private void apply(MonitoredTarget t, TargetSignal signal, Context ctx, Collector<Finding> out) throws Exception {
        if (signal.link() != null) {
            link(t, signal.link(), out);
        } else if (signal.probe() != null) {
            probe(t, signal.probe(), ctx.timerService(), out);
        } else if (signal.columnUpdate() != null) {
            columnUpdate(t, signal.columnUpdate(), ctx.timerService(), out);
        } else {
            heartbeat(t, signal.heartbeat(), ctx.timerService(), out);
        }
    }

    private void forgetPending() throws Exception {
        for (TargetSignal ignored : pending.get()) {
            unknownTargets.inc(); // a connector reading something the registry does not (or no longer) list
        }
        pending.clear();
    }

    /** The target in state, else in the registry file the job started with (unless removed since); null when neither has it. */
    private MonitoredTarget registered(String key) throws Exception {
        MonitoredTarget t = target.value();
        if (t == null) {
            // The registry file first, in memory: most posts come from accounts not in it and need no state read.
            Optional<MonitoredTarget> inFile = initial.get(key);
            if (inFile.isPresent() && removed.value() == null) {
                t = inFile.get();
                target.update(t);
            }
        }
        return t;
    }

    private void change(RegistryChange change, Context ctx, Collector<Finding> out) throws Exception {
        if (change.op() == RegistryChange.Op.REMOVE) {
            Instant at = change.at() != null ? change.at() : Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
            List<Finding> open = new ArrayList<>();
            open.add(stale.value());
            open.add(unreachable.value());
            open.add(blank.value());
            open.add(unread.value());
            for (Finding f : deadLinks.values()) {
                open.add(f);
            }
            for (Finding f : open) {
                if (f != null) {
                    out.collect(f.resolved(later(at, f.firstSeen()), "已移出巡检名录，不再检查"));
                }
            }
            target.clear();
            last.clear();
            columnUpdate.clear();
            stale.clear();
            deadLinks.clear();
            probeHours.clear();
            unreachable.clear();
            blank.clear();
            source.clear();
            unread.clear();
            removed.update(true); // so the initial registry does not bring it back
            return; // its timers find no target and do nothing
        }
        MonitoredTarget before = registered(ctx.getCurrentKey());
        LastUpdate base = before == null ? null : freshnessBase(before);
        target.update(change.target());
        removed.clear();
        if (last.value() == null && change.at() != null) {
            last.update(LastUpdate.registration(change.at()));
        }
        // A home page that became navigation-only may be up to date by its columns already.
        Instant at = change.at() != null ? change.at() : Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
        updated(change.target(), base, at, ctx.timerService(), out);
        for (TargetSignal held : pending.get()) {
            apply(change.target(), held, ctx, out);
        }
        pending.clear();
    }

    @Override
    public void processElement1(EnrichedPost e, Context ctx, Collector<Finding> out) throws Exception {
        MonitoredTarget t = registered(ctx.getCurrentKey());
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
        LastUpdate own = new LastUpdate(p.publishedAt().toEpochMilli(), p.id(), p.url(), null);
        // A registration only stands in until a publication is known, even one from before it.
        if (!own.advancesOn(last.value())) {
            return; // an older publication replayed late: the clock stays
        }
        LastUpdate base = freshnessBase(t);
        last.update(own);
        Finding b = blank.value();
        if (b != null) {
            out.collect(b.resolved(later(p.publishedAt(), b.firstSeen()), "已于" + Deadlines.DAY.format(p.publishedAt()) + "发布内容"));
            blank.clear();
        }
        updated(t, base, null, ctx.timerService(), out);
    }

    /** A publication of one of the site's columns, at its home page: kept, and counted while the home page is navigation-only. */
    private void columnUpdate(MonitoredTarget t, ColumnUpdate u, TimerService timers, Collector<Finding> out) throws Exception {
        if (t.kind() != TargetKind.COLUMN || t.columnType() != ColumnType.HOME_PAGE) {
            return; // routed by a registry that has changed since: this target is no longer its site's home page
        }
        LastUpdate update = new LastUpdate(u.at().toEpochMilli(), u.postId(), u.url(), u.columnName());
        if (!update.advancesOn(columnUpdate.value())) {
            return;
        }
        LastUpdate base = freshnessBase(t);
        columnUpdate.update(update);
        updated(t, base, null, timers, out);
    }

    /**
     * What a target's freshness is measured from: its own last publication or registration, and for
     * a navigation-only home page the later of that and its columns' last publication.
     */
    private LastUpdate freshnessBase(MonitoredTarget t) throws Exception {
        LastUpdate own = last.value();
        LastUpdate columns = t.navigationOnly() ? columnUpdate.value() : null;
        return columns != null && columns.advancesOn(own) ? columns : own;
    }

    /**
     * After what the target's freshness is measured from may have changed from {@code before}: an
     * open stale finding is resolved if the clock moved on, and the timers are set from the new base.
     *
     * @param changedAt when a registry change made the home page navigation-only, what resolves it
     *                  then; null for a publication, which resolves it as of its own time
     */
    private void updated(MonitoredTarget t, LastUpdate before, Instant changedAt, TimerService timers, Collector<Finding> out)
            throws Exception {
        LastUpdate base = freshnessBase(t);
        Finding f = stale.value();
        if (f != null && base != null && !base.isRegistration() && base.advancesOn(before)) {
            Instant updatedAt = Instant.ofEpochMilli(base.at());
            String detail = "已于" + Deadlines.DAY.format(updatedAt) + "更新"
                    + (base.column() == null ? "" : "（首页为导航页，二级栏目" + base.column() + "更新）");
            out.collect(changedAt == null ? f.resolved(later(updatedAt, f.firstSeen()), detail)
                    : f.resolved(later(changedAt, f.firstSeen()), "登记为导航页，" + detail));
            stale.clear();
        }
        schedule(timers);
    }

    /**
     * Timers at the warning and the limit from the last update, and for a column without any item
     * at the end of its blank-column grace; earlier ones find the clock moved and do nothing.
     */
    private void schedule(TimerService timers) throws Exception {
        MonitoredTarget t = target.value();
        LastUpdate l = last.value();
        if (l != null && canBeBlank(t) && l.isRegistration()) {
            Deadlines.register(timers, blankAt(l), wallClock);
        }
        Optional<Freshness> fr = rules.freshnessFor(t);
        LastUpdate b = freshnessBase(t);
        if (fr.isEmpty() || b == null) {
            return;
        }
        Instant base = Instant.ofEpochMilli(b.at());
        Instant staleAt = fr.get().staleAt(base);
        Optional<Instant> warnAt = fr.get().warnAt(base);
        Deadlines.register(timers, staleAt, wallClock);
        warnAt.ifPresent(w -> Deadlines.register(timers, w, wallClock));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Finding> out) throws Exception {
        MonitoredTarget t = target.value();
        if (t == null) {
            forgetPending(); // the only timer of a key with no target: its reports waited long enough
            return;
        }
        if (!wallClock && ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            return; // the wait of reports that came before the registration: judging is by event time alone
        }
        Instant now = Instant.ofEpochMilli(timestamp);
        checkSilence(t, now, out);
        ageProbes(now, out);
        if (unreadAt(now)) {
            return; // staleness and blankness are held while the source is not read
        }
        LastUpdate l = last.value();
        if (l != null) {
            checkBlank(t, l, now, out);
        }
        LastUpdate base = freshnessBase(t);
        if (base != null) {
            checkStale(t, base, now, out);
        }
    }

    private void checkStale(MonitoredTarget t, LastUpdate l, Instant now, Collector<Finding> out) throws Exception {
        Optional<Freshness> fr = rules.freshnessFor(t);
        if (fr.isEmpty()) {
            return;
        }
        Instant base = Instant.ofEpochMilli(l.at());
        Instant staleAt = fr.get().staleAt(base);
        Optional<Instant> warnAt = fr.get().warnAt(base);
        Finding f = stale.value();
        String since = l.isRegistration() ? "自" + Deadlines.DAY.format(base) + "登记以来未更新"
                : l.column() != null ? "首页为导航页，按二级栏目最近更新计：栏目" + l.column() + "最后更新于" + Deadlines.DAY.format(base)
                : "最后更新于" + Deadlines.DAY.format(base);
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

    // ---- blank columns ----------------------------------------------------------------------------

    /** Columns other than the home page can be blank (空白栏目); the home page is judged by its staleness. */
    private static boolean canBeBlank(MonitoredTarget t) {
        return t != null && t.kind() == TargetKind.COLUMN && t.columnType() != ColumnType.HOME_PAGE;
    }

    /** The end of the grace of a column measured from its registration. */
    private Instant blankAt(LastUpdate registration) {
        return rules.blankColumns().grace().addTo(Instant.ofEpochMilli(registration.at()), PostTimes.CHINA);
    }

    private void checkBlank(MonitoredTarget t, LastUpdate l, Instant now, Collector<Finding> out) throws Exception {
        if (!canBeBlank(t) || !l.isRegistration() || blank.value() != null || now.isBefore(blankAt(l))) {
            return;
        }
        Instant registered = Instant.ofEpochMilli(l.at());
        Finding f = Finding.of(rules.rule(rules.blankColumns().ruleId()), t, Finding.Stage.BREACH, null,
                "自" + Deadlines.DAY.format(registered) + "登记以来栏目无任何内容",
                new Finding.Evidence(List.of(), t.url() == null ? List.of() : List.of(t.url()), List.of(), null), blankAt(l));
        blank.update(f);
        out.collect(f);
    }

    // ---- dead links -------------------------------------------------------------------------------

    private void link(MonitoredTarget t, LinkCheck c, Collector<Finding> out) throws Exception {
        Finding open = deadLinks.get(c.link());
        if (c.dead() && open == null) {
            String why = c.reason() == null || c.reason().isBlank() ? (c.status() == 0 ? "无响应" : "HTTP " + c.status()) : c.reason();
            List<String> urls = c.pageUrl() == null ? List.of(c.link()) : List.of(c.link(), c.pageUrl());
            Finding f = Finding.of(rules.deadLinkRule(t.columnType()), t, Finding.Stage.BREACH, linkSubject(c.link()),
                    "链接不可用（" + why + "）：" + c.link() + (c.pageUrl() == null ? "" : "，所在页面 " + c.pageUrl()),
                    new Finding.Evidence(List.of(), urls, List.of(), null), c.checkedAt());
            deadLinks.put(c.link(), f);
            out.collect(f);
        } else if (!c.dead() && open != null) {
            // A reason with dead=false: the link is gone from its page, not answering again.
            String how = c.reason() == null || c.reason().isEmpty() ? "恢复可访问：" : "从页面移除：";
            out.collect(open.resolved(later(c.checkedAt(), open.firstSeen()), "已于" + Deadlines.DAY.format(c.checkedAt()) + how + c.link()));
            deadLinks.remove(c.link());
        }
    }

    /** A link in a finding id: a digest, as links can be longer than an Elasticsearch id may be; the link itself is in the evidence. */
    static String linkSubject(String link) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(link.getBytes(StandardCharsets.UTF_8));
            return "link-" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    // ---- site probes ------------------------------------------------------------------------------

    private void probe(MonitoredTarget t, SiteProbe p, TimerService timers, Collector<Finding> out) throws Exception {
        InspectionRules.ProbeRule rule = rules.probes();
        long hour = Math.floorDiv(p.at().toEpochMilli(), HOUR) * HOUR;
        ProbeCounts c = probeHours.get(hour);
        boolean bad = rule.bad(p);
        probeHours.put(hour, new ProbeCounts((c == null ? 0 : c.probes()) + 1, (c == null ? 0 : c.bad()) + (bad ? 1 : 0)));
        ProbeCounts week = dropOlderHours(p.at());
        // An hour past the window of this hour: if no probe came since, the counts go.
        Deadlines.register(timers, rule.window().addTo(Instant.ofEpochMilli(hour + HOUR), PostTimes.CHINA).plusMillis(HOUR), wallClock);
        Finding open = unreachable.value();
        if (rule.broken(week.probes(), week.bad())) {
            if (open == null) {
                Finding f = Finding.of(rules.rule(rule.ruleId()), t, Finding.Stage.BREACH, Instant.ofEpochMilli(hour).toString(),
                        probeText(week) + "，达到" + percent(rule.badShare()) + "，站点无法访问",
                        new Finding.Evidence(List.of(), p.url() == null ? List.of() : List.of(p.url()), List.of(), p.error()), p.at());
                unreachable.update(f);
                out.collect(f);
            }
        } else if (open != null && week.probes() >= rule.minProbes()) {
            out.collect(open.resolved(later(p.at(), open.firstSeen()), probeText(week) + "，已低于" + percent(rule.badShare())));
            unreachable.clear();
        }
    }

    /** Drops the hours that fell out of the window before {@code now}; what is left, summed. */
    private ProbeCounts dropOlderHours(Instant now) throws Exception {
        long from = rules.probes().window().subtractFrom(now, PostTimes.CHINA).toEpochMilli();
        List<Long> old = new ArrayList<>();
        long probes = 0;
        long bad = 0;
        for (Map.Entry<Long, ProbeCounts> e : probeHours.entries()) {
            if (e.getKey() + HOUR <= from) {
                old.add(e.getKey());
            } else {
                probes += e.getValue().probes();
                bad += e.getValue().bad();
            }
        }
        for (Long h : old) {
            probeHours.remove(h);
        }
        return new ProbeCounts(probes, bad);
    }

    /** A site no longer probed: its counts go when the window has passed, and an open finding is resolved for want of probes. */
    private void ageProbes(Instant now, Collector<Finding> out) throws Exception {
        if (probeHours.isEmpty()) {
            return;
        }
        ProbeCounts week = dropOlderHours(now);
        Finding open = unreachable.value();
        if (week.probes() == 0 && open != null) {
            out.collect(open.resolved(later(now, open.firstSeen()), "近" + rules.probes().window().toChinese() + "无探测结果，不再判定"));
            unreachable.clear();
        }
    }

    private String probeText(ProbeCounts week) {
        return "近" + rules.probes().window().toChinese() + "探测" + week.probes() + "次，其中" + week.bad() + "次无法访问或超过"
                + rules.probes().slowMillis() / 1000.0 + "秒（" + percent((double) week.bad() / week.probes()) + "）";
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }

    // ---- source health ----------------------------------------------------------------------------

    private void heartbeat(MonitoredTarget t, SourceHeartbeat h, TimerService timers, Collector<Finding> out) throws Exception {
        SourceStatus before = source.value();
        if (before != null && before.at() > h.at().toEpochMilli()) {
            return; // an older heartbeat, replayed late
        }
        source.update(new SourceStatus(h.at().toEpochMilli(), h.ok(), h.connector(), h.error(), h.ok() ? h.at() : h.lastSuccess()));
        Finding open = unread.value();
        if (!h.ok()) {
            if (open == null) {
                raiseUnread(t, h.at(), "连接器" + name(h.connector()) + "读取失败" + (h.error() == null || h.error().isBlank() ? "" : "（" + h.error() + "）")
                        + "，" + lastRead(h.lastSuccess()), out);
            }
        } else if (open != null) {
            out.collect(open.resolved(later(h.at(), open.firstSeen()), "已于" + Deadlines.DAY.format(h.at()) + "恢复读取"));
            unread.clear();
            schedule(timers); // judged again from the real last update: past deadlines fire at the next watermark
        }
        // Rounded up to the minute: a source polled often sets one timer a minute, not one a poll.
        long silentAt = h.at().plus(sourceSilence).toEpochMilli();
        Deadlines.register(timers, Instant.ofEpochMilli(Math.floorDiv(silentAt + 59_999, 60_000) * 60_000), wallClock);
    }

    private void checkSilence(MonitoredTarget t, Instant now, Collector<Finding> out) throws Exception {
        SourceStatus s = source.value();
        if (s == null || !s.ok() || unread.value() != null || now.isBefore(Instant.ofEpochMilli(s.at()).plus(sourceSilence))) {
            return;
        }
        raiseUnread(t, now, "连接器" + name(s.connector()) + "超过" + Span.of(sourceSilence).toChinese() + "未报告读取，" + lastRead(s.lastSuccess()), out);
    }

    /** Whether the target's source, if any connector ever reported on it, is not read at {@code now}. */
    private boolean unreadAt(Instant now) throws Exception {
        SourceStatus s = source.value();
        return s != null && (!s.ok() || !now.isBefore(Instant.ofEpochMilli(s.at()).plus(sourceSilence)));
    }

    private void raiseUnread(MonitoredTarget t, Instant at, String detail, Collector<Finding> out) throws Exception {
        Finding f = Finding.of(rules.rule(rules.sourceHealth().ruleId()), t, Finding.Stage.BREACH, at.toString(),
                detail + "；期间暂停对其更新情况的判定", new Finding.Evidence(List.of(), t.url() == null ? List.of() : List.of(t.url()), List.of(), null), at);
        unread.update(f);
        out.collect(f);
    }

    private static String name(String connector) {
        return connector == null || connector.isBlank() ? "" : " " + connector + " ";
    }

    private static String lastRead(Instant lastSuccess) {
        return lastSuccess == null ? "从未成功读取" : "最近一次成功读取于" + Deadlines.TIME.format(lastSuccess);
    }

    private static String limitText(Freshness fr) {
        return fr.limit().toChinese();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
