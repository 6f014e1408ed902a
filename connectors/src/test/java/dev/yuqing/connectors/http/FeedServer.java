package dev.yuqing.connectors.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback for connector tests, serving a script per path: each request
 * takes the next answer, the last one repeats. Answers can fail (any status, Retry-After),
 * stall, or serve a feed conditionally (ETag / Last-Modified, 304 when the request's validators
 * match). Every request is recorded with its headers and the status it got.
 */
public final class FeedServer implements AutoCloseable {
    /** What the server answers one request with. */
    @FunctionalInterface
    public interface Answer {
        Reply reply(Map<String, String> requestHeaders) throws InterruptedException;
    }

    /** What the server answers one request with, by its query (an API's page, cursor or since-id). */
    @FunctionalInterface
    public interface Route {
        /**
         * @param query the raw query of the request, or null
         */
        Reply reply(String query, Map<String, String> requestHeaders) throws InterruptedException;
    }

    /** A response: status, headers, body. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {}

    /**
     * One request as it arrived.
     *
     * @param headers request headers, names in lower case
     * @param at      when it arrived
     * @param status  the status it was answered with
     * @param query   the raw query, or null
     */
    public record Request(String path, Map<String, String> headers, Instant at, int status, String query) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, List<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, Integer> served = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FeedServer(HttpServer server) {
        this.server = server;
    }

    public static FeedServer start() throws IOException {
        return start("127.0.0.1");
    }

    /** A server on {@code address}, a loopback address: 127.0.0.2 stands for a host the connectors must not reach. */
    public static FeedServer start(String address) throws IOException {
        FeedServer s = new FeedServer(HttpServer.create(new InetSocketAddress(address, 0), 0));
        s.server.createContext("/", s::handle);
        s.server.setExecutor(s.executor); // a stalled answer must not hold the others up
        s.server.start();
        return s;
    }

    public URI uri(String path) {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path);
    }

    /** Answers for {@code path} from now on, in order; the last repeats. Replaces an earlier script. */
    public void serve(String path, Answer... answers) {
        served.put(path, 0);
        routes.remove(path);
        scripts.put(path, List.of(answers));
    }

    /** Answers for {@code path} from now on by the request's query. Replaces an earlier script or route. */
    public void route(String path, Route route) {
        scripts.remove(path);
        routes.put(path, route);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** A test resource's bytes. */
    public static byte[] resource(String name) {
        try (InputStream in = FeedServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The feed, 304 when the request carries its ETag in If-None-Match, or its Last-Modified in
     * If-Modified-Since (either validator may be null, and then is not sent).
     */
    public static Answer feed(byte[] body, String contentType, String etag, String lastModified) {
        return headers -> {
            boolean etagMatches = etag != null && etag.equals(headers.get("if-none-match"));
            boolean dateMatches = etag == null && lastModified != null && lastModified.equals(headers.get("if-modified-since"));
            Map<String, String> h = new TreeMap<>();
            if (etag != null) {
                h.put("ETag", etag);
            }
            if (lastModified != null) {
                h.put("Last-Modified", lastModified);
            }
            if (etagMatches || dateMatches) {
                return new Reply(304, h, new byte[0]);
            }
            h.put("Content-Type", contentType);
            return new Reply(200, h, body);
        };
    }

    /** A page (HTML, robots.txt) with its Content-Type, served unconditionally. */
    public static Answer page(byte[] body, String contentType) {
        return headers -> new Reply(200, Map.of("Content-Type", contentType), body);
    }

    /** A redirect to {@code location} (a path or a URL). */
    public static Answer redirect(int status, String location) {
        return headers -> new Reply(status, Map.of("Location", location), new byte[0]);
    }

    /** A bare status with headers given as name, value, name, value… */
    public static Answer status(int status, String... headerPairs) {
        Map<String, String> h = new TreeMap<>();
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            h.put(headerPairs[i], headerPairs[i + 1]);
        }
        return headers -> new Reply(status, h, ("status " + status).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A 200 answer of JSON. */
    public static Reply json(String body) {
        return new Reply(200, Map.of("Content-Type", "application/json; charset=utf-8"), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Waits before answering, longer than a client's timeout makes it a timeout. */
    public static Answer stalled(Duration delay, Answer then) {
        return headers -> {
            Thread.sleep(delay.toMillis());
            return then.reply(headers);
        };
    }

    private void handle(HttpExchange ex) throws IOException {
        Instant arrived = Instant.now(); // before the answer: a stalled answer must not move the request's time
        String path = ex.getRequestURI().getPath();
        Map<String, String> headers = new TreeMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        List<Answer> script = scripts.get(path);
        Route route = routes.get(path);
        String query = ex.getRequestURI().getRawQuery();
        Answer answer;
        if (route != null) {
            answer = h -> route.reply(query, h);
        } else if (script == null) {
            answer = h -> new Reply(404, Map.of(), new byte[0]);
        } else {
            answer = script.get(Math.min(served.merge(path, 1, Integer::sum) - 1, script.size() - 1));
        }
        Reply reply;
        try {
            reply = answer.reply(headers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = new Reply(500, Map.of(), new byte[0]);
        }
        requests.add(new Request(path, headers, arrived, reply.status(), query));
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        boolean noBody = reply.status() == 304 || reply.body().length == 0;
        ex.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) {
            ex.getResponseBody().write(reply.body());
        }
        ex.close();
    }

    /** All requests so far, in arrival order. */
    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
