package dev.yuqing.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
    void aLineThatIsNotAnObjectIsNamed() {
        assertThatThrownBy(() -> SavedObjects.parse("{\"type\":\"search\"}\n[1]\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("line 1");
    }
}
