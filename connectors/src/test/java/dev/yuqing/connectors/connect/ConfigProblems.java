package dev.yuqing.connectors.connect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * For the configuration-error tests: a valid configuration with one key changed, and what the
 * connector says. {@code valid} is a supplier so that a test may build it from its {@code @TempDir},
 * which JUnit sets after the test instance is made.
 */
public record ConfigProblems(YuqingSourceConnector connector, Supplier<Map<String, String>> valid) {

    /** Connect's keys every connector needs, with the converters the connectors require, and the connector's own. */
    public static Map<String, String> base(Class<? extends YuqingSourceConnector> connector, Map<String, String> own) {
        Map<String, String> m = new HashMap<>();
        m.put("name", "test-" + connector.getSimpleName());
        m.put("connector.class", connector.getName());
        m.put("key.converter", PostSourceConnector.BYTES_CONVERTER);
        m.put("value.converter", PostSourceConnector.BYTES_CONVERTER);
        m.putAll(own);
        return m;
    }

    /** The problems of the valid configuration with {@code key} set to {@code value}, or removed when it is null. */
    public List<String> with(String key, String value) {
        Map<String, String> m = new HashMap<>(valid.get());
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return connector.problems(m);
    }
}
