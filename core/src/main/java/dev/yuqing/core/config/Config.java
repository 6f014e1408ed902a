package dev.yuqing.core.config;

import java.io.Serializable;
import java.util.Map;

/** Resolved, validated settings. Serializable so that Flink operators may carry what they need. */
public final class Config implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, Object> values;

    Config(Map<ConfigKey<?>, Object> byKey) {
        this.values = new java.util.HashMap<>();
        byKey.forEach((k, v) -> values.put(k.name(), v));
    }

    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        if (!values.containsKey(key.name())) {
            throw new IllegalArgumentException("key not in this configuration: " + key.name());
        }
        return (T) values.get(key.name());
    }
}
