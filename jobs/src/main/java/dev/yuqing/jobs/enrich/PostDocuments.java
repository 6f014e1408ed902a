package dev.yuqing.jobs.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.analysis.PostAnalysis;
import dev.yuqing.core.harmful.HarmfulMatch;
import dev.yuqing.core.harmful.HarmfulResult;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.text.TextFeatures;
import dev.yuqing.jobs.elasticsearch.Document;
import dev.yuqing.jobs.elasticsearch.IndexPrefix;
import dev.yuqing.jobs.elasticsearch.DocumentMapper;
import java.util.Locale;

/**
 * An enriched post as a document of the posts index: the post's fields flattened, with its
 * analysis beside them. One index a month by published time in China time, so a post always lands
 * in the same index and its id makes a replay overwrite it.
 */
public final class PostDocuments implements DocumentMapper<EnrichedPost> {
    private static final long serialVersionUID = 1L;

    private final String indexPrefix;

    public PostDocuments(String indexPrefix) {
        this.indexPrefix = IndexPrefix.check(indexPrefix);
    }

    public String indexFor(Post post) {
        return IndexPrefix.monthly(indexPrefix, post.publishedAt());
    }

    /** Flagged categories with their severity and terms, and every match with its offsets. */
    static ObjectNode harmful(HarmfulResult r) {
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("flagged", r.flagged());
        if (r.severity() != null) {
            h.put("severity", r.severity().name().toLowerCase(Locale.ROOT));
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
        PostAnalysis a = enriched.analysis();
        TextFeatures f = a.features();
        ObjectNode doc = Json.MAPPER.valueToTree(post);
        // Raw personal data never reaches the index: title and text go in masked.
        doc.put("text", a.maskedText());
        if (a.maskedTitle() != null) {
            doc.put("title", a.maskedTitle());
        }
        doc.set("keywords", Json.MAPPER.valueToTree(f.keywords()));
        doc.set("persons", Json.MAPPER.valueToTree(f.persons()));
        doc.set("places", Json.MAPPER.valueToTree(f.places()));
        doc.set("organizations", Json.MAPPER.valueToTree(f.organizations()));
        doc.put("length", f.length());
        doc.set("harmful", harmful(a.harmful()));
        doc.putObject("sentiment").put("score", a.sentiment().score()).put("label", a.sentiment().label().name().toLowerCase(Locale.ROOT));
        doc.put("offensive", a.offensive());
        ObjectNode personal = doc.putObject("personalData");
        personal.put("count", a.personalData().size());
        ArrayNode types = personal.putArray("types");
        a.personalData().stream().map(m -> m.type().code()).distinct().forEach(types::add);
        ArrayNode pm = personal.putArray("matches");
        a.personalData().forEach(m -> pm.addObject().put("type", m.type().code())
                .put("masked", m.masked()).put("start", m.start()).put("end", m.end()));
        ObjectNode classified = doc.putObject("classified");
        ArrayNode levels = classified.putArray("levels");
        ArrayNode markers = classified.putArray("markers");
        a.classified().forEach(c -> {
            levels.add(c.level());
            markers.add(c.marker());
        });
        ArrayNode errors = doc.putArray("expressionErrors");
        a.expressionErrors().forEach(e -> errors.addObject().put("wrong", e.wrong()).put("right", e.right()).put("kind", e.kind())
                .put("start", e.start()).put("end", e.end()));
        doc.put("analyzedAt", enriched.analyzedAt().toString());
        try {
            return new Document(indexFor(post), post.id(), Json.MAPPER.writeValueAsBytes(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a post document always serialises", e);
        }
    }
}
