package dev.yuqing.jobs.trend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alert.AlertType;
import dev.yuqing.core.post.EnrichedPost;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountNegativeSurgeTest {
    private static final long MINUTE = 60_000;
    private static final long T0 = TrendPosts.T0.toEpochMilli();
    private KeyedOneInputStreamOperatorTestHarness<String, EnrichedPost, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new AccountNegativeSurge(Duration.ofMinutes(10), 0.2, 0.3, 10, Duration.ofHours(1))),
                p -> p.post().account(), Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** {@code n} posts of one account in the window starting at {@code minute}, {@code negative} of them negative. */
    private void posts(int minute, int n, int negative) throws Exception {
        for (int i = 0; i < n; i++) {
            long at = T0 + minute * MINUTE + i;
            EnrichedPost p = TrendPosts.post("acc", at, "评论" + i, java.util.List.of(), i < negative ? -0.8 : 0.5);
            harness.processElement(new EnrichedPost(new dev.yuqing.core.post.Post("c" + minute + "-" + i, p.post().source(),
                    "weibo:gov", null, null, null, p.post().text(), p.post().publishedAt(), null, "南湖区", null, null, null),
                    p.analysis(), p.analyzedAt()), at);
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
}
