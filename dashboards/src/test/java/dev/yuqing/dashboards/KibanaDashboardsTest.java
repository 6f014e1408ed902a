package dev.yuqing.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KibanaDashboardsTest {
    /** The shipped file is what the generator writes: a change to the generator without running it fails here. */
    @Test
    void theShippedFileIsWhatTheGeneratorRenders() throws IOException {
        String shipped;
        try (InputStream in = SavedObjects.class.getResourceAsStream(SavedObjects.RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(KibanaDashboards.render(shipped))
                .as("yuqing.ndjson is stale: run mvn -B -q -pl dashboards exec:java -Dexec.mainClass=dev.yuqing.dashboards.KibanaDashboards")
                .isEqualTo(shipped);
    }

    @Test
    void theFourDashboardsAreThereWithTheirPanels() {
        List<JsonNode> objects = SavedObjects.shipped().objects();
        assertThat(objects).filteredOn(o -> o.get("type").asText().equals("dashboard"))
                .extracting(o -> o.at("/attributes/title").asText())
                .containsExactly("舆情总览", "预警处置", "热点事件", "网站与新媒体巡检");
        assertThat(objects).filteredOn(o -> o.get("type").asText().equals("lens"))
                .extracting(o -> o.at("/attributes/visualizationType").asText())
                .contains("lnsXY", "lnsPie", "lnsMetric", "lnsDatatable");
        // Every Lens object is on a dashboard: none is generated and then forgotten.
        String references = objects.stream().filter(o -> o.get("type").asText().equals("dashboard"))
                .map(o -> o.get("references").toString()).reduce("", String::concat);
        assertThat(objects).filteredOn(o -> o.get("type").asText().equals("lens"))
                .allMatch(o -> references.contains("\"" + o.get("id").asText() + "\""));
    }

    @Test
    void renderingKeepsTheHandWrittenLinesAndReplacesTheGeneratedOnes() {
        String view = "{\"type\":\"index-pattern\",\"id\":\"v\",\"attributes\":{}}";
        String old = "{\"type\":\"lens\",\"id\":\"gone\",\"attributes\":{}}";
        String rendered = KibanaDashboards.render(view + "\n" + old + "\n");
        assertThat(rendered).startsWith(view + "\n").doesNotContain("\"gone\"").contains("yuqing-dashboard-overview");
        assertThat(KibanaDashboards.render(rendered)).isEqualTo(rendered);
    }
}
