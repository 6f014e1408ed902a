package dev.yuqing.jobs.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.PostTimes;
import dev.yuqing.core.text.TextFeatures;
import dev.yuqing.jobs.elasticsearch.Document;
import dev.yuqing.jobs.elasticsearch.DocumentMapper;
import java.time.format.DateTimeFormatter;

/**
 * An enriched post as a document of the posts index: the post's fields flattened, with its
 * analysis beside them. One index a month by published time in China time, so a post always lands
 * in the same index and its id makes a replay overwrite it.
 */
public final class PostDocuments implements DocumentMapper<EnrichedPost> {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(PostTimes.CHINA);

    private final String indexPrefix;

    public PostDocuments(String indexPrefix) {
        if (indexPrefix == null || !indexPrefix.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("index prefix must be lower-case letters, digits, '-', '_' or '.', was '" + indexPrefix + "'");
        }
        this.indexPrefix = indexPrefix;
    }

    public String indexFor(Post post) {
        return indexPrefix + "-" + MONTH.format(post.publishedAt());
    }

    @Override
    public Document toDocument(EnrichedPost enriched) {
        Post post = enriched.post();
        TextFeatures f = enriched.features();
        ObjectNode doc = Json.MAPPER.valueToTree(post);
        doc.set("keywords", Json.MAPPER.valueToTree(f.keywords()));
        doc.set("places", Json.MAPPER.valueToTree(f.places()));
        doc.set("organizations", Json.MAPPER.valueToTree(f.organizations()));
        doc.put("length", f.length());
        doc.put("analyzedAt", enriched.analyzedAt().toString());
        try {
            return new Document(indexFor(post), post.id(), Json.MAPPER.writeValueAsBytes(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a post document always serialises", e);
        }
    }
}
