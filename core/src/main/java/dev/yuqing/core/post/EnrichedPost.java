package dev.yuqing.core.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.yuqing.core.analysis.PostAnalysis;
import dev.yuqing.core.json.Json;
import java.time.Instant;

/** A post with what the enrichment stage learnt about it. */
public record EnrichedPost(Post post, PostAnalysis analysis, Instant analyzedAt) {

    public byte[] toJson() {
        try {
            return Json.MAPPER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an EnrichedPost always serialises", e);
        }
    }
}
