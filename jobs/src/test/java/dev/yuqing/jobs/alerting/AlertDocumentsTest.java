package dev.yuqing.jobs.alerting;

import static dev.yuqing.jobs.alerting.AlertFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alerting.Notification;
import dev.yuqing.core.json.Json;
import dev.yuqing.dashboards.IndexTemplates;
import dev.yuqing.jobs.elasticsearch.Document;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every field the job writes is in the strict mapping of the alerts template, so no write is refused. */
class AlertDocumentsTest {
    private final AlertDocuments docs = new AlertDocuments(IndexTemplates.ALERTS);

    @Test
    void alertAndDeliveryDocumentsFitTheTemplate() throws Exception {
        JsonNode mapping;
        try (InputStream in = IndexTemplates.resource(IndexTemplates.ALERTS)) {
            mapping = Json.MAPPER.readTree(in).at("/template/mappings");
        }
        assertThat(mapping.get("dynamic").asText()).isEqualTo("strict");

        Document alert = docs.alert(AlertFixtures.alert("a", AlertLevel.RED), T0);
        Notification n = Notification.of(Notification.Reason.NEW, AlertFixtures.alert("a", AlertLevel.RED), T0);
        List<Document> delivery = docs.delivery(new DeliveryResult("duty-wecom", n, false, 3, "HTTP 503", T0));
        List<Document> all = new ArrayList<>(delivery);
        all.add(alert);
        for (Document d : all) {
            assertThat(d.id()).isEqualTo("a");
            assertThat(d.index()).as("the index of the month first seen (China time)").isEqualTo("yuqing-alerts-2026.03");
            unmapped(Json.MAPPER.readTree(d.json()), mapping, "").forEach(f -> assertThat(f).as("unmapped field").isNull());
            unmapped(Json.MAPPER.readTree(d.upsert()), mapping, "").forEach(f -> assertThat(f).as("unmapped field").isNull());
        }
        assertThat(Json.MAPPER.readTree(alert.upsert()).get("status").asText()).isEqualTo("open");
        assertThat(Json.MAPPER.readTree(alert.json()).has("status")).as("an update leaves the handling status alone").isFalse();
        assertThat(Json.MAPPER.readTree(delivery.get(0).json()).at("/deliveries/duty-wecom/status").asText()).isEqualTo("failed");
    }

    /** Paths in {@code doc} that the mapping does not declare; flattened fields take any sub-path. */
    private static List<String> unmapped(JsonNode doc, JsonNode mapping, String prefix) {
        List<String> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = doc.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode field = mapping.path("properties").get(e.getKey());
            if (field == null) {
                out.add(prefix + e.getKey());
            } else if (e.getValue().isObject() && !"flattened".equals(field.path("type").asText())) {
                out.addAll(unmapped(e.getValue(), field, prefix + e.getKey() + "."));
            }
        }
        return out;
    }
}
