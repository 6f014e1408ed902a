package dev.yuqing.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToTheMaximumWithHalfOfEachWaitRandom() {
        Backoff b = new Backoff(Duration.ofMillis(1000), Duration.ofMillis(5000), new SplittableRandom(7));
        for (int i = 0; i < 100; i++) {
            assertThat(b.delay(1).toMillis()).isBetween(500L, 1000L);
            assertThat(b.delay(2).toMillis()).isBetween(1000L, 2000L);
            assertThat(b.delay(3).toMillis()).isBetween(2000L, 4000L);
            assertThat(b.delay(4).toMillis()).isBetween(2500L, 5000L);
            assertThat(b.delay(60).toMillis()).isBetween(2500L, 5000L);
        }
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> b.delay(3)).distinct().count())
                .as("jitter: not every wait is the same").isGreaterThan(10);
    }

    @Test
    void refusesAMaximumBelowTheStart() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new SplittableRandom()))
                .hasMessageContaining("initial <= max");
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-05-15T01:00:00Z");
        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Fri, 15 May 2026 01:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Fri, 15 May 2026 00:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }
}
