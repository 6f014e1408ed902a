package dev.yuqing.core.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.yuqing.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A warning for on-call handlers, shared by every producer of alerts.
 *
 * @param id        stable for the same finding, so repeats update one alert downstream
 * @param evidence  post ids, their URLs and the matched terms (personal data only masked)
 * @param count     findings this alert stands for
 */
public record Alert(String id, AlertType type, AlertLevel level, String title, String summary, Evidence evidence,
                    String region, String account, Instant firstSeen, Instant lastSeen, long count) {

    /** What the alert rests on. */
    public record Evidence(List<String> postIds, List<String> urls, List<String> terms) {
        public Evidence {
            postIds = new ArrayList<>(postIds);
            urls = new ArrayList<>(urls);
            terms = new ArrayList<>(terms);
        }
    }

    public byte[] toJson() {
        try {
            return Json.MAPPER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an Alert always serialises", e);
        }
    }
}
