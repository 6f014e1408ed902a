package dev.yuqing.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SavedObjectsTest {
    @Test
    void theShippedObjectsAreConsistentWithTheTemplates() {
        SavedObjects shipped = SavedObjects.shipped();
        assertThat(shipped.problems()).isEmpty();
        assertThat(shipped.objects()).filteredOn(o -> o.get("type").asText().equals("index-pattern"))
                .extracting(o -> o.at("/attributes/title").asText()).containsExactlyInAnyOrderElementsOf(IndexTemplates.ALL);
        assertThat(shipped.objects()).filteredOn(o -> o.get("type").asText().equals("search")).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void brokenReferencesUnknownFieldsAndWrongTypesAreNamed() {
        String view = "{\"type\":\"index-pattern\",\"id\":\"v\",\"attributes\":{\"title\":\"yuqing-posts\",\"timeFieldName\":\"text\"},\"references\":[]}";
        String search = "{\"type\":\"search\",\"id\":\"s\",\"attributes\":{\"columns\":[\"nosuch\"],\"sort\":[[\"text\",\"desc\"]],"
                + "\"kibanaSavedObjectMeta\":{\"searchSourceJSON\":\"{\\\"query\\\":{\\\"query\\\":\\\"mood : 1\\\",\\\"language\\\":\\\"kuery\\\"}}\"}},"
                + "\"references\":[{\"name\":\"x\",\"type\":\"index-pattern\",\"id\":\"v\"},{\"name\":\"y\",\"type\":\"index-pattern\",\"id\":\"gone\"}]}";
        var objects = SavedObjects.parse((view + "\n" + search + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(objects.problems()).anyMatch(p -> p.contains("time field text is text"))
                .anyMatch(p -> p.contains("column nosuch"))
                .anyMatch(p -> p.contains("sort field text"))
                .anyMatch(p -> p.contains("query field mood"))
                .anyMatch(p -> p.contains("index-pattern gone is not in the file"));
    }

    @Test
    void theShippedDashboardsAndLensObjectsAreChecked() {
        assertThat(SavedObjects.shipped().objects()).filteredOn(o -> o.get("type").asText().equals("lens")).hasSizeGreaterThan(20);
        assertThat(SavedObjects.shipped().objects()).filteredOn(o -> o.get("type").asText().equals("dashboard")).hasSize(4);
    }

    // Each broken example below is a shipped object with one thing changed, so that the check it
    // shows is the only thing wrong with it.

    @Test
    void termsOnATextFieldIsNamed() {
        assertThat(problemsOfLens("yuqing-lens-posts-by-source", l -> column(l, "col1").put("sourceField", "text")))
                .singleElement().asString().contains("terms on text, which is text");
    }

    @Test
    void termsOnBooleanAndNumbersIsAccepted() {
        assertThat(problemsOfLens("yuqing-lens-posts-by-source", l -> column(l, "col1").put("sourceField", "harmful.flagged"))).isEmpty();
        assertThat(problemsOfLens("yuqing-lens-posts-by-source", l -> column(l, "col1").put("sourceField", "length"))).isEmpty();
    }

    @Test
    void aDateHistogramOnAKeywordIsNamed() {
        assertThat(problemsOfLens("yuqing-lens-posts-volume-by-source", l -> column(l, "col1").put("sourceField", "source")))
                .singleElement().asString().contains("date_histogram on source, which is keyword");
    }

    @Test
    void anAverageOfAKeywordOrASumOfADateIsNamed() {
        assertThat(problemsOfLens("yuqing-lens-posts-sentiment-mean", l -> column(l, "col1").put("sourceField", "sentiment.label")))
                .singleElement().asString().contains("average on sentiment.label, which is keyword");
        assertThat(problemsOfLens("yuqing-lens-posts-sentiment-mean", l -> column(l, "col1").put("operationType", "sum").put("sourceField", "publishedAt")))
                .singleElement().asString().contains("sum on publishedAt, which is date");
    }

    @Test
    void aUniqueCountOfTextIsNamedAndOfADateIsAccepted() {
        assertThat(problemsOfLens("yuqing-lens-messages-count", l -> column(l, "col1").put("sourceField", "subject")))
                .singleElement().asString().contains("unique_count on subject, which is text");
        assertThat(problemsOfLens("yuqing-lens-messages-count", l -> column(l, "col1").put("sourceField", "askedAt"))).isEmpty();
    }

    @Test
    void aFieldNotInTheTemplateIsNamed() {
        assertThat(problemsOfLens("yuqing-lens-posts-by-region", l -> column(l, "col1").put("sourceField", "city")))
                .singleElement().asString().contains("terms on city, which is not in the template");
        assertThat(problemsOfLens("yuqing-lens-posts-total", l -> column(l, "col1").put("sourceField", "mood")))
                .singleElement().asString().contains("count of mood");
    }

    @Test
    void aFieldOfAnotherDataViewIsNamed() {
        // publishedAt is a posts field; this layer is on the alerts data view.
        assertThat(problemsOfLens("yuqing-lens-alerts-over-time", l -> column(l, "col1").put("sourceField", "publishedAt")))
                .singleElement().asString().contains("publishedAt, which is not in the template");
    }

    @Test
    void aLayerWithoutADataViewIsNamed() {
        assertThat(problemsOfLens("yuqing-lens-posts-total", l -> ((ArrayNode) l.get("references")).removeAll()))
                .singleElement().asString().contains("has no data view");
        assertThat(problemsOfLens("yuqing-lens-posts-total", l -> ((ObjectNode) l.get("references").get(0)).put("id", "yuqing-dv-gone")))
                .anyMatch(p -> p.contains("index-pattern yuqing-dv-gone is not in the file"))
                .anyMatch(p -> p.contains("has no data view"));
    }

    @Test
    void anOperationTheChecksDoNotKnowIsNamed() {
        assertThat(problemsOfLens("yuqing-lens-posts-sentiment-mean", l -> column(l, "col1").put("operationType", "cumulative_sum")))
                .singleElement().asString().contains("operation cumulative_sum is not one these checks know");
    }

    @Test
    void aLastValueSortedByANonDateIsNamed() {
        assertThat(problemsOfLens("yuqing-lens-events-top", l -> ((ObjectNode) column(l, "col4").get("params")).put("sortField", "level")))
                .singleElement().asString().contains("last_value sorted by level, which is keyword");
    }

    @Test
    void columnsTheChartOrTheOrderingNameButTheLayerLacksAreNamed() {
        assertThat(problemsOfLens("yuqing-lens-posts-total", l -> ((ObjectNode) l.at("/attributes/state/visualization")).put("metricAccessor", "col9")))
                .singleElement().asString().contains("draws column col9");
        assertThat(problemsOfLens("yuqing-lens-posts-by-source", l -> ((ObjectNode) column(l, "col1").at("/params/orderBy")).put("columnId", "col9")))
                .singleElement().asString().contains("ordered by column col9");
    }

    @Test
    void aQueryFieldNotInTheTemplateIsNamed() {
        assertThat(problemsOfLens("yuqing-lens-posts-harmful", l -> ((ObjectNode) l.at("/attributes/state/query")).put("query", "harmful.flagd : true")))
                .singleElement().asString().contains("query field harmful.flagd");
    }

    @Test
    void aDashboardPanelWhoseObjectIsMissingIsNamed() {
        // The lens object the first panel shows is left out of the file.
        List<String> lines = shippedLines(o -> !o.get("id").asText().equals("yuqing-lens-posts-total"));
        assertThat(SavedObjects.parse(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)).problems())
                .anyMatch(p -> p.contains("dashboard yuqing-dashboard-overview: panel 1: lens yuqing-lens-posts-total is not in the file"));
    }

    @Test
    void aDashboardPanelWithoutItsReferenceOrOfAnotherTypeIsNamed() {
        assertThat(problemsOfDashboard(d -> ((ArrayNode) d.get("references")).remove(0)))
                .singleElement().asString().contains("panel 1: no reference named panel_1 or 1:panel_1");
        assertThat(problemsOfDashboard(d -> ((ObjectNode) d.get("references").get(0)).put("type", "search").put("id", "yuqing-search-negative-posts")))
                .singleElement().asString().contains("panel 1: a lens panel refers to a search");
        assertThat(problemsOfDashboard(d -> editPanels(d, p -> p.get(0).remove("panelRefName"))))
                .singleElement().asString().contains("panel 1: no panelRefName");
        assertThat(problemsOfDashboard(d -> editPanels(d, p -> ((ObjectNode) p.get(0).get("gridData")).put("w", 60))))
                .singleElement().asString().contains("panel 1: gridData");
    }

    private static ObjectNode column(ObjectNode lens, String id) {
        JsonNode layers = lens.at("/attributes/state/datasourceStates/formBased/layers");
        return (ObjectNode) layers.elements().next().get("columns").get(id);
    }

    private static void editPanels(ObjectNode dashboard, Consumer<List<ObjectNode>> edit) {
        try {
            ObjectNode attributes = (ObjectNode) dashboard.get("attributes");
            ArrayNode panels = (ArrayNode) Json.MAPPER.readTree(attributes.get("panelsJSON").asText());
            List<ObjectNode> list = new ArrayList<>();
            panels.forEach(p -> list.add((ObjectNode) p));
            edit.accept(list);
            attributes.put("panelsJSON", Json.MAPPER.writeValueAsString(panels));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The problems of the shipped file with the Lens object {@code id} changed by {@code edit}. */
    private static List<String> problemsOfLens(String id, Consumer<ObjectNode> edit) {
        return problemsWith(id, edit);
    }

    private static List<String> problemsOfDashboard(Consumer<ObjectNode> edit) {
        return problemsWith("yuqing-dashboard-overview", edit);
    }

    private static List<String> problemsWith(String id, Consumer<ObjectNode> edit) {
        List<String> lines = new ArrayList<>();
        boolean found = false;
        for (JsonNode o : SavedObjects.shipped().objects()) {
            ObjectNode copy = o.deepCopy();
            if (copy.get("id").asText().equals(id)) {
                edit.accept(copy);
                found = true;
            }
            lines.add(copy.toString());
        }
        assertThat(found).as("shipped object " + id).isTrue();
        return SavedObjects.parse(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)).problems();
    }

    private static List<String> shippedLines(java.util.function.Predicate<JsonNode> keep) {
        return SavedObjects.shipped().objects().stream().filter(keep).map(JsonNode::toString).toList();
    }

    @Test
    void aLineThatIsNotAnObjectIsNamed() {
        assertThatThrownBy(() -> SavedObjects.parse("{\"type\":\"search\"}\n[1]\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("line 1");
    }
}
