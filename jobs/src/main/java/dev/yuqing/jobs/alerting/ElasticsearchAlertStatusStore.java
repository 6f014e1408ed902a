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
 * {@code acknowledged} or {@code resolved} with {@code by}, {@code at}, {@code note}), refreshed
 * at once so that dashboards show it. An unknown id is Elasticsearch's 404 on update.
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
}
