package dev.yuqing.jobs.alerting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alerting.AlertStatus;
import dev.yuqing.core.json.Json;
import dev.yuqing.jobs.elasticsearch.Document;
import dev.yuqing.jobs.elasticsearch.IndexPrefix;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The documents of the alert indices, one per alert id, in the index of the month the alert was first seen. The job writes partial updates, so the
 * status, who acknowledged and resolved it (written by {@link AckServer}) survive; a new alert is
 * created with status {@code open} and {@code raisedAt}, the time it was first written, from which
 * the time to acknowledge and to resolve are measured.
 */
public final class AlertDocuments {
    /** When the alert was first written: kept by every later update. */
    public static final String RAISED_AT = "raisedAt";
    private final String indexPrefix;

    /** Documents in the monthly indices {@code indexPrefix-yyyy.MM}, by the month the alert was first seen (it never changes). */
    public AlertDocuments(String indexPrefix) {
        this.indexPrefix = IndexPrefix.check(indexPrefix);
    }

    private String index(Alert a) {
        return IndexPrefix.monthly(indexPrefix, a.firstSeen());
    }

    /** The alert's latest merged findings. */
    public Document alert(Alert a, Instant now) {
        ObjectNode doc = Json.MAPPER.valueToTree(a);
        doc.put("updatedAt", now.toString());
        ObjectNode created = doc.deepCopy();
        created.put("status", AlertStatus.OPEN.code()).put(RAISED_AT, now.toString());
        return new Document(index(a), a.id(), bytes(doc), bytes(created));
    }

    /** One document per alert of the delivery: the channel's status under {@code deliveries.<channel>}. */
    public List<Document> delivery(DeliveryResult r) {
        List<Document> docs = new ArrayList<>();
        for (Alert a : r.notification().alerts()) {
            ObjectNode doc = Json.MAPPER.createObjectNode();
            ObjectNode channel = doc.putObject("deliveries").putObject(r.channel());
            channel.put("status", r.delivered() ? "delivered" : "failed");
            channel.put("attempts", r.attempts());
            channel.put("reason", r.notification().reason().name().toLowerCase(Locale.ROOT));
            channel.put("at", r.at().toString());
            if (r.error() != null) {
                channel.put("error", r.error());
            }
            doc.putObject("lastNotification").put("reason", r.notification().reason().name().toLowerCase(Locale.ROOT))
                    .put("at", r.notification().at().toString());
            // Should the delivery be indexed before the alert itself, it starts the document.
            ObjectNode created = doc.deepCopy();
            created.put("id", a.id()).put("status", AlertStatus.OPEN.code()).put(RAISED_AT, r.notification().at().toString());
            docs.add(new Document(index(a), a.id(), bytes(doc), bytes(created)));
        }
        return docs;
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
