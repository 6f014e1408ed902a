package dev.yuqing.core.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private static final long S = 1_000_000_000L;

    @Test
    void parsesItsForms() {
        assertThat(RateLimit.parse("20/1m")).isEqualTo(new RateLimit(20, Duration.ofMinutes(1), 20));
        assertThat(RateLimit.parse("10 / 30s burst 2")).isEqualTo(new RateLimit(10, Duration.ofSeconds(30), 2));
        assertThatThrownBy(() -> RateLimit.parse("fast")).hasMessageContaining("20/1m");
    }

    @Test
    void aBucketLetsABurstThroughThenSpacesMessages() {
        TokenBucket b = new TokenBucket(RateLimit.parse("6/1m burst 2"), 0); // one token every 10 s
        assertThat(b.reserve(0)).isZero();
        assertThat(b.reserve(0)).isZero();
        assertThat(b.reserve(0)).isEqualTo(10 * S);
        assertThat(b.reserve(0)).as("queued behind the previous one").isEqualTo(20 * S);
        assertThat(b.available(40 * S)).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void refillsNoFurtherThanTheBurst() {
        TokenBucket b = new TokenBucket(RateLimit.parse("1/1s burst 3"), 0);
        assertThat(b.available(3600 * S)).isEqualTo(3.0);
        for (int i = 0; i < 3; i++) {
            assertThat(b.reserve(3600 * S)).isZero();
        }
        assertThat(b.reserve(3600 * S)).isEqualTo(S);
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff b = new Backoff(5, Duration.ofMillis(100), Duration.ofMillis(500));
        assertThat(b.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(b.delayAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(b.delayAfter(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(b.delayAfter(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(b.delayAfter(40)).isEqualTo(Duration.ofMillis(500));
        assertThat(b.totalDelay()).isEqualTo(Duration.ofMillis(1200));
    }
}
