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
 * refreshed at once so that dashboards show it. Alerts live in monthly indices behind
 * {@code indexPrefix-*}: the alert is looked up by id there first, then updated in its own index.
 */
public final class ElasticsearchAlertStatusStore implements AlertStatusStore {
    private final ElasticsearchClient client;
    private final String pattern;

    /** @param indexPrefix the prefix of the monthly alert indices ({@code alerting.index}) */
    public ElasticsearchAlertStatusStore(ElasticsearchClient client, String indexPrefix) {
        this.client = client;
        this.pattern = indexPrefix + "-*";
    }

    /** Where an alert's document is, and when it was raised (null for alerts written before raisedAt existed). */
    private record Located(String index, Instant raisedAt) {}

    @Override
    public boolean setStatus(String alertId, AlertStatus status, String by, String note, Instant at) throws IOException {
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("by", by);
        who.put("at", at.toString());
        if (note != null) {
            who.put("note", note);
        }
        Located alert = locate(alertId);
        if (alert == null) {
            return false;
        }
        if (alert.raisedAt() != null) {
            who.put("minutes", minutesBetween(alert.raisedAt(), at));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", status.code());
        doc.put(status == AlertStatus.RESOLVED ? "resolved" : "acknowledged", who);
        try {
            client.update(u -> u.index(alert.index()).id(alertId).doc(doc).refresh(co.elastic.clients.elasticsearch._types.Refresh.True), Map.class);
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return false;
            }
            throw new IOException("updating alert " + alertId + " in " + alert.index() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The alert's index and raisedAt, or null when no alert has the id. Search sees what the last
     * refresh made visible: an alert written within the second is found after a refresh.
     */
    private Located locate(String alertId) throws IOException {
        Located found = search(alertId);
        if (found == null) {
            try {
                client.indices().refresh(r -> r.index(pattern).allowNoIndices(true).ignoreUnavailable(true));
            } catch (ElasticsearchException e) {
                throw new IOException("refreshing " + pattern + " failed: " + e.getMessage(), e);
            }
            found = search(alertId);
        }
        return found;
    }

    private Located search(String alertId) throws IOException {
        try {
            var r = client.search(q -> q.index(pattern).allowNoIndices(true).ignoreUnavailable(true).size(1)
                    .query(x -> x.ids(ids -> ids.values(alertId))).source(src -> src.filter(f -> f.includes(AlertDocuments.RAISED_AT))),
                    com.fasterxml.jackson.databind.JsonNode.class);
            if (r.hits().hits().isEmpty()) {
                return null;
            }
            var hit = r.hits().hits().get(0);
            var source = hit.source();
            boolean raised = source != null && source.hasNonNull(AlertDocuments.RAISED_AT);
            return new Located(hit.index(), raised ? Instant.parse(source.get(AlertDocuments.RAISED_AT).asText()) : null);
        } catch (ElasticsearchException e) {
            throw new IOException("looking up alert " + alertId + " in " + pattern + " failed: " + e.getMessage(), e);
        }
    }

    /** Minutes from {@code from} to {@code to}, to a tenth; never negative (clocks of two machines). */
    static double minutesBetween(Instant from, Instant to) {
        long millis = Math.max(0, java.time.Duration.between(from, to).toMillis());
        return Math.round(millis / 6_000.0) / 10.0;
    }
}
