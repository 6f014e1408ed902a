package dev.yuqing.connectors.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/**
 * The sample connector configurations under {@code connectors/config/} (what the README tells
 * operators to PUT to a worker) name a connector of this plugin and pass its key validators and
 * converter check. Checks of the world (a file that must exist on the worker) are not run here.
 */
class SampleConfigsTest {
    private static final Path SAMPLES = Path.of("config");

    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everySampleIsAValidConfigurationOfAConnectorOfThePlugin() throws Exception {
        List<Path> samples = samples();
        assertThat(samples).as("samples in " + SAMPLES.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(2);
        List<String> declared = ConnectorConfigDefTest.connectors().stream().map(c -> c.getClass().getName()).toList();
        for (Path sample : samples) {
            Map<String, String> props = Json.MAPPER.readValue(sample.toFile(), new TypeReference<Map<String, String>>() {});
            String connectorClass = props.get("connector.class");
            assertThat(declared).as("connector.class of " + sample).contains(connectorClass);
            PostSourceConnector connector = (PostSourceConnector) Class.forName(connectorClass).getDeclaredConstructor().newInstance();
            for (ConfigValue v : connector.config().validate(props)) {
                assertThat(v.errorMessages()).as(v.name() + " in " + sample).isEmpty();
            }
            for (String key : PostSourceConnector.CONVERTER_KEYS) {
                assertThat(props).as(sample.toString()).containsEntry(key, PostSourceConnector.BYTES_CONVERTER);
            }
            assertThat(props.keySet()).as("keys of " + sample).allMatch(k -> connector.config().names().contains(k)
                    || List.of("connector.class", "tasks.max", "key.converter", "value.converter", "name").contains(k));
        }
    }
}
