package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.alerting.AlertStatus;
import dev.yuqing.core.inspection.Registry;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.source.LinkCheck;
import dev.yuqing.core.source.SiteProbe;
import dev.yuqing.core.source.SourceHeartbeat;
import dev.yuqing.dashboards.IndexTemplates;
import dev.yuqing.dashboards.SavedObjects;
import dev.yuqing.jobs.alerting.AlertOptions;
import dev.yuqing.jobs.alerting.ElasticsearchAlertStatusStore;
import dev.yuqing.jobs.enrich.EnrichOptions;
import dev.yuqing.jobs.inspection.InspectionOptions;
import dev.yuqing.jobs.trend.TrendOptions;
import dev.yuqing.local.demo.DemoScenario;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Lens panel of the shipped dashboards, translated to the Elasticsearch query Kibana would
 * send for it (the layer's bucket columns as nested terms and date histograms, its metric columns
 * as metric aggregations, its KQL query), runs on the real node over the demo, indexed by the whole
 * pipeline, and returns rows with values: Kibana cannot run here, so this is how a panel that would
 * stay blank is caught.
 *
 * <p>Indices of its own: the shared stack's {@code yuqing-*} indices are counted exactly by other
 * ITs (EndToEndIT), so this test writes to {@code dashboard-it-*}, under copies of the shipped
 * templates with only the index patterns and aliases renamed, and maps each data view's title
 * ({@code yuqing-posts}…) to its {@code dashboard-it-} counterpart. The mappings are the shipped
 * ones, so a terms panel on a field the template makes text would fail here as it would in Kibana.
 */
@ExtendWith(LocalStackExtension.class)
class DashboardPanelsIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String P = "dashboard-it.";
    private static final String PREFIX = "dashboard-it-";
    /** KQL as the shipped panels write it: {@code field : value} joined by and/or; anything else is refused, not guessed. */
    private static final Pattern SIMPLE_KQL = Pattern.compile(
            "[A-Za-z_.]+ : (\"[^\"]*\"|true|false|\\*)( (and|or) [A-Za-z_.]+ : (\"[^\"]*\"|true|false|\\*))*");
    /** Panels the demo cannot fill, with the reason; each is still translated and run. None at present. */
    private static final Map<String, String> NOT_IN_DEMO = Map.of();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyLensPanelsQueryReturnsDataOnTheDemo(LocalStack stack) throws Exception {
        putTemplates(stack);
        stack.kafka().createTopics(List.of(P + "raw", P + "enriched", P + "dlq", P + "alerts", P + "alerts.out", P + "alerts.dlq"), 2);
        stack.kafka().createTopics(List.of(P + "registry"), 1);
        stack.publishRegistry(Registry.demo(), P + "registry", DemoScenario.START);
        stack.kafka().createTopics(List.of(P + "site.links", P + "site.probes", P + "sources.health"), 2);
        publishConnectorReports(stack);

        Duration cp = Duration.ofSeconds(1);
        var enrich = stack.enrichConfig(cp, Map.of(EnrichOptions.INPUT_TOPIC.name(), P + "raw", EnrichOptions.OUTPUT_TOPIC.name(), P + "enriched",
                EnrichOptions.DLQ_TOPIC.name(), P + "dlq", EnrichOptions.ALERTS_TOPIC.name(), P + "alerts",
                EnrichOptions.INDEX_PREFIX.name(), target(IndexTemplates.POSTS), EnrichOptions.GROUP_ID.name(), "dashboard-it-enrich"));
        var trend = stack.trendConfig(cp, Map.of(TrendOptions.INPUT_TOPIC.name(), P + "enriched", TrendOptions.ALERTS_TOPIC.name(), P + "alerts",
                TrendOptions.TRENDS_INDEX.name(), target(IndexTemplates.TRENDS), TrendOptions.EVENTS_INDEX.name(), target(IndexTemplates.EVENTS),
                TrendOptions.GROUP_ID.name(), "dashboard-it-trend"));
        var alert = stack.alertConfig(cp, Map.of(AlertOptions.INPUT_TOPIC.name(), P + "alerts", AlertOptions.OUTPUT_TOPIC.name(), P + "alerts.out",
                AlertOptions.DLQ_TOPIC.name(), P + "alerts.dlq", AlertOptions.INDEX.name(), target(IndexTemplates.ALERTS),
                AlertOptions.GROUP_ID.name(), "dashboard-it-alerting"));
        Map<String, String> i = new HashMap<>();
        i.put(InspectionOptions.INPUT_TOPIC.name(), P + "enriched");
        i.put(InspectionOptions.REGISTRY_TOPIC.name(), P + "registry");
        i.put(InspectionOptions.DLQ_TOPIC.name(), P + "dlq");
        i.put(InspectionOptions.ALERTS_TOPIC.name(), P + "alerts");
        i.put(InspectionOptions.FINDINGS_INDEX.name(), target(IndexTemplates.INSPECTIONS));
        i.put(InspectionOptions.SCORES_INDEX.name(), target(IndexTemplates.SCORES));
        i.put(InspectionOptions.MESSAGES_INDEX.name(), target(IndexTemplates.MESSAGES));
        i.put(InspectionOptions.REPLY_STATS_INDEX.name(), target(IndexTemplates.REPLY_STATS));
        i.put(InspectionOptions.PROBES_INDEX.name(), target(IndexTemplates.PROBES));
        i.put(InspectionOptions.LINKS_TOPIC.name(), P + "site.links");
        i.put(InspectionOptions.PROBES_TOPIC.name(), P + "site.probes");
        i.put(InspectionOptions.HEALTH_TOPIC.name(), P + "sources.health");
        i.put(InspectionOptions.GROUP_ID.name(), "dashboard-it-inspection");
        var inspection = stack.inspectionConfig(cp, i);

        List<JsonNode> lenses = SavedObjects.shipped().objects().stream().filter(o -> o.get("type").asText().equals("lens")).toList();
        assertThat(lenses).isNotEmpty();
        JobClient job = stack.startPipeline(enrich, trend, alert, inspection, 2);
        try {
            DemoReplay.replay(stack, dir, 1500, P + "raw", P + "dlq");
            EndToEndIT.awaitCaughtUp(stack, "dashboard-it-enrich", P + "raw");
            EndToEndIT.awaitCaughtUp(stack, "dashboard-it-trend", P + "enriched");
            EndToEndIT.awaitCaughtUp(stack, "dashboard-it-inspection", P + "enriched");
            EndToEndIT.awaitCaughtUp(stack, "dashboard-it-alerting", P + "alerts");
            acknowledgeOneAlert(stack);

            // Windows close, scores and statistics settle a little after the offsets are
            // committed: ask again until every panel has data or the time is up.
            Map<String, String> empty = new LinkedHashMap<>();
            Map<String, Integer> rowsByPanel = new LinkedHashMap<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            do {
                stack.client().indices().refresh(r -> r.index(PREFIX + "*"));
                empty.clear();
                for (JsonNode lens : lenses) {
                    String id = lens.get("id").asText();
                    Panel panel = Panel.of(lens);
                    JsonNode response = search(stack, panel.index, panel.body());
                    List<Map<String, JsonNode>> rows = panel.rows(response);
                    rowsByPanel.put(id, rows.size());
                    String missing = panel.missing(rows);
                    if (missing != null && !NOT_IN_DEMO.containsKey(id)) {
                        empty.put(id, missing + "; query " + panel.body() + " on " + panel.index);
                    }
                }
                if (empty.isEmpty()) {
                    break;
                }
                Thread.sleep(1000);
            } while (System.nanoTime() < deadline);
            System.out.println("DashboardPanelsIT rows per panel: " + rowsByPanel);
            assertThat(empty).as("panels whose query finds nothing on the demo").isEmpty();
            assertThat(NOT_IN_DEMO.keySet()).as("exempt panels that exist").allMatch(rowsByPanel::containsKey);
        } finally {
            job.cancel().get();
        }
    }

    /**
     * What the site connector would report and the demo's file replay does not: a dead link on the
     * home page and one on the notices column, a day of probes of the demo site of which some
     * failed or were slow, and a failing heartbeat of the dynamic column's source.
     */
    private static void publishConnectorReports(LocalStack stack) throws Exception {
        String site = "site:www.demo.yuqing.invalid";
        Instant at = DemoScenario.START;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (LinkCheck l : List.of(
                    new LinkCheck(site + "/index", "https://www.demo.yuqing.invalid/", "https://www.demo.yuqing.invalid/zt/old.html", true, 404, "HTTP 404", at),
                    new LinkCheck(site + "/tzgg", "https://www.demo.yuqing.invalid/tzgg/1.html", "https://www.demo.yuqing.invalid/fj/1.pdf", true, 0,
                            "no answer", at))) {
                producer.send(new ProducerRecord<>(P + "site.links", l.link(), Json.MAPPER.writeValueAsBytes(l))).get();
            }
            for (int k = 0; k < 24; k++) {
                boolean failed = k % 8 == 0;
                SiteProbe probe = new SiteProbe(site, "https://www.demo.yuqing.invalid/", at.plus(Duration.ofHours(k)), failed ? 0 : 200,
                        k == 5 ? 16_000 : 900, failed ? "connection timed out" : "");
                producer.send(new ProducerRecord<>(P + "site.probes", site, Json.MAPPER.writeValueAsBytes(probe))).get();
            }
            SourceHeartbeat h = new SourceHeartbeat(site + "/bmdt", "demo-site", at, false, "HTTP 503", at.minus(Duration.ofDays(1)));
            producer.send(new ProducerRecord<>(P + "sources.health", h.account(), Json.MAPPER.writeValueAsBytes(h))).get();
        }
    }

    /**
     * A handler acknowledges one alert through the store the acknowledgement endpoint writes with,
     * so that the 确认人 panel has the data a handler's click makes (the demo itself clicks nothing).
     */
    private static void acknowledgeOneAlert(LocalStack stack) throws Exception {
        String index = target(IndexTemplates.ALERTS);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            stack.client().indices().refresh(r -> r.index(index).ignoreUnavailable(true).allowNoIndices(true));
            var hits = stack.client().search(s -> s.index(index).ignoreUnavailable(true).allowNoIndices(true).size(1)
                    .query(q -> q.term(t -> t.field("status").value("open"))), JsonNode.class).hits().hits();
            if (!hits.isEmpty()) {
                boolean done = new ElasticsearchAlertStatusStore(stack.client(), index)
                        .setStatus(hits.get(0).id(), AlertStatus.ACKNOWLEDGED, "值班员甲", "已转办", Instant.now());
                assertThat(done).isTrue();
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no open alert in " + index + " to acknowledge");
    }

    /** Copies of the shipped templates for {@code dashboard-it-*}: same mappings and settings, renamed patterns and aliases. */
    private static void putTemplates(LocalStack stack) throws Exception {
        for (String family : IndexTemplates.ALL) {
            ObjectNode t = (ObjectNode) Json.MAPPER.readTree(IndexTemplates.resource(family));
            ArrayNode patterns = Json.MAPPER.createArrayNode();
            t.get("index_patterns").forEach(p -> patterns.add(target(p.asText())));
            t.set("index_patterns", patterns);
            JsonNode aliases = t.at("/template/aliases");
            if (aliases.isObject()) {
                ObjectNode renamed = Json.MAPPER.createObjectNode();
                aliases.fields().forEachRemaining(e -> renamed.set(target(e.getKey()), e.getValue()));
                ((ObjectNode) t.get("template")).set("aliases", renamed);
            }
            String json = t.toString();
            stack.client().indices().putIndexTemplate(r -> r.name(target(family)).withJson(new StringReader(json)));
        }
    }

    /** {@code yuqing-posts} → {@code dashboard-it-posts} (and {@code yuqing-posts-*} → {@code dashboard-it-posts-*}). */
    private static String target(String name) {
        assertThat(name).startsWith("yuqing-");
        return PREFIX + name.substring("yuqing-".length());
    }

    private JsonNode search(LocalStack stack, String index, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + "/" + index + "/_search"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as("search %s on %s: %s", body, index, r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    /**
     * One Lens layer as the query Kibana sends for it. Bucket columns nest in column order; every
     * bucket level carries the metric aggregations too, as Kibana's does, so that a terms column
     * can be ordered by a metric at its own level. Date histograms ask for days with at least one
     * document: Lens's "auto" interval depends on the time picker, which a panel does not carry,
     * and empty buckets would make "non-empty" true of any index.
     */
    record Panel(String id, String index, String kql, List<String> buckets, List<String> metrics, JsonNode columns) {
        static Panel of(JsonNode lens) {
            JsonNode layers = lens.at("/attributes/state/datasourceStates/formBased/layers");
            assertThat(layers.size()).as("layers of %s (the translator handles one)", lens.get("id")).isEqualTo(1);
            String layerId = layers.fieldNames().next();
            JsonNode layer = layers.get(layerId);
            String view = null;
            for (JsonNode r : lens.get("references")) {
                if (r.get("name").asText().equals("indexpattern-datasource-layer-" + layerId)) {
                    view = r.get("id").asText();
                }
            }
            String title = null;
            for (JsonNode o : SavedObjects.shipped().objects()) {
                if (o.get("type").asText().equals("index-pattern") && o.get("id").asText().equals(view)) {
                    title = o.at("/attributes/title").asText();
                }
            }
            assertThat(title).as("data view of %s", lens.get("id")).isNotNull();
            List<String> buckets = new ArrayList<>();
            List<String> metrics = new ArrayList<>();
            for (JsonNode c : layer.get("columnOrder")) {
                (layer.at("/columns/" + c.asText() + "/isBucketed").asBoolean() ? buckets : metrics).add(c.asText());
            }
            return new Panel(lens.get("id").asText(), target(title), lens.at("/attributes/state/query/query").asText(), buckets, metrics,
                    layer.get("columns"));
        }

        String body() {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("size", 0).put("track_total_hits", true);
            body.set("query", query());
            ObjectNode metricAggs = Json.MAPPER.createObjectNode();
            for (String m : metrics) {
                JsonNode agg = metricAgg(columns.get(m));
                if (agg != null) {
                    metricAggs.set(m, agg);
                }
            }
            ObjectNode inner = metricAggs;
            for (int k = buckets.size() - 1; k >= 0; k--) {
                ObjectNode level = Json.MAPPER.createObjectNode();
                ObjectNode agg = level.putObject(buckets.get(k));
                agg.set(bucketType(columns.get(buckets.get(k))), bucketAgg(columns.get(buckets.get(k))));
                ObjectNode sub = metricAggs.deepCopy();
                inner.fields().forEachRemaining(e -> sub.set(e.getKey(), e.getValue()));
                if (!sub.isEmpty()) {
                    agg.set("aggs", sub);
                }
                inner = level;
            }
            if (!inner.isEmpty()) {
                body.set("aggs", inner);
            }
            return body.toString();
        }

        private JsonNode query() {
            if (kql.isBlank()) {
                ObjectNode all = Json.MAPPER.createObjectNode();
                all.putObject("match_all");
                return all;
            }
            assertThat(kql).as("KQL of %s the translator understands", id).matches(SIMPLE_KQL);
            String lucene = kql.replace(" : ", ":").replace(" and ", " AND ").replace(" or ", " OR ");
            ObjectNode q = Json.MAPPER.createObjectNode();
            q.putObject("query_string").put("query", lucene);
            return q;
        }

        private static String bucketType(JsonNode c) {
            return switch (c.get("operationType").asText()) {
                case "terms" -> "terms";
                case "date_histogram" -> "date_histogram";
                default -> throw new AssertionError("bucket operation " + c.get("operationType") + " the translator does not know");
            };
        }

        private ObjectNode bucketAgg(JsonNode c) {
            ObjectNode a = Json.MAPPER.createObjectNode().put("field", c.get("sourceField").asText());
            if (c.get("operationType").asText().equals("date_histogram")) {
                a.put("calendar_interval", "day").put("min_doc_count", 1);
                return a;
            }
            a.put("size", c.at("/params/size").asInt(10));
            String orderBy = c.at("/params/orderBy/columnId").asText(null);
            String direction = c.at("/params/orderDirection").asText("desc");
            if (orderBy != null) {
                boolean count = columns.at("/" + orderBy + "/operationType").asText().equals("count");
                a.putObject("order").put(count ? "_count" : orderBy, direction);
            }
            return a;
        }

        /** The metric aggregation of a column; null for a count of documents, which every bucket has as doc_count. */
        private static JsonNode metricAgg(JsonNode c) {
            String field = c.get("sourceField").asText();
            ObjectNode a = Json.MAPPER.createObjectNode();
            switch (c.get("operationType").asText()) {
                case "count" -> {
                    if (field.equals("___records___")) {
                        return null;
                    }
                    a.putObject("value_count").put("field", field);
                }
                case "average" -> a.putObject("avg").put("field", field);
                case "sum", "min", "max" -> a.putObject(c.get("operationType").asText()).put("field", field);
                case "unique_count" -> a.putObject("cardinality").put("field", field);
                case "last_value" -> {
                    ObjectNode top = a.putObject("top_hits").put("size", 1);
                    top.putArray("sort").addObject().putObject(c.at("/params/sortField").asText()).put("order", "desc");
                    top.putObject("_source").putArray("includes").add(field);
                }
                default -> throw new AssertionError("metric operation " + c.get("operationType") + " the translator does not know");
            }
            return a;
        }

        /** The table Lens would draw: one row per innermost bucket, each metric column's value. */
        List<Map<String, JsonNode>> rows(JsonNode response) {
            ObjectNode top = response.path("aggregations").isObject() ? ((ObjectNode) response.get("aggregations")).deepCopy()
                    : Json.MAPPER.createObjectNode();
            top.put("doc_count", response.at("/hits/total/value").asLong());
            List<Map<String, JsonNode>> out = new ArrayList<>();
            collect(top, 0, out);
            return out;
        }

        private void collect(JsonNode level, int depth, List<Map<String, JsonNode>> out) {
            if (depth == buckets.size()) {
                Map<String, JsonNode> row = new LinkedHashMap<>();
                for (String m : metrics) {
                    JsonNode c = columns.get(m);
                    if (c.get("operationType").asText().equals("count") && c.get("sourceField").asText().equals("___records___")) {
                        row.put(m, level.get("doc_count"));
                    } else if (c.get("operationType").asText().equals("last_value")) {
                        JsonNode hits = level.at("/" + m + "/hits/hits");
                        row.put(m, hits.isEmpty() ? null : hits.get(0).at("/_source/" + c.get("sourceField").asText().replace('.', '/')));
                    } else {
                        row.put(m, level.path(m).path("value"));
                    }
                }
                out.add(row);
                return;
            }
            for (Iterator<JsonNode> it = level.path(buckets.get(depth)).path("buckets").elements(); it.hasNext(); ) {
                collect(it.next(), depth + 1, out);
            }
        }

        /** What the panel would lack, or null: a row for every bucket level and a value in every metric column. */
        String missing(List<Map<String, JsonNode>> rows) {
            if (rows.isEmpty()) {
                return "no buckets";
            }
            for (String m : metrics) {
                String op = columns.at("/" + m + "/operationType").asText();
                boolean mustBePositive = List.of("count", "unique_count", "sum").contains(op);
                boolean any = rows.stream().map(r -> r.get(m)).anyMatch(v -> v != null && !v.isNull() && !v.isMissingNode()
                        && (!mustBePositive || v.asDouble() > 0));
                if (!any) {
                    return "column " + m + " (" + op + ") has no value in " + rows.size() + " rows";
                }
            }
            return null;
        }
    }
}
