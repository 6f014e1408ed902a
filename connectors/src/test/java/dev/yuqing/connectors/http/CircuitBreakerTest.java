package dev.yuqing.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.connect.StopSignal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private static final Instant T0 = Instant.parse("2026-05-15T01:00:00Z");
    private final TestClock clock = new TestClock(T0);
    private final CircuitBreaker breaker = new CircuitBreaker(new CircuitBreaker.Settings(3, Duration.ofMinutes(5)), clock);

    @Test
    void opensAfterTheThresholdOfFailuresInARowAndRefusesUntilTheOpenTimeIsOver() {
        breaker.failure("a");
        breaker.failure("a");
        assertThat(breaker.check("a")).isEmpty();
        assertThat(breaker.state("a")).isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.failure("a");
        assertThat(breaker.state("a")).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.check("a")).hasValueSatisfying(r -> {
            assertThat(r.notBefore()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(r.reason()).isEqualTo("circuit open for a after 3 failed fetches in a row; not requested before 2026-05-15T01:05:00Z");
        });
        assertThat(breaker.check("b")).as("other hosts are not affected").isEmpty();
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(breaker.check("a")).isPresent();
    }

    @Test
    void aSuccessResetsTheCount() {
        breaker.failure("a");
        breaker.failure("a");
        breaker.success("a");
        breaker.failure("a");
        breaker.failure("a");
        assertThat(breaker.state("a")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void halfOpenLetsOneTrialThroughWhoseSuccessCloses() {
        for (int i = 0; i < 3; i++) {
            breaker.failure("a");
        }
        clock.advance(Duration.ofMinutes(5));
        assertThat(breaker.state("a")).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.check("a")).as("the trial").isEmpty();
        assertThat(breaker.check("a")).as("a second request while the trial is out")
                .hasValueSatisfying(r -> assertThat(r.reason()).contains("half-open"));
        breaker.success("a");
        assertThat(breaker.state("a")).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.check("a")).isEmpty();
    }

    @Test
    void aFailedTrialOpensAgainForAFullPeriod() {
        for (int i = 0; i < 3; i++) {
            breaker.failure("a");
        }
        clock.advance(Duration.ofMinutes(6));
        assertThat(breaker.check("a")).isEmpty();
        breaker.failure("a");
        assertThat(breaker.state("a")).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.check("a")).hasValueSatisfying(r -> assertThat(r.notBefore()).isEqualTo(T0.plus(Duration.ofMinutes(11))));
    }

    @Test
    void anAbandonedTrialLetsTheNextOneThrough() {
        for (int i = 0; i < 3; i++) {
            breaker.failure("a");
        }
        clock.advance(Duration.ofMinutes(5));
        assertThat(breaker.check("a")).isEmpty();
        breaker.abandoned("a");
        assertThat(breaker.check("a")).isEmpty();
    }

    /** The fetcher asks the breaker: a host that keeps answering 503 is not asked again while open. */
    @Test
    void theFetcherFailsFastWhileTheCircuitIsOpen() throws Exception {
        try (FeedServer server = FeedServer.start()) {
            server.serve("/down", FeedServer.status(503));
            server.serve("/fine", FeedServer.status(404));
            CircuitBreaker shared = new CircuitBreaker(new CircuitBreaker.Settings(2, Duration.ofMinutes(5)), clock);
            HttpFetcher fetcher = new HttpFetcher(new HttpFetcher.Settings(Duration.ofSeconds(5), "yuqing-test", "*/*", 2),
                    new Backoff(Duration.ofMillis(5), Duration.ofMillis(10), new SplittableRandom(1)), new StopSignal(), Clock.systemUTC(), shared,
                    AddressPolicy.of("127.0.0.1", ""));
            assertThat(fetcher.get(server.uri("/down"), null, null)).isInstanceOfSatisfying(HttpFetcher.Failed.class,
                    f -> assertThat(f.status()).isEqualTo(503));
            assertThat(fetcher.get(server.uri("/fine"), null, null)).as("a 404 says the host is up: the count starts again")
                    .isInstanceOfSatisfying(HttpFetcher.Failed.class, f -> assertThat(f.status()).isEqualTo(404));
            fetcher.get(server.uri("/down"), null, null);
            fetcher.get(server.uri("/down"), null, null);
            assertThat(server.requests("/down")).hasSize(6);

            HttpFetcher.Result refused = fetcher.get(server.uri("/fine"), null, null);
            assertThat(refused).isInstanceOfSatisfying(HttpFetcher.Failed.class, f -> {
                assertThat(f.attempts()).isZero();
                assertThat(f.status()).isZero();
                assertThat(f.notBefore()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
                assertThat(f.reason()).contains("circuit open for 127.0.0.1:");
            });
            assertThat(server.requests("/fine")).as("not asked while open").hasSize(1);

            clock.advance(Duration.ofMinutes(5));
            assertThat(fetcher.get(server.uri("/fine"), null, null)).isInstanceOfSatisfying(HttpFetcher.Failed.class,
                    f -> assertThat(f.status()).isEqualTo(404));
            assertThat(shared.state(server.uri("/").getHost() + ":" + server.uri("/").getPort())).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }
}
