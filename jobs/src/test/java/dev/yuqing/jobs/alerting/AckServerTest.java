package dev.yuqing.jobs.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.alerting.AlertStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint's parsing and routing over real HTTP on 127.0.0.1, with an in-memory status store. */
class AckServerTest {
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final String ID = "harmful-content:weibo:123/4";

    /** Remembers statuses of known alerts; "broken" fails like an unreachable store. */
    static final class MemoryStore implements AlertStatusStore {
        final Map<String, String> statuses = new ConcurrentHashMap<>();

        @Override
        public boolean setStatus(String alertId, AlertStatus status, String by, String note, Instant at) throws IOException {
            if (alertId.equals("broken")) {
                throw new IOException("connection refused");
            }
            if (!statuses.containsKey(alertId)) {
                return false;
            }
            statuses.put(alertId, status.code() + " by " + by + " at " + at + (note == null ? "" : " (" + note + ")"));
            return true;
        }
    }

    private final MemoryStore store = new MemoryStore();
    private final HttpClient http = HttpClient.newHttpClient();
    private AckServer server;

    @BeforeEach
    void start() throws IOException {
        store.statuses.put(ID, "open");
        server = new AckServer(store, "127.0.0.1", 0, "", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String path(String id, String action) {
        return "/alerts/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/" + action;
    }

    @Test
    void acknowledgesAndResolvesAnAlert() throws Exception {
        HttpResponse<String> ack = post(path(ID, "ack"), "{\"by\":\"值班员张三\"}", null);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).contains("\"status\":\"acknowledged\"", "值班员张三", NOW.toString());
        assertThat(store.statuses.get(ID)).isEqualTo("acknowledged by 值班员张三 at " + NOW);

        assertThat(post(path(ID, "resolve"), "{\"by\":\"李四\",\"note\":\"已删除\"}", null).statusCode()).isEqualTo(200);
        assertThat(store.statuses.get(ID)).isEqualTo("resolved by 李四 at " + NOW + " (已删除)");
    }

    @Test
    void answersUnknownAlertsAndBadRequestsPlainly() throws Exception {
        assertThat(post(path("nope", "ack"), "{\"by\":\"a\"}", null).statusCode()).isEqualTo(404);
        assertThat(post(path(ID, "close"), "{\"by\":\"a\"}", null).statusCode()).isEqualTo(404);
        assertThat(post(path(ID, "ack"), "{}", null).statusCode()).isEqualTo(400);
        assertThat(post(path(ID, "ack"), "not json", null).statusCode()).isEqualTo(400);
        assertThat(post(path("broken", "ack"), "{\"by\":\"a\"}", null).statusCode()).isEqualTo(502);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path(ID, "ack"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(store.statuses.get(ID)).isEqualTo("open");
    }

    @Test
    void requiresTheTokenWhenOneIsSet() throws Exception {
        server.close();
        server = new AckServer(store, "127.0.0.1", 0, "s3cret", Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(post(path(ID, "ack"), "{\"by\":\"a\"}", null).statusCode()).isEqualTo(401);
        assertThat(post(path(ID, "ack"), "{\"by\":\"a\"}", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(post(path(ID, "ack"), "{\"by\":\"a\"}", "Bearer s3cret").statusCode()).isEqualTo(200);
    }
}
