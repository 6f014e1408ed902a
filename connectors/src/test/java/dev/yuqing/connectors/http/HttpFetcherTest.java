package dev.yuqing.connectors.http;

import static dev.yuqing.connectors.http.FeedServer.feed;
import static dev.yuqing.connectors.http.FeedServer.stalled;
import static dev.yuqing.connectors.http.FeedServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.connect.StopSignal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTP server on loopback. */
class HttpFetcherTest {
    private static final byte[] BODY = "<rss/>".getBytes(StandardCharsets.UTF_8);
    private FeedServer server;
    private final StopSignal stop = new StopSignal();

    @BeforeEach
    void start() throws Exception {
        server = FeedServer.start();
    }

    @AfterEach
    void close() {
        server.close();
    }

    private HttpFetcher fetcher(int attempts, Duration timeout) {
        return new HttpFetcher(new HttpFetcher.Settings(timeout, "yuqing-test", "*/*", attempts),
                new Backoff(Duration.ofMillis(20), Duration.ofSeconds(2), new SplittableRandom(1)), stop, Clock.systemUTC(),
                AddressPolicy.of("127.0.0.1", ""));
    }

    private HttpFetcher fetcher(int attempts) {
        return fetcher(attempts, Duration.ofSeconds(5));
    }

    @Test
    void aSecondFetchWithTheEtagIsNotModified() throws Exception {
        server.serve("/f", feed(BODY, "application/rss+xml; charset=utf-8", "\"v1\"", "Fri, 15 May 2026 01:31:00 GMT"));
        var first = (HttpFetcher.Fetched) fetcher(1).get(server.uri("/f"), null, null);
        assertThat(first.body()).isEqualTo(BODY);
        assertThat(first.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(first.lastModified()).isEqualTo("Fri, 15 May 2026 01:31:00 GMT");

        assertThat(fetcher(1).get(server.uri("/f"), first.etag(), first.lastModified())).isEqualTo(new HttpFetcher.NotModified(1));
        assertThat(server.requests("/f").get(1).headers())
                .containsEntry("if-none-match", "\"v1\"")
                .containsEntry("if-modified-since", "Fri, 15 May 2026 01:31:00 GMT")
                .containsEntry("user-agent", "yuqing-test");
    }

    @Test
    void lastModifiedAloneMakesTheRequestConditional() throws Exception {
        server.serve("/f", feed(BODY, "text/xml", null, "Fri, 15 May 2026 01:31:00 GMT"));
        var first = (HttpFetcher.Fetched) fetcher(1).get(server.uri("/f"), null, null);
        assertThat(first.etag()).isNull();
        assertThat(fetcher(1).get(server.uri("/f"), null, first.lastModified())).isInstanceOf(HttpFetcher.NotModified.class);
    }

    @Test
    void survives503And429WithRetryAfter() throws Exception {
        server.serve("/f", status(503), status(429, "Retry-After", "1"), feed(BODY, "text/xml", null, null));
        var result = fetcher(5).get(server.uri("/f"), null, null);
        assertThat(result).isInstanceOf(HttpFetcher.Fetched.class);
        assertThat(result.attempts()).isEqualTo(3);
        var requests = server.requests("/f");
        assertThat(requests).extracting(FeedServer.Request::status).containsExactly(503, 429, 200);
        assertThat(Duration.between(requests.get(1).at(), requests.get(2).at())).as("the wait Retry-After asked for")
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aRetryAfterBeyondTheLongestBackoffEndsTheFetchAndSaysWhenToComeBack() throws Exception {
        server.serve("/f", status(429, "Retry-After", "3600"));
        var result = (HttpFetcher.Failed) fetcher(5).get(server.uri("/f"), null, null);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.reason()).contains("429").contains("3600 s");
        assertThat(result.notBefore()).isAfter(java.time.Instant.now().plusSeconds(3500));
    }

    @Test
    void aTimeoutIsRetried() throws Exception {
        server.serve("/f", stalled(Duration.ofMillis(1500), feed(BODY, "text/xml", null, null)), feed(BODY, "text/xml", null, null));
        var result = fetcher(3, Duration.ofMillis(300)).get(server.uri("/f"), null, null);
        assertThat(result).isInstanceOf(HttpFetcher.Fetched.class);
        assertThat(result.attempts()).isEqualTo(2);
    }

    @Test
    void givesUpAfterTheLastAttempt() throws Exception {
        server.serve("/f", status(502));
        var result = (HttpFetcher.Failed) fetcher(3).get(server.uri("/f"), null, null);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.reason()).contains("HTTP 502 after 3 attempts");
        assertThat(result.notBefore()).isNull();
        assertThat(server.requests("/f")).hasSize(3);
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        server.serve("/f", status(404));
        var result = (HttpFetcher.Failed) fetcher(5).get(server.uri("/f"), null, null);
        assertThat(result.reason()).contains("answered 404 (not retried)");
        assertThat(server.requests("/f")).hasSize(1);
    }

    @Test
    void aConnectionRefusedIsRetriedThenReported() throws Exception {
        var uri = server.uri("/f");
        server.close(); // nothing listens on the port any more
        var result = (HttpFetcher.Failed) fetcher(2).get(uri, null, null);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.reason()).contains("after 2 attempts");
        server = FeedServer.start(); // for @AfterEach
    }

    @Test
    void redirectsAreFollowedAndTheLastUrlReported() throws Exception {
        server.serve("/old", FeedServer.redirect(301, "/moved"));
        server.serve("/moved", FeedServer.redirect(302, server.uri("/f").toString()));
        server.serve("/f", FeedServer.page(BODY, "application/rss+xml"));
        var result = (HttpFetcher.Fetched) fetcher(1).get(server.uri("/old"), null, null);
        assertThat(result.body()).isEqualTo(BODY);
        assertThat(result.uri()).isEqualTo(server.uri("/f"));
        assertThat(server.requests("/f").get(0).headers()).containsEntry("user-agent", "yuqing-test");
    }

    @Test
    void aRedirectLoopEndsAfterFiveRedirects() throws Exception {
        server.serve("/loop", FeedServer.redirect(302, "/loop"));
        var result = (HttpFetcher.Failed) fetcher(3).get(server.uri("/loop"), null, null);
        assertThat(result.reason()).isEqualTo(server.uri("/loop") + ": more than 5 redirects, the last to " + server.uri("/loop"));
        assertThat(result.status()).isEqualTo(302);
        assertThat(server.requests("/loop")).as("the first request and five redirects; not retried").hasSize(6);
    }

    /** Only 127.0.0.1 is allowed: a URL on 127.0.0.2, a loopback address like any other, is refused before anything is sent to it. */
    @Test
    void aRefusedUrlAndARedirectToARefusedAddressAreNeverRequested() throws Exception {
        try (FeedServer other = FeedServer.start("127.0.0.2")) {
            other.serve("/internal", FeedServer.page(BODY, "text/plain"));
            server.serve("/r", FeedServer.redirect(302, other.uri("/internal").toString()));

            assertThat(fetcher(3).get(other.uri("/internal"), null, null)).isEqualTo(new HttpFetcher.Refused(
                    other.uri("/internal") + ": 127.0.0.2 is a loopback address (127.0.0.0/8)", 0));
            assertThat(fetcher(3).get(server.uri("/r"), null, null)).isEqualTo(new HttpFetcher.Refused(
                    server.uri("/r") + " redirects to " + other.uri("/internal") + ": 127.0.0.2 is a loopback address (127.0.0.0/8)", 1));
            server.serve("/ftp", FeedServer.redirect(301, "ftp://127.0.0.1/pub/"));
            assertThat(fetcher(3).get(server.uri("/ftp"), null, null)).isInstanceOfSatisfying(HttpFetcher.Refused.class,
                    r -> assertThat(r.reason()).endsWith("redirects to ftp://127.0.0.1/pub/: the scheme is ftp, not http or https"));

            assertThat(other.requests()).isEmpty();
            assertThat(server.requests("/r")).hasSize(1);
        }
    }

    /** A fetcher with an API token, allowed to reach both loopback fixtures (127.0.0.2 another origin). */
    private HttpFetcher fetcherWithToken() {
        return new HttpFetcher(new HttpFetcher.Settings(Duration.ofSeconds(5), "yuqing-test", "*/*", 1, Map.of("Authorization", "Bearer secret")),
                new Backoff(Duration.ofMillis(20), Duration.ofSeconds(2), new SplittableRandom(1)), stop, Clock.systemUTC(),
                AddressPolicy.of("127.0.0.1, 127.0.0.2", ""));
    }

    @Test
    void aSameOriginRedirectKeepsTheTokenAndTheValidators() throws Exception {
        server.serve("/r", FeedServer.redirect(302, "/f"));
        server.serve("/f", FeedServer.page(BODY, "application/json"));
        assertThat(fetcherWithToken().get(server.uri("/r"), "\"v1\"", "Fri, 15 May 2026 01:31:00 GMT")).isInstanceOf(HttpFetcher.Fetched.class);
        assertThat(server.requests("/f").get(0).headers())
                .containsEntry("authorization", "Bearer secret")
                .containsEntry("if-none-match", "\"v1\"")
                .containsEntry("if-modified-since", "Fri, 15 May 2026 01:31:00 GMT");
    }

    /**
     * A redirect to another host goes there without the token and the validators, and so does
     * every later hop, even one back to the first origin; User-Agent and Accept stay.
     */
    @Test
    void aRedirectToAnotherHostDropsTheTokenAndTheValidators() throws Exception {
        try (FeedServer other = FeedServer.start("127.0.0.2")) {
            server.serve("/r", FeedServer.redirect(302, other.uri("/hop").toString()));
            other.serve("/hop", FeedServer.redirect(307, server.uri("/f").toString()));
            server.serve("/f", FeedServer.page(BODY, "application/json"));
            var result = (HttpFetcher.Fetched) fetcherWithToken().get(server.uri("/r"), "\"v1\"", "Fri, 15 May 2026 01:31:00 GMT");
            assertThat(result.uri()).isEqualTo(server.uri("/f"));

            assertThat(server.requests("/r").get(0).headers()).containsEntry("authorization", "Bearer secret").containsKey("if-none-match");
            for (var hop : List.of(other.requests("/hop").get(0), server.requests("/f").get(0))) {
                assertThat(hop.headers()).as(hop.path())
                        .doesNotContainKeys("authorization", "if-none-match", "if-modified-since")
                        .containsEntry("user-agent", "yuqing-test")
                        .containsEntry("accept", "*/*");
            }
        }
    }

    /** The same address on another port is another origin. */
    @Test
    void aRedirectToAnotherPortDropsTheToken() throws Exception {
        try (FeedServer other = FeedServer.start("127.0.0.1")) {
            server.serve("/r", FeedServer.redirect(301, other.uri("/f").toString()));
            other.serve("/f", FeedServer.page(BODY, "application/json"));
            assertThat(fetcherWithToken().get(server.uri("/r"), "\"v1\"", null)).isInstanceOf(HttpFetcher.Fetched.class);
            assertThat(other.requests("/f").get(0).headers()).doesNotContainKeys("authorization", "if-none-match")
                    .containsEntry("user-agent", "yuqing-test");
        }
    }

    @Test
    void theOriginIsTheSchemeHostAndPortWithTheDefaultPortWhenNoneIsWritten() {
        assertThat(HttpFetcher.sameOrigin(URI.create("http://Example.gov.cn/a"), URI.create("http://example.gov.cn:80/b?c"))).isTrue();
        assertThat(HttpFetcher.sameOrigin(URI.create("https://example.gov.cn/a"), URI.create("HTTPS://example.gov.cn:443/"))).isTrue();
        assertThat(HttpFetcher.sameOrigin(URI.create("http://example.gov.cn/a"), URI.create("https://example.gov.cn/a"))).isFalse();
        assertThat(HttpFetcher.sameOrigin(URI.create("http://example.gov.cn/a"), URI.create("http://example.gov.cn:8080/a"))).isFalse();
        assertThat(HttpFetcher.sameOrigin(URI.create("http://example.gov.cn/a"), URI.create("http://www.example.gov.cn/a"))).isFalse();
    }

    @Test
    void stoppingEndsTheWaitBeforeARetry() throws Exception {
        server.serve("/f", status(503, "Retry-After", "2"));
        var fetch = CompletableFuture.supplyAsync(() -> {
            try {
                return fetcher(5).get(server.uri("/f"), null, null);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (server.requests("/f").isEmpty()) {
            Thread.sleep(10);
        }
        long start = System.nanoTime();
        stop.stop();
        var result = (HttpFetcher.Failed) fetch.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(result.reason()).contains("stopped");
    }

    @Test
    void aBodyOverTheCallersLimitIsRefusedByItsContentLengthUnread() throws Exception {
        server.serve("/big.pdf", FeedServer.page(new byte[100_000], "application/pdf"));
        var result = (HttpFetcher.Failed) fetcher(3).get(server.uri("/big.pdf"), null, null, 10_000);
        assertThat(result.tooLarge()).isTrue();
        assertThat(result.attempts()).as("not retried").isEqualTo(1);
        assertThat(result.reason()).isEqualTo(server.uri("/big.pdf") + " is 100000 bytes (Content-Length), more than the 10000 allowed; not downloaded");
        assertThat(fetcher(1).get(server.uri("/big.pdf"), null, null, 100_000)).isInstanceOf(HttpFetcher.Fetched.class);
    }

    /** A body without Content-Length (chunked) is read up to the limit and no further: the rest is never downloaded. */
    @Test
    void aStreamedBodyIsReadNoFurtherThanTheLimit() throws Exception {
        long endless = 256L * 1024 * 1024;
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        CompletableFuture<Void> done = new CompletableFuture<>();
        com.sun.net.httpserver.HttpServer stream = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        stream.createContext("/big.xlsx", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: the client cannot know the size beforehand
            byte[] chunk = new byte[64 * 1024];
            try (var out = ex.getResponseBody()) {
                while (sent.get() < endless) {
                    out.write(chunk);
                    sent.addAndGet(chunk.length);
                }
            } catch (java.io.IOException e) {
                // the client hung up: what it wanted it had
            } finally {
                done.complete(null);
            }
        });
        stream.start();
        try {
            var uri = java.net.URI.create("http://127.0.0.1:" + stream.getAddress().getPort() + "/big.xlsx");
            var result = (HttpFetcher.Failed) fetcher(1).get(uri, null, null, 1024 * 1024);
            assertThat(result.tooLarge()).isTrue();
            assertThat(result.reason()).isEqualTo(uri + " sent more than 1048576 bytes; not read further");
            done.get(30, java.util.concurrent.TimeUnit.SECONDS);
            // What the socket buffers took before the client hung up, far from the whole.
            assertThat(sent.get()).isLessThan(endless / 4);
        } finally {
            stream.stop(0);
        }
    }
}
