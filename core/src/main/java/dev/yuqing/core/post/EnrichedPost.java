package dev.yuqing.core.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.yuqing.core.analysis.PostAnalysis;
import dev.yuqing.core.json.Json;
import java.time.Instant;

/** A post with what the enrichment stage learnt about it. */
public record EnrichedPost(Post post, PostAnalysis analysis, Instant analyzedAt) {

    /**
     * Reads what {@link #toJson()} wrote. Records deserialise through their canonical constructors,
     * so the analysis types' own checks apply.
     */
    public static EnrichedPost fromJson(byte[] json) throws java.io.IOException {
        EnrichedPost p = Json.MAPPER.readValue(json, EnrichedPost.class);
        if (p == null || p.post() == null || p.analysis() == null) {
            throw new java.io.IOException("not an enriched post: post or analysis missing");
        }
        return p;
    }

    public byte[] toJson() {
        try {
            return Json.MAPPER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an EnrichedPost always serialises", e);
        }
    }
}
