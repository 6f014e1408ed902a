package dev.yuqing.jobs.inspection;

import static dev.yuqing.jobs.inspection.InspectionPosts.post;
import static dev.yuqing.jobs.inspection.InspectionPosts.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.yuqing.core.inspection.Finding;
import dev.yuqing.core.inspection.InspectionRules;
import dev.yuqing.core.inspection.MonitoredTarget;
import dev.yuqing.core.inspection.RegistryChange;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.SourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A home page that is only a navigation entry is judged by its second-level pages
 * (首页仅为网站栏目导航入口的，检查其二级页面): posts go through {@link RouteColumnUpdates} into
 * {@link InspectTargets} as the job wires them.
 */
class NavigationHomePageTest {
    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z"); // 10:00 China time
    private static final String SITE = "site:www.demo.yuqing.invalid";
    private static final String HOME = SITE + "/index";
    private static final String NEWS = SITE + "/sfyw";
    private static final String HOME2 = SITE + "/index2";

    private BroadcastOperatorTestHarness<EnrichedPost, RegistryChange, EnrichedPost> router;
    private KeyedTwoInputStreamOperatorTestHarness<String, EnrichedPost, TargetSignal, Finding> targets;

    @BeforeEach
    void open() throws Exception {
        router = router(null);
        targets = targets(null);
    }

    @AfterEach
    void close() throws Exception {
        router.close();
        targets.close();
    }

    private static BroadcastOperatorTestHarness<EnrichedPost, RegistryChange, EnrichedPost> router(OperatorSubtaskState restore) throws Exception {
        var h = new BroadcastOperatorTestHarness<>(new CoBroadcastWithNonKeyedOperator<>(new RouteColumnUpdates(InspectionPosts.REGISTRY),
                List.of(RouteColumnUpdates.stateDescriptors())), 1, 1, 0);
        h.setup();
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, EnrichedPost, TargetSignal, Finding> targets(OperatorSubtaskState restore)
            throws Exception {
        var h = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new InspectTargets(InspectionRules.standard(), false, InspectionPosts.REGISTRY, Duration.ofHours(6))),
                (EnrichedPost p) -> p.post().account(), TargetSignal::targetId, Types.STRING);
        h.setup();
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    private static MonitoredTarget home(String id, boolean navigationOnly) {
        MonitoredTarget h = target(HOME);
        return new MonitoredTarget(id, h.name(), h.kind(), h.siteId(), h.ownerUnit(), h.platform(), h.columnType(), h.region(), h.url(),
                h.updatePeriod(), navigationOnly);
    }

    /** A registry change, to both operators as the job broadcasts and keys it. */
    private void change(RegistryChange c) throws Exception {
        long at = c.at().toEpochMilli();
        router.processBroadcastElement(c, at);
        targets.processElement2(TargetSignal.of(c), at);
    }

    private void register(MonitoredTarget t, Instant at) throws Exception {
        change(RegistryChange.upsert(t, at));
    }

    /** How many of the router's column updates went on to the targets already. */
    private int routed = 0;

    /** A page of {@code account}: through the router; what it sends to home pages and the post itself on to the targets. */
    private void publish(String account, String id, SourceType source, Instant at) throws Exception {
        router.processElement(post(id, source, account, "示范市动态", "示范市召开工作会议，部署冬季安全生产。", at, null, null), at.toEpochMilli());
        List<StreamRecord<TargetSignal>> updates = List.copyOf(router.getSideOutput(RouteColumnUpdates.COLUMN_UPDATES));
        for (StreamRecord<TargetSignal> u : updates.subList(routed, updates.size())) {
            targets.processElement2(u.getValue(), u.getTimestamp());
        }
        routed = updates.size();
        List<EnrichedPost> passed = router.extractOutputValues();
        targets.processElement1(passed.get(passed.size() - 1), at.toEpochMilli());
    }

    private void publish(String account, String id, Instant at) throws Exception {
        publish(account, id, SourceType.SITE_PAGE, at);
    }

    private List<ColumnUpdate> routedUpdates() {
        return router.getSideOutput(RouteColumnUpdates.COLUMN_UPDATES) == null ? List.of()
                : router.getSideOutput(RouteColumnUpdates.COLUMN_UPDATES).stream().map(r -> r.getValue().columnUpdate()).toList();
    }

    private void watermark(Instant at) throws Exception {
        targets.processBothWatermarks(new Watermark(at.toEpochMilli()));
    }

    private List<Finding> homeFindings() {
        return targets.extractOutputValues().stream().filter(f -> f.targetId().equals(HOME)).toList();
    }

    /** The home page registered at T0, its news column publishing on day 10 and nothing else, judged until {@code until}. */
    private void homeKeptOnlyByNews(boolean navigationOnly, Instant until) throws Exception {
        register(home(HOME, navigationOnly), T0);
        register(target(NEWS), T0);
        publish(NEWS, "n1", day(10));
        watermark(until);
    }

    @Test
    void aNavigationOnlyHomePageIsUpToDateWhileItsColumnsPublish() throws Exception {
        homeKeptOnlyByNews(true, day(20));
        assertThat(homeFindings()).as("the news column published on day 10: the home page is fresh until day 24").isEmpty();

        watermark(day(24));
        assertThat(homeFindings()).extracting(Finding::stage).containsExactly(Finding.Stage.WARNING, Finding.Stage.BREACH);
        assertThat(homeFindings()).last().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("home-page-stale");
            assertThat(f.firstSeen()).isEqualTo(day(21));
            assertThat(f.detail()).isEqualTo("首页为导航页，按二级栏目最近更新计：栏目示范要闻最后更新于2026年11月11日，超过14天未更新");
            assertThat(f.evidence().postIds()).containsExactly("n1");
            assertThat(f.evidence().urls()).containsExactly("https://demo.yuqing.invalid/n1");
        });
    }

    @Test
    void anOrdinaryHomePageWithTheSameColumnBreaches() throws Exception {
        homeKeptOnlyByNews(false, day(20));
        assertThat(homeFindings()).extracting(Finding::stage).containsExactly(Finding.Stage.WARNING, Finding.Stage.BREACH);
        assertThat(homeFindings()).last().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("home-page-stale");
            assertThat(f.firstSeen()).isEqualTo(day(11));
            assertThat(f.detail()).startsWith("自2026年11月1日登记以来未更新");
        });
        assertThat(routedUpdates()).as("kept by the home page all the same, should it become navigation-only")
                .containsExactly(new ColumnUpdate(HOME, NEWS, "示范要闻", "n1", "https://demo.yuqing.invalid/n1", day(10)));
    }

    @Test
    void itsOwnPublicationsCountTooTheLatestOfBoth() throws Exception {
        register(home(HOME, true), T0);
        register(target(NEWS), T0);
        publish(NEWS, "n1", day(5));
        publish(HOME, "h1", day(12));
        publish(NEWS, "n0", day(3)); // older, replayed late: nothing moves
        watermark(day(22));
        assertThat(homeFindings()).isEmpty();
        watermark(day(26));
        assertThat(homeFindings()).last().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(Finding.Stage.BREACH);
            assertThat(f.detail()).isEqualTo("最后更新于2026年11月13日，超过14天未更新");
            assertThat(f.evidence().postIds()).containsExactly("h1");
        });
        publish(NEWS, "n2", day(27));
        assertThat(homeFindings()).last().satisfies(f -> {
            assertThat(f.resolvedAt()).isEqualTo(day(27));
            assertThat(f.detail()).isEqualTo("已于2026年11月28日更新（首页为导航页，二级栏目示范要闻更新）");
        });
        // The home page's own publications are checked; its columns' are not checked again as the home page's.
        assertThat(targets.extractOutputValues()).filteredOn(f -> f.targetId().equals(HOME)).extracting(Finding::ruleId)
                .containsOnly("home-page-stale");
    }

    @Test
    void aHomePageThatBecomesNavigationOnlyAtRunTimeCountsWhatItsColumnsPublishedBefore() throws Exception {
        homeKeptOnlyByNews(false, day(14));
        assertThat(homeFindings()).last().satisfies(f -> assertThat(f.stage()).isEqualTo(Finding.Stage.BREACH));

        register(home(HOME, true), day(15));
        assertThat(homeFindings()).hasSize(3).last().satisfies(f -> {
            assertThat(f.resolvedAt()).isEqualTo(day(15));
            assertThat(f.detail()).isEqualTo("登记为导航页，已于2026年11月11日更新（首页为导航页，二级栏目示范要闻更新）");
        });
        watermark(day(21).minusMillis(1));
        assertThat(homeFindings()).hasSize(3);
        watermark(day(21));
        assertThat(homeFindings()).hasSize(4).last().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(Finding.Stage.WARNING);
            assertThat(f.detail()).startsWith("首页为导航页，按二级栏目最近更新计");
        });

        // And back: judged by its own updates again, the registration of day 0.
        register(home(HOME, false), day(22));
        watermark(day(22).plusMillis(1));
        assertThat(homeFindings()).hasSize(5).last().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(Finding.Stage.BREACH);
            assertThat(f.detail()).startsWith("自2026年11月1日登记以来未更新");
        });
    }

    @Test
    void theRouterFollowsTheRegistryAndPassesEveryPostOn() throws Exception {
        register(target(NEWS), T0);
        publish(NEWS, "n1", day(1));
        publish(HOME, "h1", day(1)); // the home page's own: not a second-level page
        publish(NEWS, "c1", SourceType.SITE_COMMENT, day(1)); // a visitor's comment: not a publication
        publish("weibo:示范市发布", "w1", SourceType.WEIBO, day(1)); // an account belongs to no site
        publish("site:elsewhere.invalid/news", "x1", day(1)); // not registered
        assertThat(routedUpdates()).extracting(ColumnUpdate::homePage, ColumnUpdate::postId).containsExactly(tuple(HOME, "n1"));
        assertThat(router.extractOutputValues()).hasSize(5);

        change(RegistryChange.remove(HOME, day(2)));
        publish(NEWS, "n2", day(3));
        assertThat(routedUpdates()).as("the site has no home page left").hasSize(1);

        register(home(HOME2, true), day(4));
        publish(NEWS, "n3", day(5));
        assertThat(routedUpdates()).last().satisfies(u -> assertThat(u.homePage()).isEqualTo(HOME2));

        // A restart from a checkpoint: the registry as changed, not as in the file.
        OperatorSubtaskState routerState = router.snapshot(1, day(5).toEpochMilli());
        router.close();
        router = router(routerState);
        routed = 0;
        publish(NEWS, "n4", day(6));
        assertThat(routedUpdates()).singleElement().satisfies(u -> assertThat(u.homePage()).isEqualTo(HOME2));
    }

    @Test
    void removingTheHomePageClearsWhatItKeptOfItsColumns() throws Exception {
        register(home(HOME, true), T0);
        register(target(NEWS), T0);
        publish(NEWS, "n1", day(1));
        change(RegistryChange.remove(HOME, day(2)));
        publish(NEWS, "n2", day(3));
        // The news column: its target and last update; the home page: only the mark that it was removed.
        assertThat(targets.numKeyedStateEntries()).isEqualTo(3);
        watermark(day(60));
        assertThat(homeFindings()).isEmpty();
        assertThat(targets.numEventTimeTimers()).isZero();
    }

    @Test
    void aNavigationOnlyHomePageSurvivesARestartFromACheckpoint() throws Exception {
        assertThat(TypeInformation.of(MonitoredTarget.class)).as("kept in state by Flink's POJO serializer, which evolves with its fields")
                .isInstanceOf(PojoTypeInfo.class);
        register(home(HOME, true), T0); // not so in the registry file: only in state
        register(target(NEWS), T0);
        publish(NEWS, "n1", day(10));
        OperatorSubtaskState state = targets.snapshot(1, day(10).toEpochMilli());
        targets.close();
        targets = targets(state);
        watermark(day(20));
        assertThat(homeFindings()).isEmpty();
        watermark(day(24));
        assertThat(homeFindings()).last().satisfies(f -> assertThat(f.detail()).startsWith("首页为导航页，按二级栏目最近更新计"));
    }
}
