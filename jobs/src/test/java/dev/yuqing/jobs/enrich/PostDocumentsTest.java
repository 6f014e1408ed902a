package dev.yuqing.jobs.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.analysis.PostAnalyzer;
import dev.yuqing.dashboards.IndexTemplates;
import dev.yuqing.jobs.elasticsearch.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostDocumentsTest {
    private final PostDocuments documents = new PostDocuments("yuqing-posts");

    @Test
    void indexIsTheMonthOfPublicationInChinaTime() {
        Post lastEveningOfOctoberUtc = new Post("x", TestPosts.post("x", "t").source(), "a", null, null, null, "t",
                Instant.parse("2026-10-31T17:00:00Z"), null, null, null, null, null);
        assertThat(documents.indexFor(lastEveningOfOctoberUtc)).isEqualTo("yuqing-posts-2026.11");
    }

    /** The posts template is strict: a field it does not know would make every document fail. */
    @Test
    void everyDocumentFieldIsMappedInTheTemplate() throws Exception {
        Post post = new Post("p1", TestPosts.post("p1", "t").source(), "weibo:a", "作者", "https://x.example/1", "标题",
                "南湖区供水恢复。另：兼职刷单，刷单返利，日结。截止目前联系人身份证11010519491231002X。机密★1年", Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-20T00:01:00Z"), "南湖区", "p0", "t1",
                TestPosts.post("p1", "t").engagement());
        EnrichedPost enriched = new EnrichedPost(post, PostAnalyzer.standard().analyze(post), Instant.now());
        Document doc = documents.toDocument(enriched);
        assertThat(doc.id()).isEqualTo("p1");
        JsonNode harmful = Json.MAPPER.readTree(doc.json()).get("harmful");
        assertThat(harmful.get("flagged").asBoolean()).isTrue();
        assertThat(harmful.get("categories").toString()).contains("fraud");
        assertThat(harmful.get("matches").get(0).get("start").asInt()).isPositive();
        String json = new String(doc.json(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("11010519491231002X").contains("\"types\":[\"id-card\"]");
        JsonNode parsed = Json.MAPPER.readTree(doc.json());
        assertThat(parsed.get("text").asText()).contains("110***********002X".substring(0, 3)).doesNotContain("19491231");
        assertThat(parsed.at("/classified/levels/0").asText()).isEqualTo("机密");
        assertThat(parsed.at("/expressionErrors/0/right").asText()).isEqualTo("截至目前");
        assertThat(parsed.at("/sentiment/label").asText()).isIn("negative", "neutral", "positive");

        JsonNode template = Json.MAPPER.readTree(IndexTemplates.resource(IndexTemplates.POSTS));
        JsonNode properties = template.at("/template/mappings/properties");
        assertThat(unmapped(Json.MAPPER.readTree(doc.json()), properties, "")).isEmpty();
    }

    private static List<String> unmapped(JsonNode doc, JsonNode properties, String prefix) {
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode mapping = properties.get(e.getKey());
            if (mapping == null) {
                missing.add(prefix + e.getKey());
            } else if (e.getValue().isObject()) {
                missing.addAll(unmapped(e.getValue(), mapping.get("properties"), prefix + e.getKey() + "."));
            }
        }
        return missing;
    }

    @Test
    void refusesPrefixesElasticsearchWouldRefuse() {
        assertThatThrownBy(() -> new PostDocuments("Posts")).isInstanceOf(IllegalArgumentException.class);
    }
}
