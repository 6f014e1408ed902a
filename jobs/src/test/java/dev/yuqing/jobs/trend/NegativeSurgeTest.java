package dev.yuqing.jobs.trend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alert.AlertType;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.SourceType;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NegativeSurgeTest {
    private static final long MINUTE = 60_000;
    private static final long T0 = TrendPosts.T0.toEpochMilli();
    private KeyedOneInputStreamOperatorTestHarness<String, ScopedPost, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new NegativeSurge(Duration.ofMinutes(10), 0.2, 0.3, 10, Duration.ofHours(1), Duration.ofMinutes(30))),
                p -> p.scope().key(), Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** {@code n} posts of one account in the window starting at {@code minute}, {@code negative} of them negative. */
    private void posts(int minute, int n, int negative) throws Exception {
        posts(minute, n, negative, SourceType.WEIBO, "weibo:gov", SurgeScope.Kind.ACCOUNT);
    }

    /** The same, from a source and account, counted toward the scope of {@code kind} as {@link SurgeScopes} would. */
    private void posts(int minute, int n, int negative, SourceType source, String account, SurgeScope.Kind kind) throws Exception {
        for (int i = 0; i < n; i++) {
            long at = T0 + minute * MINUTE + i;
            EnrichedPost p = TrendPosts.post("acc", at, "评论" + i, java.util.List.of(), i < negative ? -0.8 : 0.5);
            EnrichedPost post = new EnrichedPost(new Post(account + minute + "-" + i, source,
                    account, null, null, null, p.post().text(), p.post().publishedAt(), null, "南湖区", null, null, null),
                    p.analysis(), p.analyzedAt());
            SurgeScope scope = SurgeScope.of(post).stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
            harness.processElement(new ScopedPost(scope, post), at);
        }
    }

    @Test
    void aWindowFarMoreNegativeThanUsualRaisesOneAlertPerAccount() throws Exception {
        for (int w = 0; w < 5; w++) {
            posts(10 * w, 20, 2);
            harness.processWatermark(T0 + (10 * w + 10) * MINUTE);
        }
        assertThat(harness.extractOutputValues()).isEmpty();

        posts(50, 20, 16);
        harness.processWatermark(T0 + 60 * MINUTE);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.NEGATIVE_SURGE);
            assertThat(a.id()).isEqualTo("negative-surge:account:weibo:gov");
            assertThat(a.level()).isEqualTo(AlertLevel.ORANGE);
            assertThat(a.count()).isEqualTo(16);
            assertThat(a.evidence().postIds()).hasSize(5);
        });
    }

    /**
     * A post for a window already judged counts in the oldest open window: judged on its own, a
     * single late post would move the account's baseline by a fifth toward 0 or 1 and hide the
     * next surge.
     */
    @Test
    void aLatePostCountsInTheOpenWindowInsteadOfBeingJudgedAlone() throws Exception {
        for (int w = 0; w < 5; w++) {
            posts(10 * w, 20, 2);
            harness.processWatermark(T0 + (10 * w + 10) * MINUTE);
        }
        posts(45, 1, 1); // published in the window judged at minute 50, arrived after it
        posts(50, 20, 8);
        harness.processWatermark(T0 + 60 * MINUTE);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("negative-surge:account:weibo:gov");
            assertThat(a.count()).as("the late post among the window's negative ones").isEqualTo(9);
        });
    }

    /** Posts later than the limit (an import of an account's old comments) are left out, not piled into the open window. */
    @Test
    void postsLaterThanTheLimitDoNotMakeASurge() throws Exception {
        for (int w = 0; w < 5; w++) {
            posts(10 * w, 20, 2);
            harness.processWatermark(T0 + (10 * w + 10) * MINUTE);
        }
        harness.processWatermark(T0 + 90 * MINUTE);
        posts(50, 20, 16); // 40 minutes behind
        harness.processWatermark(T0 + 100 * MINUTE);
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void fewPostsAreNoSurgeAndAQuietAccountIsForgotten() throws Exception {
        posts(0, 20, 2);
        harness.processWatermark(T0 + 10 * MINUTE);
        posts(10, 5, 5);
        harness.processWatermark(T0 + 20 * MINUTE);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2); // baseline and last activity
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);   // the idle timer

        harness.processWatermark(T0 + 80 * MINUTE);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void sitesAndRegionsSurgeUnderTheirOwnNames() throws Exception {
        for (int w = 0; w < 3; w++) {
            posts(10 * w, 20, 2, SourceType.CITIZEN_MESSAGE, "site:12345", SurgeScope.Kind.SITE);
            posts(10 * w, 20, 2, SourceType.WECHAT, "wechat:水务", SurgeScope.Kind.REGION);
            harness.processWatermark(T0 + (10 * w + 10) * MINUTE);
        }
        posts(30, 20, 14, SourceType.CITIZEN_MESSAGE, "site:12345", SurgeScope.Kind.SITE);
        posts(30, 20, 14, SourceType.WECHAT, "wechat:水务", SurgeScope.Kind.REGION);
        harness.processWatermark(T0 + 40 * MINUTE);

        assertThat(harness.extractOutputValues()).hasSize(2).anySatisfy(a -> {
            assertThat(a.id()).isEqualTo("negative-surge:site:site:12345");
            assertThat(a.account()).isEqualTo("site:12345");
            assertThat(a.title()).startsWith("网站");
        }).anySatisfy(a -> {
            assertThat(a.id()).isEqualTo("negative-surge:region:南湖区");
            assertThat(a.account()).isNull();
            assertThat(a.region()).isEqualTo("南湖区");
            assertThat(a.title()).startsWith("地区");
        });
    }

    @Test
    void aPostCountsForItsAccountOrSiteAndItsRegion() {
        EnrichedPost weibo = TrendPosts.post("w", T0, "评论", java.util.List.of(), -0.5);
        assertThat(SurgeScope.of(weibo)).extracting(SurgeScope::key).containsExactly("account:" + weibo.post().account(), "region:" + weibo.post().region());
        EnrichedPost message = new EnrichedPost(new Post("m", SourceType.CITIZEN_MESSAGE, "site:1", null, null, null, "留言", weibo.post().publishedAt(),
                null, null, null, null, null), weibo.analysis(), weibo.analyzedAt());
        assertThat(SurgeScope.of(message)).extracting(SurgeScope::key).containsExactly("site:site:1");
    }
}
