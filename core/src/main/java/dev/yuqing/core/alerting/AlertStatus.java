package dev.yuqing.core.alerting;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where handling of an alert stands: raised, taken on by a handler, dealt with. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
