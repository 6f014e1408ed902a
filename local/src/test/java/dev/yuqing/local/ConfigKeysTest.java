package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every configuration key of every component is documented and means one thing everywhere. */
class ConfigKeysTest {
    static final List<ConfigDef> ALL = ConfigDocs.ALL;

    @Test
    void theConfigurationDocumentIsCurrent() throws Exception {
        Path doc = Path.of(System.getProperty("yuqing.root", "..")).resolve("docs/configuration.md");
        assertThat(Files.exists(doc) ? Files.readString(doc) : "")
                .as("docs/configuration.md is stale; regenerate it with dev.yuqing.local.ConfigDocs (see its javadoc)")
                .isEqualTo(ConfigDocs.markdown());
    }

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

    /**
     * A topic that some component writes or reads by default and that Setup does not create stalls
     * whatever writes it (a site connector waited for site.links for ever): every topic key's default,
     * the jobs' and the connectors', is one of the topics Setup and the local stack create.
     */
    @Test
    void everyDefaultTopicIsCreatedBySetup() {
        java.util.Set<String> created = new java.util.HashSet<>(dev.yuqing.core.Topics.STREAMS);
        created.add(dev.yuqing.core.Topics.REGISTRY);
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (ConfigDef def : ALL) {
            for (ConfigKey<?> k : def.keys()) {
                if (k.name().endsWith(".topic")) {
                    keys.add(k.name());
                    assertThat(created).as("default of %s", k.name()).contains(k.defaultValue());
                }
            }
        }
        for (org.apache.kafka.connect.source.SourceConnector c : java.util.ServiceLoader.load(org.apache.kafka.connect.source.SourceConnector.class)) {
            c.config().configKeys().values().stream().filter(k -> k.name.equals("topic") || k.name.endsWith(".topic")).forEach(k -> {
                keys.add(c.getClass().getSimpleName() + " " + k.name);
                assertThat(created).as("default of %s in %s", k.name, c.getClass().getSimpleName()).contains(String.valueOf(k.defaultValue));
            });
        }
        assertThat(keys).as("the topic keys found").contains("HtmlSiteSourceConnector links.topic", "enrich.output.topic");
    }
}
