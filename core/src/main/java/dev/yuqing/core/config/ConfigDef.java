package dev.yuqing.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The keys a component reads, and the one place that turns raw settings into a {@link Config}. */
public final class ConfigDef {
    private final String component;
    private final Map<String, ConfigKey<?>> keys = new LinkedHashMap<>();

    public ConfigDef(String component, ConfigKey<?>... keys) {
        this.component = component;
        for (ConfigKey<?> k : keys) {
            if (this.keys.put(k.name(), k) != null) {
                throw new IllegalArgumentException("config key declared twice: " + k.name());
            }
        }
    }

    public String component() {
        return component;
    }

    public List<ConfigKey<?>> keys() {
        return List.copyOf(keys.values());
    }

    /** From command-line {@code --key=value} arguments, system properties and the environment. */
    public Config fromArgs(String[] args) {
        Map<String, String> explicit = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new ConfigException(component + ": argument '" + arg + "' is not of the form --key=value; keys: " + keys.keySet());
            }
            int eq = arg.indexOf('=');
            explicit.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return resolve(explicit, System.getenv());
    }

    /**
     * For a command's {@code main}: the configuration from {@code args} as {@link #fromArgs}
     * reads it, or, when they are wrong, the reason and every key described on standard error and
     * the JVM ended with status 2 (the convention for a usage error).
     */
    public Config fromArgsOrExit(String[] args) {
        try {
            return fromArgs(args);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.err.println(describe());
            System.exit(2);
            throw e; // not reached
        }
    }

    /**
     * Explicit values win over {@code yuqing.*} system properties, which win over environment
     * variables. Every problem is reported at once, each naming its key and how to fix it.
     */
    public Config resolve(Map<String, String> explicit, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        for (String name : explicit.keySet()) {
            if (!keys.containsKey(name)) {
                problems.add("unknown key '" + name + "' (known: " + String.join(", ", keys.keySet()) + ")");
            }
        }
        Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();
        for (ConfigKey<?> key : keys.values()) {
            String raw = explicit.get(key.name());
            if (raw == null) {
                raw = System.getProperty("yuqing." + key.name());
            }
            if (raw == null) {
                raw = env.get(key.envName());
            }
            if (raw == null) {
                raw = key.defaultValue();
            }
            if (raw == null) {
                problems.add(key.name() + ": required; set --" + key.name() + "=... or " + key.envName() + " (" + key.description() + ")");
                continue;
            }
            try {
                values.put(key, key.parse(raw));
            } catch (IllegalArgumentException e) {
                problems.add(key.name() + ": " + e.getMessage() + "; expected " + key.type() + ": " + key.description());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(component + " configuration is invalid:\n  " + String.join("\n  ", problems));
        }
        return new Config(Collections.unmodifiableMap(values));
    }

    /** A table of the keys for docs and {@code --help}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(component).append(" settings (--key=value or environment variable):\n");
        for (ConfigKey<?> k : keys.values()) {
            sb.append(String.format("  %-34s %-34s %s [%s; default %s]%n", k.name(), k.envName(), k.description(), k.type(),
                    k.defaultValue() == null ? "required" : "'" + k.defaultValue() + "'"));
        }
        return sb.toString();
    }
}
