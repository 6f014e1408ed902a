package dev.yuqing.jobs.trend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.trend.Event;
import dev.yuqing.jobs.elasticsearch.Document;
import dev.yuqing.jobs.elasticsearch.DocumentMapper;
import dev.yuqing.jobs.elasticsearch.IndexPrefix;

/**
 * An event as a document: one index a month by first seen (China time), which never changes, so
 * each update of an event overwrites its one document.
 */
public final class EventDocuments implements DocumentMapper<Event> {
    private static final long serialVersionUID = 1L;

    private final String indexPrefix;

    public EventDocuments(String indexPrefix) {
        this.indexPrefix = IndexPrefix.check(indexPrefix);
    }

    @Override
    public Document toDocument(Event e) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("id", e.id());
        doc.put("title", e.title());
        doc.set("keywords", Json.MAPPER.valueToTree(e.keywords()));
        doc.put("firstSeen", e.firstSeen().toString());
        doc.put("lastSeen", e.lastSeen().toString());
        doc.put("volume", e.volume());
        doc.set("sources", Json.MAPPER.valueToTree(e.sources()));
        doc.set("regions", Json.MAPPER.valueToTree(e.regions()));
        doc.putObject("sentiment").put("negative", e.negative()).put("neutral", e.neutral()).put("positive", e.positive())
                .put("negativeShare", e.negativeShare()).put("negativeBaseline", e.negativeBaseline());
        doc.set("representatives", Json.MAPPER.valueToTree(e.representatives()));
        doc.put("reach", e.reach());
        doc.put("harmful", e.harmful());
        doc.put("growth", e.growth());
        if (e.level() != null) {
            doc.put("level", e.level().code());
        }
        if (e.peakLevel() != null) {
            doc.put("peakLevel", e.peakLevel().code());
        }
        try {
            return new Document(IndexPrefix.monthly(indexPrefix, e.firstSeen()), e.id(), Json.MAPPER.writeValueAsBytes(doc));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("an event document always serialises", ex);
        }
    }
}
