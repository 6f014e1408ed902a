package dev.yuqing.jobs.alerting;

import dev.yuqing.core.alerting.AlertStatus;
import java.io.IOException;
import java.time.Instant;

/** Where an alert's handling status is kept; {@link AckServer} writes through it. */
public interface AlertStatusStore {
    /**
     * Sets the status of an alert and who set it when, with an optional note.
     *
     * @return false when there is no alert of that id
     * @throws IOException when the store cannot be reached or refuses
     */
    boolean setStatus(String alertId, AlertStatus status, String by, String note, Instant at) throws IOException;
}
