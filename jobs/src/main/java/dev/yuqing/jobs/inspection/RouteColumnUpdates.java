package dev.yuqing.jobs.inspection;

import dev.yuqing.core.inspection.ColumnType;
import dev.yuqing.core.inspection.MonitoredTarget;
import dev.yuqing.core.inspection.Registry;
import dev.yuqing.core.inspection.RegistryChange;
import dev.yuqing.core.inspection.TargetKind;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Before the posts are keyed by target: passes every post on, and for a publication of a site's
 * column (not the home page) sends a {@link ColumnUpdate} to the site's home-page column
 * ({@link #COLUMN_UPDATES}), so that a navigation-only home page can be judged by its second-level
 * pages (首页仅为网站栏目导航入口的，检查其二级页面). {@link InspectTargets} keys posts by the column,
 * where the home page's id and entry are not known; this operator knows the whole registry.
 *
 * <p>Every home page gets its columns' updates, navigation-only or not, and keeps the latest: a home
 * page that becomes navigation-only by a change at run time is judged at once by what its columns
 * published before, whatever order the change and the posts arrive in.
 *
 * <p>The registry is the file the job started with and, on top, the changes from the topic, kept
 * in broadcast state (every subtask sees every change) as the entries changed since the file, a
 * removed one as an entry without a target, and per site the home page the changes set. Like
 * {@link InspectTargets}, a change is taken as it comes, whatever the rest of the registry says.
 */
public final class RouteColumnUpdates extends BroadcastProcessFunction<EnrichedPost, RegistryChange, EnrichedPost> {
    private static final long serialVersionUID = 1L;
    public static final OutputTag<TargetSignal> COLUMN_UPDATES = new OutputTag<>("column-updates") {};

    /** A target as the changes left it; no target when removed. */
    public record Entry(MonitoredTarget target) {}

    /** Targets by id, as changed since the registry file. */
    static final MapStateDescriptor<String, Entry> TARGETS =
            new MapStateDescriptor<>("routedTargets", Types.STRING, TypeInformation.of(Entry.class));
    /** Home-page columns by site id, as changed since the registry file; no target when the site has none left. */
    static final MapStateDescriptor<String, Entry> HOME_PAGES =
            new MapStateDescriptor<>("routedHomePages", Types.STRING, TypeInformation.of(Entry.class));

    private final Registry initial;
    private transient Map<String, String> initialHomePages;

    public RouteColumnUpdates(Registry initial) {
        this.initial = initial;
    }

    /** The state the stream of changes is broadcast with. */
    public static MapStateDescriptor<?, ?>[] stateDescriptors() {
        return new MapStateDescriptor<?, ?>[] {TARGETS, HOME_PAGES};
    }

    @Override
    public void open(OpenContext openContext) {
        initialHomePages = new HashMap<>();
        for (MonitoredTarget t : initial.targets()) {
            if (isHomePage(t)) {
                initialHomePages.put(t.siteId(), t.id());
            }
        }
    }

    @Override
    public void processElement(EnrichedPost e, ReadOnlyContext ctx, Collector<EnrichedPost> out) throws Exception {
        Post p = e.post();
        MonitoredTarget column = p.account() == null ? null : target(ctx.getBroadcastState(TARGETS), p.account());
        if (column != null && column.kind() == TargetKind.COLUMN && !isHomePage(column) && column.isPublishedBy(p)) {
            String home = homePage(ctx.getBroadcastState(HOME_PAGES), column.siteId());
            if (home != null) {
                ctx.output(COLUMN_UPDATES, TargetSignal.of(new ColumnUpdate(home, column.id(), column.name(), p.id(), p.url(), p.publishedAt())));
            }
        }
        out.collect(e);
    }

    @Override
    public void processBroadcastElement(RegistryChange change, Context ctx, Collector<EnrichedPost> out) throws Exception {
        BroadcastState<String, Entry> targets = ctx.getBroadcastState(TARGETS);
        BroadcastState<String, Entry> homePages = ctx.getBroadcastState(HOME_PAGES);
        MonitoredTarget before = target(targets, change.id());
        MonitoredTarget after = change.op() == RegistryChange.Op.UPSERT ? change.target() : null;
        targets.put(change.id(), new Entry(after));
        // A home page no longer one (removed, retyped, moved): its site has none until another comes.
        if (isHomePage(before) && change.id().equals(homePage(homePages, before.siteId()))
                && !(isHomePage(after) && after.siteId().equals(before.siteId()))) {
            homePages.put(before.siteId(), new Entry(null));
        }
        if (isHomePage(after)) {
            homePages.put(after.siteId(), new Entry(after));
        }
    }

    private MonitoredTarget target(ReadOnlyBroadcastState<String, Entry> targets, String id) throws Exception {
        Entry changed = targets.get(id);
        return changed != null ? changed.target() : initial.get(id).orElse(null);
    }

    private String homePage(ReadOnlyBroadcastState<String, Entry> homePages, String siteId) throws Exception {
        Entry changed = homePages.get(siteId);
        if (changed == null) {
            return initialHomePages.get(siteId);
        }
        return changed.target() == null ? null : changed.target().id();
    }

    private static boolean isHomePage(MonitoredTarget t) {
        return t != null && t.kind() == TargetKind.COLUMN && t.columnType() == ColumnType.HOME_PAGE;
    }
}
