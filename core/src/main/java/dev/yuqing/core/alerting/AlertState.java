package dev.yuqing.core.alerting;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import java.time.Instant;

/**
 * The one open alert of an id, as the aggregator keeps it between findings.
 *
 * @param alert         the findings so far, merged: highest level, growing count, last-seen time
 * @param notifiedLevel level at the last immediate notification; null if handlers were never told at once
 * @param notifiedAt    when they were last told at once; null if never
 * @param notifiedCount the alert's count at that notification, to tell whether anything happened since
 * @param digestAt      when the alert goes out in the daily digest; null if it is not waiting for one
 */
public record AlertState(Alert alert, AlertLevel notifiedLevel, Instant notifiedAt, long notifiedCount, Instant digestAt) {
}
