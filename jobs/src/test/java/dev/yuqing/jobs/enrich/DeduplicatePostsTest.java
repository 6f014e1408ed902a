package dev.yuqing.jobs.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.post.Post;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeduplicatePostsTest {
    private static final Duration TTL = Duration.ofHours(1);
    private static final long T = TTL.toMillis();
    private KeyedOneInputStreamOperatorTestHarness<Integer, ParsedPost, Post> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new DeduplicatePosts(TTL)), ParsedPost::partition, Types.INT);
        harness.setProcessingTime(0);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** A post of partition 0. */
    private static ParsedPost post(String id, String text) {
        return new ParsedPost(0, TestPosts.post(id, text));
    }

    @Test
    void passesTheFirstOfEachIdAndDropsRepeatsInTheirOrder() throws Exception {
        harness.processElement(post("b", "二"), 1);
        harness.processElement(post("a", "一"), 2);
        harness.processElement(post("b", "二，重发"), 3);
        harness.processElement(post("c", "三"), 4);
        assertThat(harness.extractOutputValues()).extracting(Post::id).containsExactly("b", "a", "c");
    }

    @Test
    void anIdIsRememberedForItsTimeToLiveAfterItWasLastSeen() throws Exception {
        harness.processElement(post("a", "一"), 1);
        harness.setProcessingTime(T - 1);
        harness.processElement(post("a", "一"), 2); // a repeat: remembered from now on
        harness.setProcessingTime(T + T / 2);
        harness.processElement(post("a", "一"), 3); // 1.5 TTL after the first, within a TTL of the repeat
        assertThat(harness.extractOutputValues()).extracting(Post::id).containsExactly("a");
        harness.setProcessingTime(3 * T);
        harness.processElement(post("a", "一"), 4);
        assertThat(harness.extractOutputValues()).extracting(Post::id).containsExactly("a", "a");
    }

    /** An id last seen more than a TTL ago passes again even while the next pruning is still to come. */
    @Test
    void anIdOlderThanItsTimeToLivePassesBeforeItIsPruned() throws Exception {
        harness.processElement(post("a", "一"), 1); // prunings every T/8 from here
        harness.setProcessingTime(T / 16);
        harness.processElement(post("b", "二"), 2);
        harness.setProcessingTime(T + T / 16 + 1); // b is a TTL old; the pruning that removes it is due at 9T/8
        harness.processElement(post("b", "二"), 3);
        assertThat(harness.extractOutputValues()).extracting(Post::id).containsExactly("a", "b", "b");
    }

    /** State stays bounded: ids not seen for a TTL are pruned by a timer, not only ignored. */
    @Test
    void forgottenIdsLeaveTheState() throws Exception {
        harness.processElement(post("a", "一"), 1);
        harness.processElement(post("b", "二"), 2);
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.setProcessingTime(3 * T);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void refusesANonPositiveTtl() {
        assertThatThrownBy(() -> new DeduplicatePosts(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
