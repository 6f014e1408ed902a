package dev.yuqing.jobs.trend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.trend.Trend;
import dev.yuqing.jobs.elasticsearch.Document;
import dev.yuqing.jobs.elasticsearch.DocumentMapper;
import dev.yuqing.jobs.elasticsearch.IndexPrefix;

/** A trend as a document: one index a month by window end (China time), id term@windowStart. */
public final class TrendDocuments implements DocumentMapper<Trend> {
    private static final long serialVersionUID = 1L;

    private final String indexPrefix;

    public TrendDocuments(String indexPrefix) {
        this.indexPrefix = IndexPrefix.check(indexPrefix);
    }

    @Override
    public Document toDocument(Trend t) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("term", t.term());
        doc.put("windowStart", t.windowStart().toString());
        doc.put("windowEnd", t.windowEnd().toString());
        doc.put("count", t.count());
        doc.put("baseline", t.baseline());
        doc.put("score", t.score());
        doc.put("burst", t.burst());
        try {
            return new Document(IndexPrefix.monthly(indexPrefix, t.windowEnd()), t.id(), Json.MAPPER.writeValueAsBytes(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a trend document always serialises", e);
        }
    }
}
