package dev.yuqing.jobs.inspection;

import static dev.yuqing.jobs.inspection.InspectionPosts.post;
import static dev.yuqing.jobs.inspection.InspectionPosts.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.inspection.Finding;
import dev.yuqing.core.inspection.FindingKind;
import dev.yuqing.core.inspection.InspectionRules;
import dev.yuqing.core.inspection.RegistryChange;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.SourceType;
import dev.yuqing.core.source.LinkCheck;
import dev.yuqing.core.source.SiteProbe;
import dev.yuqing.core.source.SourceHeartbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link InspectTargets} on what the connectors report: dead links, site probes, source heartbeats; and blank columns. */
class InspectSignalsTest {
    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration SILENCE = Duration.ofHours(6);
    private static final String SITE = "site:www.demo.yuqing.invalid";
    private static final String HOME = SITE + "/index";
    private static final String NEWS = SITE + "/sfyw";
    private static final String NOTICES = SITE + "/tzgg";
    private KeyedTwoInputStreamOperatorTestHarness<String, EnrichedPost, TargetSignal, Finding> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new InspectTargets(InspectionRules.standard(), false, InspectionPosts.REGISTRY, SILENCE)),
                p -> p.post().account(), TargetSignal::targetId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void signal(TargetSignal s, Instant at) throws Exception {
        harness.processElement2(s, at.toEpochMilli());
    }

    private void register(String id, Instant at) throws Exception {
        signal(TargetSignal.of(RegistryChange.upsert(target(id), at)), at);
    }

    private void publish(String column, String id, Instant at) throws Exception {
        harness.processElement1(post(id, SourceType.SITE_PAGE, column, "示范市动态", "示范市召开工作会议，部署冬季安全生产。", at, null, null),
                at.toEpochMilli());
    }

    private void link(String column, String link, boolean dead, Instant at) throws Exception {
        signal(TargetSignal.of(new LinkCheck(column, "https://www.demo.yuqing.invalid/page.html", link, dead, dead ? 404 : 200,
                dead ? "HTTP 404" : "", at)), at);
    }

    private void probe(Instant at, long millis, boolean failed) throws Exception {
        signal(TargetSignal.of(new SiteProbe(SITE, "https://www.demo.yuqing.invalid/", at, failed ? 0 : 200, millis,
                failed ? "connection refused" : "")), at);
    }

    private void heartbeat(String account, Instant at, boolean ok, Instant lastSuccess) throws Exception {
        signal(TargetSignal.of(new SourceHeartbeat(account, "demo-site", at, ok, ok ? "" : "HTTP 503", lastSuccess)), at);
    }

    private void watermark(Instant at) throws Exception {
        harness.processBothWatermarks(new Watermark(at.toEpochMilli()));
    }

    private List<Finding> findings() {
        return harness.extractOutputValues();
    }

    @Test
    void aDeadLinkIsOneFindingPerColumnAndLinkResolvedWhenItIsAliveAgain() throws Exception {
        register(HOME, T0);
        register(NOTICES, T0);
        link(HOME, "https://www.demo.yuqing.invalid/a.pdf", true, T0);
        link(HOME, "https://www.demo.yuqing.invalid/a.pdf", true, T0.plusSeconds(60)); // checked again: still the one finding
        link(NOTICES, "https://www.demo.yuqing.invalid/a.pdf", true, T0);
        assertThat(findings()).hasSize(2);
        assertThat(findings().get(0)).satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("home-page-link-dead");
            assertThat(f.kind()).isEqualTo(FindingKind.DEAD_LINK);
            assertThat(f.scoredId()).isEqualTo(SITE);
            assertThat(f.points()).isEqualTo(1);
            assertThat(f.evidence().urls()).containsExactly("https://www.demo.yuqing.invalid/a.pdf", "https://www.demo.yuqing.invalid/page.html");
            assertThat(f.detail()).contains("HTTP 404");
        });
        assertThat(findings().get(1).ruleId()).isEqualTo("link-dead");

        link(NOTICES, "https://www.demo.yuqing.invalid/a.pdf", false, T0.plus(DAY));
        link(NOTICES, "https://www.demo.yuqing.invalid/b.pdf", false, T0.plus(DAY)); // alive, never dead: nothing
        assertThat(findings()).hasSize(3).last().satisfies(f -> {
            assertThat(f.id()).isEqualTo(findings().get(1).id());
            assertThat(f.resolvedAt()).isEqualTo(T0.plus(DAY));
            assertThat(f.detail()).contains("恢复可访问");
        });
        // Each column: its target and registration; the home page also its open link.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(5);
    }

    @Test
    void linksOfTargetsOutsideTheRegistryLeaveNoStateOnceTheirWaitIsOver() throws Exception {
        harness.setProcessingTime(T0.toEpochMilli());
        link("site:elsewhere.invalid/x", "https://elsewhere.invalid/a", true, T0);
        assertThat(findings()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).as("held for its registration").isEqualTo(1);
        harness.setProcessingTime(T0.plus(InspectTargets.PENDING_FOR).toEpochMilli());
        assertThat(findings()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void aStaleColumnWhoseSourceIsUnreadIsHeldAndJudgedAgainOnceItIsRead() throws Exception {
        register(NEWS, T0);
        publish(NEWS, "n1", T0);
        heartbeat(NEWS, T0.plus(Duration.ofDays(5)), true, null);
        heartbeat(NEWS, T0.plus(Duration.ofDays(6)), false, T0.plus(Duration.ofDays(5)));
        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.SOURCE_NOT_READ);
            assertThat(f.kind().scored()).isFalse();
            assertThat(f.detail()).contains("HTTP 503").contains("最近一次成功读取于2026年11月6日");
            assertThat(f.toAlert().type().code()).isEqualTo("source-health");
        });
        heartbeat(NEWS, T0.plus(Duration.ofDays(7)), false, T0.plus(Duration.ofDays(5))); // still failing: the same finding

        watermark(T0.plus(Duration.ofDays(20)));
        assertThat(findings()).as("past the warning and the limit, but nobody reads the column: no stale finding").hasSize(1);

        heartbeat(NEWS, T0.plus(Duration.ofDays(20)).plusSeconds(60), true, null);
        assertThat(findings()).hasSize(2).last().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.SOURCE_NOT_READ);
            assertThat(f.resolvedAt()).isEqualTo(T0.plus(Duration.ofDays(20)).plusSeconds(60));
        });
        watermark(T0.plus(Duration.ofDays(20)).plusSeconds(120));
        // The deadlines passed while it was held fire now, in order: the warning, then the breach under its id.
        assertThat(findings().subList(2, findings().size())).extracting(Finding::stage)
                .containsExactly(Finding.Stage.WARNING, Finding.Stage.BREACH);
        assertThat(findings()).last().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("column-stale");
            assertThat(f.stage()).isEqualTo(Finding.Stage.BREACH);
            assertThat(f.detail()).as("from the real last update").contains("最后更新于2026年11月1日");
        });
    }

    @Test
    void aSourceSilentPastTheLimitIsNotReadUntilItsNextHeartbeat() throws Exception {
        register(NEWS, T0);
        publish(NEWS, "n1", T0);
        heartbeat(NEWS, T0.plusSeconds(30), true, null);
        watermark(T0.plus(SILENCE).minusSeconds(60));
        assertThat(findings()).isEmpty();
        watermark(T0.plus(SILENCE).plusSeconds(60));
        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.SOURCE_NOT_READ);
            assertThat(f.detail()).contains("超过6小时未报告读取");
        });
        heartbeat(NEWS, T0.plus(DAY), true, null);
        assertThat(findings()).hasSize(2).last().extracting(Finding::resolvedAt).isEqualTo(T0.plus(DAY));
        watermark(T0.plus(Duration.ofDays(14)));
        assertThat(findings()).as("heartbeats stopped again: unread again before the column would go stale")
                .extracting(Finding::kind).containsExactly(FindingKind.SOURCE_NOT_READ, FindingKind.SOURCE_NOT_READ, FindingKind.SOURCE_NOT_READ);
    }

    @Test
    void aColumnNoHeartbeatNamesIsJudgedAsBefore() throws Exception {
        register(NEWS, T0);
        publish(NEWS, "n1", T0);
        watermark(T0.plus(Duration.ofDays(14)));
        assertThat(findings()).extracting(Finding::ruleId).containsExactly("column-stale", "column-stale");
    }

    @Test
    void aSiteFailsWhenFivePercentOfAWeeksProbesFailOrTakeFifteenSecondsAndRecovers() throws Exception {
        register(SITE, T0);
        Instant at = T0;
        for (int i = 0; i < 18; i++, at = at.plus(Duration.ofMinutes(70))) {
            probe(at, 800, false);
        }
        probe(at, 15_000, false); // slow
        at = at.plus(Duration.ofMinutes(70));
        assertThat(findings()).as("19 probes: too few to judge").isEmpty();
        probe(at, 200, true); // failed: 2 of 20 = 10%
        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("site-unreachable");
            assertThat(f.kind()).isEqualTo(FindingKind.UNREACHABLE);
            assertThat(f.veto()).isTrue();
            assertThat(f.detail()).contains("探测20次，其中2次").contains("10.0%");
        });
        for (int i = 0; i < 19; i++) {
            at = at.plus(Duration.ofMinutes(70));
            probe(at, 500, false);
        }
        assertThat(findings()).as("2 of 39 = 5.1%").hasSize(1);
        probe(at.plusSeconds(60), 500, false);
        assertThat(findings()).as("2 of 40 = 5%: still").hasSize(1);
        probe(at.plusSeconds(120), 500, false);
        assertThat(findings()).as("2 of 41 < 5%").hasSize(2).last().satisfies(f -> assertThat(f.resolvedAt()).isNotNull());

        long hours = harness.numKeyedStateEntries() - 2; // target, registration
        assertThat(hours).as("counts per hour, not per probe").isLessThanOrEqualTo(40);
        // A week and an hour after the last: the counts go, and so do the timers.
        watermark(at.plus(Duration.ofDays(8)));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void probesOlderThanTheWeekDropOutOfTheShare() throws Exception {
        register(SITE, T0);
        for (int i = 0; i < 20; i++) {
            probe(T0.plus(Duration.ofMinutes(10L * i)), 100, i == 0);
        }
        assertThat(findings()).hasSize(1);
        Instant later = T0.plus(Duration.ofDays(8));
        for (int i = 0; i < 20; i++) {
            probe(later.plus(Duration.ofMinutes(10L * i)), 100, false);
        }
        assertThat(findings()).hasSize(2).last().satisfies(f -> assertThat(f.detail()).contains("探测20次，其中0次"));
    }

    @Test
    void aColumnWithoutAnyItemIsBlankAfterItsGraceUntilItsFirstItem() throws Exception {
        register(NOTICES, T0);
        register(HOME, T0);
        watermark(T0.plus(Duration.ofDays(7)).minusMillis(1));
        assertThat(findings()).isEmpty();
        watermark(T0.plus(Duration.ofDays(7)));
        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("column-blank");
            assertThat(f.targetId()).isEqualTo(NOTICES);
            assertThat(f.detail()).contains("登记以来栏目无任何内容");
        });
        publish(NOTICES, "t1", T0.plus(Duration.ofDays(8)));
        assertThat(findings()).hasSize(2).last().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("column-blank");
            assertThat(f.resolvedAt()).isEqualTo(T0.plus(Duration.ofDays(8)));
        });
    }

    @Test
    void removingATargetResolvesEverythingOpenAndClearsItsState() throws Exception {
        register(HOME, T0);
        link(HOME, "https://www.demo.yuqing.invalid/a.pdf", true, T0);
        heartbeat(HOME, T0, false, null);
        signal(TargetSignal.of(RegistryChange.remove(HOME, T0.plus(DAY))), T0.plus(DAY));
        assertThat(findings()).hasSize(4).last().satisfies(f -> assertThat(f.resolvedAt()).isEqualTo(T0.plus(DAY)));
        assertThat(findings().subList(2, 4)).allSatisfy(f -> assertThat(f.detail()).contains("已移出巡检名录"));
        assertThat(harness.numKeyedStateEntries()).as("only the mark that it was removed").isEqualTo(1);
        watermark(T0.plus(Duration.ofDays(30)));
        assertThat(findings()).hasSize(4);
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /**
     * The registry topic and the connectors' topics are read at once: a dead link or a failing source
     * reported before its column's registration counts once the column is registered, instead of
     * being lost (the connector reports a dead link once); reports of a target never registered are
     * forgotten after an hour, their timer and state gone.
     */
    @Test
    void reportsThatComeBeforeTheirTargetsRegistrationCountOnceItComes() throws Exception {
        harness.close();
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new InspectTargets(InspectionRules.standard(), false, dev.yuqing.core.inspection.Registry.empty(), SILENCE)),
                p -> p.post().account(), TargetSignal::targetId, Types.STRING);
        harness.open();
        // A replay: the wall clock is weeks past the published times.
        Instant wall = T0.plus(Duration.ofDays(40));
        harness.setProcessingTime(wall.toEpochMilli());
        link(NOTICES, "https://www.demo.yuqing.invalid/a.pdf", true, T0);
        heartbeat(NOTICES, T0, false, T0.minus(DAY));
        link(NEWS, "https://www.demo.yuqing.invalid/c.pdf", true, T0);
        link("site:elsewhere.invalid/x", "https://elsewhere.invalid/b.pdf", true, T0);
        assertThat(findings()).as("nothing known of the targets yet").isEmpty();
        assertThat(harness.numProcessingTimeTimers()).as("one wait per target").isEqualTo(3);

        register(NOTICES, T0.plusSeconds(5));
        register(NEWS, T0.plusSeconds(5));
        assertThat(findings()).extracting(Finding::kind).containsExactly(FindingKind.DEAD_LINK, FindingKind.SOURCE_NOT_READ, FindingKind.DEAD_LINK);

        // The wait ends by the wall clock, weeks after the columns' registration in event time: judging stays with
        // event time (no stale or blank finding from the wall clock in a replay).
        harness.setProcessingTime(wall.plus(InspectTargets.PENDING_FOR).toEpochMilli());
        assertThat(findings()).hasSize(3);
        assertThat(harness.numProcessingTimeTimers()).isZero();
        harness.close();
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new InspectTargets(InspectionRules.standard(), false, dev.yuqing.core.inspection.Registry.empty(), SILENCE)),
                p -> p.post().account(), TargetSignal::targetId, Types.STRING);
        harness.open();
    }

    /** A dead link gone from its page (the site removed it) closes its finding, saying so. */
    @Test
    void aDeadLinkRemovedFromItsPageIsResolvedAsRemoved() throws Exception {
        register(NOTICES, T0);
        link(NOTICES, "https://www.demo.yuqing.invalid/a.pdf", true, T0);
        signal(TargetSignal.of(new LinkCheck(NOTICES, "https://www.demo.yuqing.invalid/page.html", "https://www.demo.yuqing.invalid/a.pdf",
                false, 0, "no longer linked from https://www.demo.yuqing.invalid/page.html", T0.plus(DAY))), T0.plus(DAY));
        assertThat(findings()).hasSize(2).last().satisfies(f -> {
            assertThat(f.resolvedAt()).isEqualTo(T0.plus(DAY));
            assertThat(f.detail()).contains("从页面移除", "a.pdf");
        });
    }
}
