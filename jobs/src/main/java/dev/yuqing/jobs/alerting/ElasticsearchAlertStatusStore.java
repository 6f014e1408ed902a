package dev.yuqing.jobs.alerting;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.yuqing.core.alerting.AlertStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Statuses in the alerts index: a partial update of the alert's document ({@code status} and
 * {@code acknowledged} or {@code resolved} with {@code by}, {@code at}, {@code note} and
 * {@code minutes}, the time since the alert was raised, for the time-to-acknowledge panels),
 * refreshed at once so that dashboards show it. An unknown id is Elasticsearch's 404 on update.
 */
public final class ElasticsearchAlertStatusStore implements AlertStatusStore {
    private final ElasticsearchClient client;
    private final String index;

    public ElasticsearchAlertStatusStore(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    @Override
    public boolean setStatus(String alertId, AlertStatus status, String by, String note, Instant at) throws IOException {
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("by", by);
        who.put("at", at.toString());
        if (note != null) {
            who.put("note", note);
        }
        Instant raised = raisedAt(alertId);
        if (raised != null) {
            who.put("minutes", minutesBetween(raised, at));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", status.code());
        doc.put(status == AlertStatus.RESOLVED ? "resolved" : "acknowledged", who);
        try {
            client.update(u -> u.index(index).id(alertId).doc(doc).refresh(co.elastic.clients.elasticsearch._types.Refresh.True), Map.class);
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return false;
            }
            throw new IOException("updating alert " + alertId + " in " + index + " failed: " + e.getMessage(), e);
        }
    }

    /** The alert's raisedAt; null when the alert or the field (alerts written before it existed) is missing. */
    private Instant raisedAt(String alertId) throws IOException {
        try {
            var r = client.get(g -> g.index(index).id(alertId).sourceIncludes(AlertDocuments.RAISED_AT), com.fasterxml.jackson.databind.JsonNode.class);
            if (!r.found() || r.source() == null || !r.source().hasNonNull(AlertDocuments.RAISED_AT)) {
                return null;
            }
            return Instant.parse(r.source().get(AlertDocuments.RAISED_AT).asText());
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return null; // no index yet: the update answers 404 too
            }
            throw new IOException("reading alert " + alertId + " in " + index + " failed: " + e.getMessage(), e);
        }
    }

    /** Minutes from {@code from} to {@code to}, to a tenth; never negative (clocks of two machines). */
    static double minutesBetween(Instant from, Instant to) {
        long millis = Math.max(0, java.time.Duration.between(from, to).toMillis());
        return Math.round(millis / 6_000.0) / 10.0;
    }
}
