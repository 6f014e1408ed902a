package dev.yuqing.jobs.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.harmful.HarmfulMatch;
import dev.yuqing.core.harmful.HarmfulResult;
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

    /** Flagged categories with their severity and terms, and every match with its offsets. */
    static ObjectNode harmful(HarmfulResult r) {
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("flagged", r.flagged());
        if (r.severity() != null) {
            h.put("severity", r.severity().name().toLowerCase(java.util.Locale.ROOT));
        }
        ArrayNode categories = h.putArray("categories");
        ArrayNode terms = h.putArray("terms");
        r.verdicts().forEach(v -> {
            categories.add(v.category().code());
            v.terms().forEach(terms::add);
        });
        ArrayNode matches = h.putArray("matches");
        for (HarmfulMatch m : r.matches()) {
            matches.addObject().put("category", m.category().code()).put("term", m.term())
                    .put("start", m.start()).put("end", m.end());
        }
        return h;
    }

    @Override
    public Document toDocument(EnrichedPost enriched) {
        Post post = enriched.post();
        TextFeatures f = enriched.analysis().features();
        ObjectNode doc = Json.MAPPER.valueToTree(post);
        doc.set("keywords", Json.MAPPER.valueToTree(f.keywords()));
        doc.set("places", Json.MAPPER.valueToTree(f.places()));
        doc.set("organizations", Json.MAPPER.valueToTree(f.organizations()));
        doc.put("length", f.length());
        doc.set("harmful", harmful(enriched.analysis().harmful()));
        doc.put("analyzedAt", enriched.analyzedAt().toString());
        try {
            return new Document(indexFor(post), post.id(), Json.MAPPER.writeValueAsBytes(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a post document always serialises", e);
        }
    }
}
