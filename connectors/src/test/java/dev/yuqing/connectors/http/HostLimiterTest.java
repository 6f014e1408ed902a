package dev.yuqing.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HostLimiterTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-05-15T01:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();

    /** Sleeps by moving the test clock, and records each wait. */
    private HostLimiter limiter(Duration minDelay, int concurrent) {
        return new HostLimiter(minDelay, concurrent, clock, d -> {
            synchronized (waits) {
                waits.add(d);
            }
            return false;
        });
    }

    @Test
    void startsOfRequestsToOneHostAreSpacedByTheMinimumDelay() throws Exception {
        HostLimiter limiter = limiter(Duration.ofSeconds(2), 4);
        limiter.acquire("a").close();
        limiter.acquire("a").close();
        limiter.acquire("a").close();
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        limiter.acquire("b").close();
        assertThat(waits).as("another host does not wait for a").hasSize(2);

        clock.advance(Duration.ofSeconds(10));
        limiter.acquire("a").close();
        assertThat(waits).as("a host asked long ago goes at once").hasSize(2);
        limiter.acquire("a").close();
        assertThat(waits).last().isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    @Timeout(10)
    void noMoreThanTheBoundOfRequestsToOneHostAtATime() throws Exception {
        HostLimiter limiter = limiter(Duration.ZERO, 2);
        HostLimiter.Permit first = limiter.acquire("a");
        HostLimiter.Permit second = limiter.acquire("a");
        CompletableFuture<HostLimiter.Permit> third = CompletableFuture.supplyAsync(() -> {
            try {
                return limiter.acquire("a");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            third.get(200, TimeUnit.MILLISECONDS);
            throw new AssertionError("a third request to a got a turn while two were under way");
        } catch (TimeoutException expected) {
            // still waiting, as it should
        }
        limiter.acquire("b").close(); // other hosts are not held up
        first.close();
        third.get(5, TimeUnit.SECONDS).close();
        second.close();
    }

    @Test
    void aStopDuringTheWaitGivesNoPermit() throws Exception {
        HostLimiter limiter = new HostLimiter(Duration.ofSeconds(5), 1, clock, d -> true);
        limiter.acquire("a").close();
        assertThat(limiter.acquire("a")).isNull();
        // the slot was given back: with the delay over, the host can be asked again
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.acquire("a")).isNotNull();
    }
}
