package dev.yuqing.connectors.connect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * What every Yuqing source connector shares: the version, one task per source, and validation
 * whose every error names the key and the fix. {@link #validate} runs the per-key validators of
 * {@link #config()}, then the connector's checks across keys and of the environment
 * ({@link #check}) and that the topics it writes exist ({@link WrittenTopics}, where
 * {@code kafka.bootstrap.servers} is set), and refuses converters that would mangle the JSON. {@link #start} refuses an
 * invalid configuration with the same messages, for workers that start a connector unvalidated; the topics are left to
 * the task's start, which checks them each time it starts.
 */
public abstract class YuqingSourceConnector extends SourceConnector {
    /** The only converter that writes the connectors' JSON bytes to Kafka as they are. */
    public static final String BYTES_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";
    static final List<String> CONVERTER_KEYS = List.of("key.converter", "value.converter");

    private Map<String, String> props;

    /**
     * A configuration of {@code connector} with what Connect needs of every Yuqing connector: one
     * task and the byte-array converters. Mutable: the caller adds the connector's own keys.
     */
    public static Map<String, String> connectConfiguration(Class<? extends YuqingSourceConnector> connector) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("connector.class", connector.getName());
        m.put("tasks.max", "1");
        for (String key : CONVERTER_KEYS) {
            m.put(key, BYTES_CONVERTER);
        }
        return m;
    }

    @Override
    public String version() {
        return ConnectorVersion.VERSION;
    }

    /**
     * Checks that need several keys or the world outside (a file that must exist); called only when
     * every key passed its own validator. Problems go to {@link ConfigValue#addErrorMessage} of the
     * key to blame, saying how to fix them.
     */
    protected void check(Map<String, String> props, Map<String, ConfigValue> values) {}

    @Override
    public Config validate(Map<String, String> props) {
        return validate(props, true);
    }

    /** {@code withTopics}: also ask the cluster whether the topics exist (a connection to Kafka). */
    private Config validate(Map<String, String> props, boolean withTopics) {
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        for (ConfigValue v : config().validate(props)) {
            values.put(v.name(), v);
        }
        Map<String, ConfigDef.ConfigKey> keys = config().configKeys();
        for (ConfigValue v : values.values()) {
            if (v.errorMessages().stream().anyMatch(m -> m.startsWith("Missing required configuration"))) {
                v.errorMessages().clear();
                v.addErrorMessage(v.name() + " is required: " + keys.get(v.name()).documentation);
            }
            // A value that does not parse is then validated as null; that second message says nothing new.
            if (v.errorMessages().size() > 1) {
                v.errorMessages().removeIf(m -> m.startsWith("Invalid value null for configuration"));
            }
        }
        Set<String> unknown = unknownKeys(props, keys);
        for (String name : unknown) {
            values.put(name, new ConfigValue(name, props.get(name), List.of(), new ArrayList<>(List.of(
                    "unknown key " + name + " for " + getClass().getSimpleName() + "; known keys: " + String.join(", ", new TreeSet<>(keys.keySet()))))));
        }
        if (values.values().stream().allMatch(v -> v.errorMessages().isEmpty())) {
            check(props, values);
        }
        if (withTopics && values.values().stream().allMatch(v -> v.errorMessages().isEmpty())) {
            checkTopics(values);
        }
        for (String key : CONVERTER_KEYS) {
            String converter = props.get(key);
            if (converter == null || !converter.strip().equals(BYTES_CONVERTER)) {
                values.put(key, new ConfigValue(key, converter, List.of(), new ArrayList<>(List.of(key + " must be set to " + BYTES_CONVERTER
                        + " in the connector's configuration (it is " + (converter == null ? "not set" : converter)
                        + "): the connector writes finished JSON bytes, which any other converter would wrap or re-encode"))));
            }
        }
        return new Config(new ArrayList<>(values.values()));
    }

    /**
     * Keys under one of this connector's own prefixes (the first part of its dotted keys, such as
     * {@code feed.}) that it does not define: a misspelt key would otherwise be ignored silently.
     * Connect's own keys never use these prefixes.
     */
    private static Set<String> unknownKeys(Map<String, String> props, Map<String, ConfigDef.ConfigKey> keys) {
        Set<String> prefixes = new TreeSet<>();
        for (String name : keys.keySet()) {
            int dot = name.indexOf('.');
            if (dot > 0) {
                prefixes.add(name.substring(0, dot + 1));
            }
        }
        Set<String> unknown = new TreeSet<>();
        for (String name : props.keySet()) {
            if (!keys.containsKey(name) && prefixes.stream().anyMatch(name::startsWith)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /** Reports each topic the connector would write that does not exist, where the cluster is given. */
    private static void checkTopics(Map<String, ConfigValue> values) {
        ConfigValue bootstrap = values.get(WrittenTopics.KAFKA_BOOTSTRAP);
        if (bootstrap == null || bootstrap.value() == null || bootstrap.value().toString().isBlank()) {
            return;
        }
        Map<String, Object> parsed = new LinkedHashMap<>();
        values.forEach((name, v) -> parsed.put(name, v.value()));
        for (WrittenTopics.Problem p : WrittenTopics.check(bootstrap.value().toString().strip(), WrittenTopics.KAFKA_BOOTSTRAP,
                WrittenTopics.of(parsed))) {
            values.get(p.key()).addErrorMessage(p.message());
        }
    }

    /** Every error of {@link #validate}, one line each. */
    public List<String> problems(Map<String, String> props) {
        return problems(validate(props, true));
    }

    private static List<String> problems(Config validated) {
        List<String> problems = new ArrayList<>();
        for (ConfigValue v : validated.configValues()) {
            problems.addAll(v.errorMessages());
        }
        return problems;
    }

    @Override
    public void start(Map<String, String> props) {
        // The topics are checked where they are written, at each start of the task (WrittenTopics.require).
        List<String> problems = problems(validate(props, false));
        if (!problems.isEmpty()) {
            throw new ConnectException(getClass().getSimpleName() + " configuration is invalid:\n  " + String.join("\n  ", problems));
        }
        this.props = Map.copyOf(props);
    }

    /** One task: each connector instance reads one source (a feed, a file). */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    /**
     * Lets operators reset or set offsets through the REST API ({@code DELETE /connectors/NAME/offsets}
     * after stopping it): the tasks check an offset they read against the source before using it.
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        return true;
    }

    @Override
    public void stop() {
        // nothing to release: the tasks hold the connections and files
    }
}
