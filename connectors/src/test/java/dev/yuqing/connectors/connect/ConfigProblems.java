package dev.yuqing.connectors.connect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** For the configuration-error tests: a valid configuration with one key changed, and what the connector says. */
public final class ConfigProblems {
    private ConfigProblems() {}

    /** Connect's keys every connector needs, with the converters the connectors require. */
    public static Map<String, String> base(Class<? extends PostSourceConnector> connector) {
        Map<String, String> m = new HashMap<>();
        m.put("name", "test-" + connector.getSimpleName());
        m.put("connector.class", connector.getName());
        m.put("key.converter", PostSourceConnector.BYTES_CONVERTER);
        m.put("value.converter", PostSourceConnector.BYTES_CONVERTER);
        return m;
    }

    /** The problems of {@code valid} with {@code key} set to {@code value}, or removed when it is null. */
    public static List<String> with(PostSourceConnector connector, Map<String, String> valid, String key, String value) {
        Map<String, String> m = new HashMap<>(valid);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return connector.problems(m);
    }
}
