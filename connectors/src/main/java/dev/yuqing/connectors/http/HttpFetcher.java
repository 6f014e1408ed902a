package dev.yuqing.connectors.http;

import dev.yuqing.connectors.connect.StopSignal;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs a resource for a connector: conditional (If-None-Match / If-Modified-Since from the
 * previous answer), redirects followed (at most {@value #MAX_REDIRECTS}, not from https to http;
 * from the first hop to another origin on, without the further headers and the validators),
 * and retried with {@link Backoff} on 429, 5xx, timeouts
 * and connection failures. A Retry-After header sets the wait; one longer than the backoff's
 * maximum ends the attempts and says when to come back ({@link Failed#notBefore}). Other 4xx are
 * not retried. Waits end at once when the task is stopped. A {@link CircuitBreaker} per host
 * refuses requests to a host whose fetches keep failing, without asking it. The {@link AddressPolicy}
 * checks the URL before the first request and every redirect's target before it is followed: the
 * fetcher follows redirects itself for that, and a refused URL is never requested.
 */
public final class HttpFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);
    /** Larger bodies are refused: no feed or page the connectors read comes near it. */
    public static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
    /** Redirects followed per attempt at most, as many as the JDK's client follows. */
    static final int MAX_REDIRECTS = 5;
    /** The statuses whose Location is followed (a GET stays a GET). */
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /**
     * @param timeout     connect timeout, and the time allowed for the response headers
     * @param userAgent   sent with every request; sites block anonymous clients
     * @param accept      the Accept header
     * @param maxAttempts attempts in all, the first included
     * @param headers     further headers of every request (an API's authorization)
     */
    public record Settings(Duration timeout, String userAgent, String accept, int maxAttempts, Map<String, String> headers) {
        public Settings {
            headers = Map.copyOf(headers);
        }

        public Settings(Duration timeout, String userAgent, String accept, int maxAttempts) {
            this(timeout, userAgent, accept, maxAttempts, Map.of());
        }
    }

    /** What a fetch came to. */
    public sealed interface Result permits Fetched, NotModified, Failed, Refused {
        /** Requests made, retries included. */
        int attempts();
    }

    /**
     * A 2xx answer with its body and the validators for the next conditional GET.
     *
     * @param uri where the body came from after redirects: the base of the page's relative links
     */
    public record Fetched(byte[] body, String contentType, String etag, String lastModified, int attempts, URI uri) implements Result {}

    /** 304: nothing changed since the validators sent. */
    public record NotModified(int attempts) implements Result {}

    /**
     * No usable answer.
     *
     * @param reason    for the log: the last status or error
     * @param status    the last HTTP status, 0 when there was no answer (timeout, connection failure, open circuit)
     * @param notBefore when not to call before (a long Retry-After, an open circuit); null if nothing asks to wait
     */
    public record Failed(String reason, int status, Instant notBefore, int attempts) implements Result {
        /** A 2xx answer whose body was over the size allowed: refused, not an error of the host. */
        public boolean tooLarge() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * The {@link AddressPolicy} refused the URL, or the target of a redirect it led to: not requested.
     *
     * @param reason   for the log: the URL and why it is refused
     * @param attempts requests made before, 0 when the URL itself is refused
     */
    public record Refused(String reason, int attempts) implements Result {}

    private final HttpClient client;
    private final Settings settings;
    private final Backoff backoff;
    private final StopSignal stop;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private final AddressPolicy policy;

    /** A fetcher without a circuit breaker. */
    public HttpFetcher(Settings settings, Backoff backoff, StopSignal stop, Clock clock, AddressPolicy policy) {
        this(settings, backoff, stop, clock, CircuitBreaker.disabled(clock), policy);
    }

    /**
     * @param breaker shared by the fetchers of a task, so that they agree on which hosts are down
     * @param policy  shared by the fetchers of a task, so that each refused host is logged once
     */
    public HttpFetcher(Settings settings, Backoff backoff, StopSignal stop, Clock clock, CircuitBreaker breaker, AddressPolicy policy) {
        // HTTP/1.1: the oldest government site servers misread the HTTP/2 upgrade headers.
        // Redirects are followed here, not by the client: each target is checked by the policy first.
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.settings = settings;
        this.backoff = backoff;
        this.stop = stop;
        this.clock = clock;
        this.breaker = breaker;
        this.policy = policy;
    }

    /**
     * Fetches {@code uri}; {@code etag} and {@code lastModified} (either may be null) are the
     * validators of the last answer, which make the request conditional.
     */
    public Result get(URI uri, String etag, String lastModified) throws InterruptedException {
        return get(uri, etag, lastModified, MAX_BODY_BYTES);
    }

    /**
     * As {@link #get(URI, String, String)}, with a smaller body limit: an answer whose
     * Content-Length says more is refused unread, and a body that runs past the limit is read no
     * further ({@link Failed#tooLarge()}). For downloads that may be large, such as attachments.
     */
    public Result get(URI uri, String etag, String lastModified, int maxBodyBytes) throws InterruptedException {
        if (maxBodyBytes < 0 || maxBodyBytes > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("body limit " + maxBodyBytes + " is not within 0.." + MAX_BODY_BYTES);
        }
        Optional<String> refusal = policy.refusal(uri);
        if (refusal.isPresent()) {
            return new Refused(uri + ": " + refusal.get(), 0);
        }
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        Optional<CircuitBreaker.Refused> refused = breaker.check(host);
        if (refused.isPresent()) {
            return new Failed(uri + ": " + refused.get().reason(), 0, refused.get().notBefore(), 0);
        }
        boolean outcome = false;
        try {
            Result result = attempts(uri, etag, lastModified, maxBodyBytes);
            outcome = true;
            if (result instanceof Failed f && (f.status() == 0 || f.status() == 429 || f.status() >= 500)) {
                breaker.failure(host);
            } else {
                breaker.success(host);
            }
            return result;
        } finally {
            if (!outcome) {
                breaker.abandoned(host);
            }
        }
    }

    private Result attempts(URI uri, String etag, String lastModified, int maxBodyBytes) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            String problem;
            int status = 0;
            Optional<Duration> retryAfter = Optional.empty();
            try {
                Answer answer = follow(uri, etag, lastModified, attempt);
                if (answer.ended() != null) {
                    return answer.ended();
                }
                HttpResponse<InputStream> response = answer.response();
                status = response.statusCode();
                try (InputStream body = response.body()) {
                    if (status == 304) {
                        return new NotModified(attempt);
                    }
                    if (status >= 200 && status < 300) {
                        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                        if (declared > maxBodyBytes) {
                            // Closing the body unread drops the connection: nothing more comes down.
                            return new Failed(uri + " is " + declared + " bytes (Content-Length), more than the "
                                    + maxBodyBytes + " allowed; not downloaded", status, null, attempt);
                        }
                        byte[] bytes = body.readNBytes(maxBodyBytes + 1);
                        if (bytes.length > maxBodyBytes) {
                            return new Failed(uri + " sent more than " + maxBodyBytes + " bytes; not read further", status, null, attempt);
                        }
                        return new Fetched(bytes, header(response, "Content-Type"), header(response, "ETag"),
                                header(response, "Last-Modified"), attempt, answer.uri());
                    }
                }
                problem = "HTTP " + status;
                if (status != 429 && status < 500) {
                    return new Failed(uri + " answered " + status + " (not retried)", status, null, attempt);
                }
                retryAfter = RetryAfter.parse(header(response, "Retry-After"), clock.instant());
            } catch (HttpTimeoutException e) {
                problem = "no answer within " + settings.timeout().toMillis() + " ms";
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            Instant now = clock.instant();
            if (retryAfter.isPresent() && retryAfter.get().compareTo(backoff.max()) > 0) {
                return new Failed(uri + " answered " + problem + " and asks to wait " + retryAfter.get().toSeconds() + " s",
                        status, now.plus(retryAfter.get()), attempt);
            }
            if (attempt >= settings.maxAttempts()) {
                return new Failed(uri + ": " + problem + " after " + attempt + " attempts", status, retryAfter.map(now::plus).orElse(null), attempt);
            }
            Duration wait = retryAfter.isPresent() ? retryAfter.get() : backoff.delay(attempt);
            LOG.warn("GET {}: {} (attempt {} of {}); retrying in {} ms", uri, problem, attempt, settings.maxAttempts(), wait.toMillis());
            if (stop.await(wait)) {
                return new Failed(uri + ": stopped while waiting to retry after " + problem, status, null, attempt);
            }
        }
    }

    /**
     * Where one attempt's redirects ended: the answer that is not a redirect and the URL that gave
     * it, or the result that ended the chain before (a refused or unusable target).
     */
    private record Answer(HttpResponse<InputStream> response, URI uri, Result ended) {}

    /**
     * GETs {@code uri}, following its redirects as far as the policy lets them go. Once a redirect
     * leaves the origin of {@code uri} (scheme, host, port), that hop and every later one go without
     * {@link Settings#headers()} and the validators: an API's token is not handed to another host,
     * and validators of one resource mean nothing to another.
     */
    private Answer follow(URI uri, String etag, String lastModified, int attempt) throws IOException, InterruptedException {
        URI at = uri;
        boolean sameOrigin = true;
        for (int redirects = 0; ; redirects++) {
            HttpRequest request = sameOrigin ? request(at, settings.headers(), etag, lastModified) : request(at, Map.of(), null, null);
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            Optional<String> location = REDIRECTS.contains(status) ? response.headers().firstValue("Location") : Optional.empty();
            if (location.isEmpty()) {
                return new Answer(response, at, null);
            }
            response.body().close(); // a redirect's body is not read
            URI next;
            try {
                next = at.resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                return ended(new Failed(at + " redirects to '" + location.get() + "', which is not a URL (not followed)", status, null, attempt));
            }
            if (redirects >= MAX_REDIRECTS) {
                return ended(new Failed(uri + ": more than " + MAX_REDIRECTS + " redirects, the last to " + next, status, null, attempt));
            }
            if ("https".equalsIgnoreCase(at.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
                return ended(new Failed(at + " redirects from https to http " + next + " (not followed)", status, null, attempt));
            }
            Optional<String> refusal = policy.refusal(next);
            if (refusal.isPresent()) {
                return ended(new Refused(at + " redirects to " + next + ": " + refusal.get(), attempt));
            }
            at = next;
            sameOrigin = sameOrigin && sameOrigin(uri, next);
        }
    }

    /** Whether {@code a} and {@code b} have the same scheme, host and port (the default port when none is written). */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Answer ended(Result result) {
        return new Answer(null, null, result);
    }

    private HttpRequest request(URI uri, Map<String, String> headers, String etag, String lastModified) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(settings.timeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", settings.accept());
        headers.forEach(request::header);
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        return request.build();
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
