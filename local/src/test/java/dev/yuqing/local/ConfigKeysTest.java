package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.replay.ReplayOptions;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import dev.yuqing.jobs.Setup;
import dev.yuqing.jobs.enrich.EnrichOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every configuration key of every component is documented and means one thing everywhere. */
class ConfigKeysTest {
    static final List<ConfigDef> ALL = List.of(EnrichOptions.DEF, ReplayOptions.DEF, Setup.DEF, LocalOptions.DEF);

    @Test
    void everyKeyHasADescription() {
        for (ConfigDef def : ALL) {
            for (ConfigKey<?> k : def.keys()) {
                assertThat(k.description()).as("description of %s in %s", k.name(), def.component()).isNotBlank().hasSizeGreaterThan(10);
            }
        }
    }

    @Test
    void aKeyNameIsDeclaredOnce() {
        Map<String, ConfigKey<?>> byName = new HashMap<>();
        for (ConfigDef def : ALL) {
            for (ConfigKey<?> k : def.keys()) {
                ConfigKey<?> other = byName.putIfAbsent(k.name(), k);
                assertThat(other == null || other == k).as("%s is declared twice", k.name()).isTrue();
            }
        }
    }

    @Test
    void everyDefaultIsValid() {
        for (ConfigDef def : ALL) {
            Map<String, String> required = new HashMap<>();
            def.keys().stream().filter(k -> k.defaultValue() == null).forEach(k -> required.put(k.name(), "x"));
            def.resolve(required, Map.of()); // throws on a default its own validator refuses
        }
    }
}
