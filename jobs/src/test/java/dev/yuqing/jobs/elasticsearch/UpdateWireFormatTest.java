package dev.yuqing.jobs.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.yuqing.core.alerting.AlertStatus;
import dev.yuqing.core.json.Json;
import dev.yuqing.dashboards.EsConnection;
import dev.yuqing.jobs.alerting.ElasticsearchAlertStatusStore;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Java client puts on the wire for partial updates, captured by an HTTP server on
 * 127.0.0.1 answering as Elasticsearch would. (Behaviour against a real node is tested in local/.)
 */
class UpdateWireFormatTest {
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{}";
    /** The answer to searches (the status store looks the alert up before it updates it). */
    private volatile String searchAnswer = "{}";

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + "\n"
                        + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String path = ex.getRequestURI().getPath();
                boolean search = path.endsWith("/_search");
                boolean refresh = path.endsWith("/_refresh");
                byte[] body = (search ? searchAnswer : refresh ? "{\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0}}" : answer)
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
                ex.sendResponseHeaders(search || refresh ? 200 : status, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** A search response with the given hits (JSON objects, comma-separated). */
    private static String hits(String hits) {
        return "{\"took\":1,\"timed_out\":false,\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0},"
                + "\"hits\":{\"total\":{\"value\":" + (hits.isEmpty() ? 0 : 1) + ",\"relation\":\"eq\"},\"max_score\":1.0,\"hits\":[" + hits + "]}}";
    }

    private EsConnection connection() {
        return EsConnection.of("http://127.0.0.1:" + server.getAddress().getPort(), "", "");
    }

    @Test
    void aDocumentWithAnUpsertIsABulkUpdate() throws Exception {
        answer = "{\"took\":1,\"errors\":false,\"items\":[{\"update\":{\"_index\":\"yuqing-alerts\",\"_id\":\"a\",\"status\":200}}]}";
        Document d = new Document("yuqing-alerts", "a", "{\"count\":2}".getBytes(), "{\"count\":2,\"status\":\"open\"}".getBytes());
        var client = connection().open();
        try {
            client.bulk(b -> b.operations(ElasticsearchWriter.operation(d)));
        } finally {
            EsConnection.close(client);
        }
        String[] lines = requests.get(0).split("\n");
        assertThat(lines[0]).startsWith("POST /_bulk");
        JsonNode action = Json.MAPPER.readTree(lines[1]);
        assertThat(action.at("/update/_index").asText()).isEqualTo("yuqing-alerts");
        assertThat(action.at("/update/_id").asText()).isEqualTo("a");
        JsonNode source = Json.MAPPER.readTree(lines[2]);
        assertThat(source.get("doc")).isEqualTo(Json.MAPPER.readTree("{\"count\":2}"));
        assertThat(source.get("upsert")).isEqualTo(Json.MAPPER.readTree("{\"count\":2,\"status\":\"open\"}"));
    }

    @Test
    void theStatusStoreUpdatesTheAlertAndReportsAnUnknownOne() throws Exception {
        var client = connection().open();
        try {
            ElasticsearchAlertStatusStore store = new ElasticsearchAlertStatusStore(client, "yuqing-alerts");
            searchAnswer = hits("{\"_index\":\"yuqing-alerts-2026.03\",\"_id\":\"x:1\",\"_score\":1.0,\"_source\":{\"raisedAt\":\"2026-03-02T01:30:00Z\"}}");
            answer = "{\"_index\":\"yuqing-alerts\",\"_id\":\"x:1\",\"_version\":2,\"result\":\"updated\","
                    + "\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0},\"_seq_no\":1,\"_primary_term\":1}";
            assertThat(store.setStatus("x:1", AlertStatus.ACKNOWLEDGED, "张三", null, Instant.parse("2026-03-02T02:00:00Z"))).isTrue();
            assertThat(requests.get(0)).as("looked up in every month's index").startsWith("POST /yuqing-alerts-*/_search")
                    .contains("\"ids\":{\"values\":[\"x:1\"]}").contains("raisedAt");
            String[] lines = requests.get(1).split("\n", 2);
            assertThat(lines[0]).as("updated in its own").startsWith("POST /yuqing-alerts-2026.03/_update/x:1").contains("refresh=true");
            assertThat(Json.MAPPER.readTree(lines[1])).as("minutes from raisedAt to the acknowledgement").isEqualTo(Json.MAPPER.readTree(
                    "{\"doc\":{\"status\":\"acknowledged\",\"acknowledged\":{\"by\":\"张三\",\"at\":\"2026-03-02T02:00:00Z\",\"minutes\":30.0}}}"));

            searchAnswer = hits("");
            int before = requests.size();
            assertThat(store.setStatus("nope", AlertStatus.RESOLVED, "李四", "已处理", Instant.now())).isFalse();
            assertThat(requests.subList(before, requests.size())).as("searched, refreshed, searched again; nothing to update")
                    .extracting(r -> r.substring(0, r.indexOf('\n')).split("\\?")[0]).containsExactly("POST /yuqing-alerts-*/_search",
                            "POST /yuqing-alerts-*/_refresh", "POST /yuqing-alerts-*/_search");
        } finally {
            EsConnection.close(client);
        }
    }
}
