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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs a resource for a connector: conditional (If-None-Match / If-Modified-Since from the
 * previous answer), redirects followed, and retried with {@link Backoff} on 429, 5xx, timeouts
 * and connection failures. A Retry-After header sets the wait; one longer than the backoff's
 * maximum ends the attempts and says when to come back ({@link Failed#notBefore}). Other 4xx are
 * not retried. Waits end at once when the task is stopped.
 */
public final class HttpFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);
    /** Larger bodies are refused: no feed or page the connectors read comes near it. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

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
    public sealed interface Result permits Fetched, NotModified, Failed {
        /** Requests made, retries included. */
        int attempts();
    }

    /** A 2xx answer with its body and the validators for the next conditional GET. */
    public record Fetched(byte[] body, String contentType, String etag, String lastModified, int attempts) implements Result {}

    /** 304: nothing changed since the validators sent. */
    public record NotModified(int attempts) implements Result {}

    /**
     * No usable answer.
     *
     * @param reason    for the log: the last status or error
     * @param notBefore when the server asked not to be called before (a long Retry-After); null if it did not
     */
    public record Failed(String reason, Instant notBefore, int attempts) implements Result {}

    private final HttpClient client;
    private final Settings settings;
    private final Backoff backoff;
    private final StopSignal stop;
    private final Clock clock;

    public HttpFetcher(Settings settings, Backoff backoff, StopSignal stop, Clock clock) {
        // HTTP/1.1: the oldest government site servers misread the HTTP/2 upgrade headers.
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.settings = settings;
        this.backoff = backoff;
        this.stop = stop;
        this.clock = clock;
    }

    /**
     * Fetches {@code uri}; {@code etag} and {@code lastModified} (either may be null) are the
     * validators of the last answer, which make the request conditional.
     */
    public Result get(URI uri, String etag, String lastModified) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(settings.timeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", settings.accept());
        settings.headers().forEach(request::header);
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        for (int attempt = 1; ; attempt++) {
            String problem;
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                try (InputStream body = response.body()) {
                    if (status == 304) {
                        return new NotModified(attempt);
                    }
                    if (status >= 200 && status < 300) {
                        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
                        if (bytes.length > MAX_BODY_BYTES) {
                            return new Failed(uri + " sent more than " + MAX_BODY_BYTES + " bytes", null, attempt);
                        }
                        return new Fetched(bytes, header(response, "Content-Type"), header(response, "ETag"),
                                header(response, "Last-Modified"), attempt);
                    }
                }
                problem = "HTTP " + status;
                if (status != 429 && status < 500) {
                    return new Failed(uri + " answered " + status + " (not retried)", null, attempt);
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
                        now.plus(retryAfter.get()), attempt);
            }
            if (attempt >= settings.maxAttempts()) {
                return new Failed(uri + ": " + problem + " after " + attempt + " attempts", retryAfter.map(now::plus).orElse(null), attempt);
            }
            Duration wait = retryAfter.isPresent() ? retryAfter.get() : backoff.delay(attempt);
            LOG.warn("GET {}: {} (attempt {} of {}); retrying in {} ms", uri, problem, attempt, settings.maxAttempts(), wait.toMillis());
            if (stop.await(wait)) {
                return new Failed(uri + ": stopped while waiting to retry after " + problem, null, attempt);
            }
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
