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
    private KeyedOneInputStreamOperatorTestHarness<String, Post, Post> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new DeduplicatePosts(TTL)), Post::id, Types.STRING);
        harness.setStateTtlProcessingTime(0);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void passesTheFirstOfEachIdAndDropsRepeats() throws Exception {
        harness.processElement(TestPosts.post("a", "一"), 1);
        harness.processElement(TestPosts.post("b", "二"), 2);
        harness.processElement(TestPosts.post("a", "一，重发"), 3);
        assertThat(harness.extractOutputValues()).extracting(Post::id).containsExactly("a", "b");
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    }

    @Test
    void forgetsAnIdAfterItsTimeToLive() throws Exception {
        harness.processElement(TestPosts.post("a", "一"), 1);
        harness.setStateTtlProcessingTime(TTL.toMillis() - 1);
        harness.processElement(TestPosts.post("a", "一"), 2); // still remembered; reading renews it
        harness.setStateTtlProcessingTime(2 * TTL.toMillis());
        harness.processElement(TestPosts.post("a", "一"), 3);
        assertThat(harness.extractOutputValues()).extracting(Post::id).containsExactly("a", "a");
    }

    @Test
    void refusesANonPositiveTtl() {
        assertThatThrownBy(() -> new DeduplicatePosts(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
