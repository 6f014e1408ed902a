package dev.yuqing.jobs.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.yuqing.core.alerting.AlertStatus;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.json.Json;
import dev.yuqing.dashboards.EsConnection;
import dev.yuqing.jobs.JobOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint handlers use to take on and close alerts:
 * {@code POST /alerts/{id}/ack} and {@code POST /alerts/{id}/resolve} with a JSON body
 * {@code {"by": "值班员", "note": "..."}} ({@code by} required). Answers 200 with the new status,
 * 400 for a bad request, 401 without the configured bearer token, 404 for an unknown alert,
 * 405 for another method, 502 when the store fails. The id is URL-encoded in the path.
 */
public final class AckServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AckServer.class);
    private static final Pattern PATH = Pattern.compile("/alerts/([^/]+)/(ack|resolve)/?");
    private static final int MAX_BODY = 16 * 1024;

    private final HttpServer server;
    private final ExecutorService threads;
    private final AlertStatusStore store;
    private final String token;
    private final Clock clock;

    /** Binds at once; {@code port} 0 picks a free one ({@link #port()}). An empty token requires none. */
    public AckServer(AlertStatusStore store, String host, int port, String token, Clock clock) throws IOException {
        this.store = store;
        this.token = token == null ? "" : token;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        this.threads = Executors.newFixedThreadPool(2);
        server.setExecutor(threads);
        server.createContext("/alerts/", this::handle);
        server.start();
        LOG.info("Alert acknowledgement endpoint on http://{}:{}/alerts/{{id}}/ack", host, port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Matcher m = PATH.matcher(ex.getRequestURI().getRawPath());
            if (!m.matches()) {
                reply(ex, 404, error("no such endpoint; use POST /alerts/{id}/ack or /alerts/{id}/resolve"));
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                reply(ex, 405, error("use POST"));
                return;
            }
            if (!token.isEmpty() && !authorised(ex.getRequestHeaders().getFirst("Authorization"))) {
                reply(ex, 401, error("a valid bearer token is required"));
                return;
            }
            String id = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
            AlertStatus status = m.group(2).equals("ack") ? AlertStatus.ACKNOWLEDGED : AlertStatus.RESOLVED;
            JsonNode body;
            try (InputStream in = ex.getRequestBody()) {
                byte[] bytes = in.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    reply(ex, 413, error("body larger than " + MAX_BODY + " bytes"));
                    return;
                }
                body = bytes.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(bytes);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                reply(ex, 400, error("body is not JSON: " + e.getOriginalMessage()));
                return;
            }
            String by = body == null ? null : text(body, "by");
            if (by == null || by.isBlank()) {
                reply(ex, 400, error("say who handles the alert: {\"by\": \"name\"}"));
                return;
            }
            String note = text(body, "note");
            Instant at = clock.instant();
            boolean found;
            try {
                found = store.setStatus(id, status, by, note, at);
            } catch (IOException e) {
                LOG.warn("Setting alert {} to {} failed", id, status, e);
                reply(ex, 502, error("the alert store failed: " + e.getMessage()));
                return;
            }
            if (!found) {
                reply(ex, 404, error("no alert " + id));
                return;
            }
            ObjectNode ok = Json.MAPPER.createObjectNode().put("id", id).put("status", status.code()).put("by", by).put("at", at.toString());
            reply(ex, 200, ok);
        }
    }

    private boolean authorised(String header) {
        String expected = "Bearer " + token;
        // Constant-time, so the token cannot be guessed byte by byte from response times.
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static ObjectNode error(String message) {
        return Json.MAPPER.createObjectNode().put("error", message);
    }

    private static void reply(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(1);
        threads.shutdownNow();
    }

    /** Runs the endpoint on the configured Elasticsearch until the process is stopped. */
    public static void main(String[] args) throws IOException {
        Config c = AlertOptions.DEF.fromArgs(args);
        EsConnection connection = JobOptions.esConnection(c);
        var client = connection.open();
        AckServer server = new AckServer(new ElasticsearchAlertStatusStore(client, c.get(AlertOptions.INDEX)),
                c.get(AlertOptions.ACK_HOST), c.get(AlertOptions.ACK_PORT), c.get(AlertOptions.ACK_TOKEN), Clock.systemUTC());
        // The server's threads keep the JVM up; stopping it (Ctrl-C, SIGTERM) closes both.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            EsConnection.close(client);
        }, "ack-server-stop"));
    }
}
