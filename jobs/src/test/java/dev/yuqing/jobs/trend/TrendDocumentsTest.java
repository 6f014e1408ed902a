package dev.yuqing.jobs.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.trend.Event;
import dev.yuqing.core.trend.RepresentativePost;
import dev.yuqing.core.trend.Trend;
import dev.yuqing.dashboards.IndexTemplates;
import dev.yuqing.jobs.elasticsearch.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendDocumentsTest {
    private static final Trend TREND = new Trend("停水", Instant.parse("2026-10-31T15:55:00Z"), Instant.parse("2026-10-31T16:05:00Z"),
            40, 6.5, 7.2, true);
    private static final Event EVENT = new Event("event:a", "小区停水", List.of("停水"), Instant.parse("2026-10-31T15:59:00Z"),
            Instant.parse("2026-11-01T02:00:00Z"), 12, List.of("weibo"), List.of("南湖区"), 8, 3, 1,
            List.of(new RepresentativePost("a", "小区停水三天", "https://weibo.example/a"), new RepresentativePost("b", "停水何时恢复", null)), 400, 1, 2.5, 0.2,
            null, AlertLevel.ORANGE);

    @Test
    void aTrendIsIndexedByTheMonthOfItsWindowEndInChinaTimeUnderAStableId() throws Exception {
        Document d = new TrendDocuments("yuqing-trends").toDocument(TREND);
        assertThat(d.index()).isEqualTo("yuqing-trends-2026.11");
        assertThat(d.id()).isEqualTo("停水@" + TREND.windowStart().toEpochMilli());
        JsonNode doc = Json.MAPPER.readTree(d.json());
        assertThat(doc.get("burst").asBoolean()).isTrue();
        assertThat(doc.get("count").asLong()).isEqualTo(40);
        assertThat(unmapped(doc, IndexTemplates.TRENDS)).isEmpty();
    }

    @Test
    void anEventKeepsOneDocumentUnderItsIdAndFirstSeenMonth() throws Exception {
        Document d = new EventDocuments("yuqing-events").toDocument(EVENT);
        assertThat(d.index()).isEqualTo("yuqing-events-2026.10");
        assertThat(d.id()).isEqualTo("event:a");
        JsonNode doc = Json.MAPPER.readTree(d.json());
        assertThat(doc.at("/sentiment/negative").asLong()).isEqualTo(8);
        assertThat(doc.has("level")).as("cooled below blue").isFalse();
        assertThat(doc.get("peakLevel").asText()).as("but it was orange").isEqualTo("orange");
        assertThat(doc.at("/representatives/0/title").asText()).isEqualTo("小区停水三天");
        assertThat(unmapped(doc, IndexTemplates.EVENTS)).isEmpty();
    }

    @Test
    void theNewTemplatesAreApplied() {
        assertThat(IndexTemplates.ALL).contains(IndexTemplates.TRENDS, IndexTemplates.EVENTS);
        assertThatThrownBy(() -> new TrendDocuments("Trends")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Dotted paths of the document that the strict template does not map. */
    private static List<String> unmapped(JsonNode doc, String template) throws Exception {
        JsonNode properties = Json.MAPPER.readTree(IndexTemplates.resource(template)).at("/template/mappings/properties");
        assertThat(Json.MAPPER.readTree(IndexTemplates.resource(template)).at("/template/mappings/dynamic").asText()).isEqualTo("strict");
        List<String> out = new ArrayList<>();
        collect(doc, properties, "", out);
        return out;
    }

    private static void collect(JsonNode doc, JsonNode properties, String path, List<String> out) {
        doc.properties().forEach(e -> {
            JsonNode mapping = properties == null ? null : properties.get(e.getKey());
            if (mapping == null) {
                out.add(path + e.getKey());
            } else if (e.getValue().isObject()) {
                collect(e.getValue(), mapping.get("properties"), path + e.getKey() + ".", out);
            }
        });
    }
}
