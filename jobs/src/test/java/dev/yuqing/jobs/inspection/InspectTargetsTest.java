package dev.yuqing.jobs.inspection;

import static dev.yuqing.jobs.inspection.InspectionPosts.ACCOUNT;
import static dev.yuqing.jobs.inspection.InspectionPosts.BOARD;
import static dev.yuqing.jobs.inspection.InspectionPosts.NOTICES;
import static dev.yuqing.jobs.inspection.InspectionPosts.post;
import static dev.yuqing.jobs.inspection.InspectionPosts.target;
import static dev.yuqing.jobs.inspection.InspectionPosts.weibo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.inspection.Finding;
import dev.yuqing.core.inspection.FindingKind;
import dev.yuqing.core.inspection.InspectionRules;
import dev.yuqing.core.inspection.RegistryChange;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.SourceType;
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

class InspectTargetsTest {
    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z"); // 10:00 China time
    private static final Duration DAY = Duration.ofDays(1);
    private KeyedTwoInputStreamOperatorTestHarness<String, EnrichedPost, TargetSignal, Finding> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness(false);
        harness.open();
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, EnrichedPost, TargetSignal, Finding> harness(boolean wallClock) throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new InspectTargets(InspectionRules.standard(), wallClock, InspectionPosts.REGISTRY,
                        Duration.ofHours(6))), p -> p.post().account(), TargetSignal::targetId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void register(String id, Instant at) throws Exception {
        harness.processElement2(TargetSignal.of(RegistryChange.upsert(target(id), at)), at.toEpochMilli());
    }

    private void publish(EnrichedPost p) throws Exception {
        harness.processElement1(p, p.post().publishedAt().toEpochMilli());
    }

    private void watermark(Instant at) throws Exception {
        harness.processBothWatermarks(new Watermark(at.toEpochMilli()));
    }

    private List<Finding> findings() {
        return harness.extractOutputValues();
    }

    @Test
    void aSilentAccountIsWarnedThreeDaysAheadAndBreachesExactlyAtTwoWeeks() throws Exception {
        register(ACCOUNT, T0);
        publish(weibo("w1", T0.plus(DAY), "南湖区今天召开防汛工作会议"));
        Instant staleAt = T0.plus(DAY).plus(Duration.ofDays(14));

        watermark(staleAt.minus(Duration.ofDays(3)).minusMillis(1));
        assertThat(findings()).isEmpty();
        watermark(staleAt.minus(Duration.ofDays(3)));
        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(Finding.Stage.WARNING);
            assertThat(f.kind()).isEqualTo(FindingKind.STALE);
            assertThat(f.ruleId()).isEqualTo("account-stale");
            assertThat(f.evidence().postIds()).containsExactly("w1");
        });

        watermark(staleAt.minusMillis(1));
        assertThat(findings()).hasSize(1);
        watermark(staleAt);
        assertThat(findings()).hasSize(2).last().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(Finding.Stage.BREACH);
            assertThat(f.id()).isEqualTo(findings().get(0).id()); // the warning escalates: one finding
            assertThat(f.lastSeen()).isEqualTo(staleAt);
            assertThat(f.veto()).isTrue();
            assertThat(f.detail()).contains("14天");
        });

        publish(weibo("w2", staleAt.plus(DAY), "南湖区发布冬季供暖安排"));
        assertThat(findings()).hasSize(3).last().satisfies(f -> {
            assertThat(f.resolvedAt()).isEqualTo(staleAt.plus(DAY));
            assertThat(f.toAlert().id()).endsWith(":resolved");
        });
    }

    @Test
    void anUpdateBeforeTheLimitCancelsThePendingAlert() throws Exception {
        register(ACCOUNT, T0);
        publish(weibo("w1", T0, "南湖区今天召开防汛工作会议"));
        publish(weibo("w2", T0.plus(Duration.ofDays(10)), "南湖区发布冬季供暖安排"));
        watermark(T0.plus(Duration.ofDays(15)));
        assertThat(findings()).as("the first post's limit passed, but the account updated").isEmpty();
        watermark(T0.plus(Duration.ofDays(24)));
        assertThat(findings()).extracting(Finding::stage).containsExactly(Finding.Stage.WARNING, Finding.Stage.BREACH);
    }

    @Test
    void aTargetThatNeverPublishesIsMeasuredFromItsRegistration() throws Exception {
        register(ACCOUNT, T0);
        watermark(T0.plus(Duration.ofDays(14)));
        assertThat(findings()).last().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(Finding.Stage.BREACH);
            assertThat(f.detail()).contains("登记以来未更新");
        });
    }

    @Test
    void theWallClockFiresWhenNoPostMovesEventTime() throws Exception {
        harness.close();
        harness = harness(true);
        harness.open();
        harness.setProcessingTime(T0.toEpochMilli());
        register(ACCOUNT, T0);
        harness.setProcessingTime(T0.plus(Duration.ofDays(14)).toEpochMilli());
        assertThat(findings()).extracting(Finding::stage).containsExactly(Finding.Stage.WARNING, Finding.Stage.BREACH);
        watermark(T0.plus(Duration.ofDays(20)));
        assertThat(findings()).as("event time finds it done").hasSize(2);
    }

    @Test
    void aPublicationLeakingAnIdNumberIsAVetoFindingWithMaskedEvidence() throws Exception {
        register(NOTICES, T0);
        publish(post("n1", SourceType.SITE_PAGE, NOTICES, "关于发放补贴的公示", "经审核，张三（身份证号110101199003078515）符合条件，现予公示。",
                T0.plus(DAY), null, null));
        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.PERSONAL_DATA);
            assertThat(f.veto()).isTrue();
            assertThat(f.scoredId()).isEqualTo("site:www.demo.yuqing.invalid");
            assertThat(f.evidence().terms()).noneMatch(t -> t.contains("110101199003078515"));
            assertThat(f.evidence().excerpt()).doesNotContain("110101199003078515");
        });
    }

    @Test
    void citizenMessagesOfARegisteredBoardGoOnMaskedAndOthersLeaveNoState() throws Exception {
        register(BOARD, T0);
        publish(post("m1", SourceType.CITIZEN_MESSAGE, BOARD, "路灯不亮", "我的电话13812345678，路灯坏了", T0, null, "m1"));
        publish(post("c1", SourceType.WEIBO, "weibo:网友123", null, "随便说说", T0, null, null));
        assertThat(harness.getSideOutput(InspectTargets.MESSAGES)).singleElement().satisfies(r -> {
            assertThat(r.getValue().board().id()).isEqualTo(BOARD);
            assertThat(r.getValue().post().text()).doesNotContain("13812345678");
        });
        assertThat(harness.numKeyedStateEntries()).as("target and its registration time, for the board only").isEqualTo(2);
    }

    @Test
    void aRemovedTargetResolvesItsFindingAndIsForgotten() throws Exception {
        register(ACCOUNT, T0);
        watermark(T0.plus(Duration.ofDays(14)));
        harness.processElement2(TargetSignal.of(RegistryChange.remove(ACCOUNT, T0.plus(Duration.ofDays(15)))), T0.plus(Duration.ofDays(15)).toEpochMilli());
        assertThat(findings()).last().satisfies(f -> assertThat(f.resolvedAt()).isEqualTo(T0.plus(Duration.ofDays(15))));
        assertThat(harness.numKeyedStateEntries()).as("only the mark that it was removed").isEqualTo(1);
        watermark(T0.plus(Duration.ofDays(60)));
        assertThat(findings()).hasSize(3);
    }

    @Test
    void aPublicationFromBeforeTheRegistrationStillSetsTheClock() throws Exception {
        register(ACCOUNT, T0.plus(Duration.ofDays(10)));
        publish(weibo("old", T0, "南湖区今天召开防汛工作会议"));
        watermark(T0.plus(Duration.ofDays(14)));
        assertThat(findings()).last().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(Finding.Stage.BREACH);
            assertThat(f.evidence().postIds()).containsExactly("old");
        });
    }

    @Test
    void aPostArrivingBeforeItsTargetsRecordCountsThroughTheInitialRegistryUnlessTheTargetWasRemoved() throws Exception {
        publish(weibo("early", T0, "南湖区今天召开防汛工作会议"));
        watermark(T0.plus(Duration.ofDays(14)));
        assertThat(findings()).last().satisfies(f -> assertThat(f.evidence().postIds()).containsExactly("early"));

        harness.processElement2(TargetSignal.of(RegistryChange.remove(ACCOUNT, T0.plus(Duration.ofDays(15)))), T0.plus(Duration.ofDays(15)).toEpochMilli());
        int before = findings().size();
        publish(weibo("after", T0.plus(Duration.ofDays(16)), "南湖区发布冬季供暖安排"));
        watermark(T0.plus(Duration.ofDays(40)));
        assertThat(findings()).hasSize(before);
    }
}
