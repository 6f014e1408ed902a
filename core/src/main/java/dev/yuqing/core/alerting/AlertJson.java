package dev.yuqing.core.alerting;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.json.Json;
import java.io.IOException;

/**
 * Reads an {@link Alert} from its JSON. Jackson binds records through their components (no
 * {@code -parameters} needed); this adds the checks the alert path relies on.
 */
public final class AlertJson {
    private AlertJson() {}

    /** @throws IOException when the bytes are not an alert; the message says why */
    public static Alert read(byte[] json) throws IOException {
        Alert a = Json.MAPPER.readValue(json, Alert.class);
        if (a == null || a.id() == null || a.id().isBlank()) {
            throw new IOException("alert without an id");
        }
        if (a.type() == null || a.level() == null) {
            throw new IOException("alert " + a.id() + " lacks its type or level");
        }
        if (a.title() == null || a.title().isBlank()) {
            throw new IOException("alert " + a.id() + " lacks a title");
        }
        if (a.firstSeen() == null) {
            // It places the alert's document in the index of its month, and starts its story.
            throw new IOException("alert " + a.id() + " lacks firstSeen");
        }
        return a;
    }
}
