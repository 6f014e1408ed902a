package dev.yuqing.connectors.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.yuqing.core.json.Json;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import dev.yuqing.connectors.connect.CommonSourceConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample configurations in connectors/config are valid: what the worker would accept, once
 * its config provider has put the secret in and the directories they name exist.
 */
class ConfigSamplesTest {
    /** What the worker's file config provider would read from the sample's secrets file. */
    private static final String SECRET_HEADERS = "Authorization: Bearer sample-token";

    @TempDir
    Path dir;

    static List<Path> samples() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            return files.filter(f -> f.toString().endsWith(".properties") || f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theSampleIsValid(Path sample) throws Exception {
        Map<String, String> props = new HashMap<>();
        if (sample.toString().endsWith(".json")) {
            props.putAll(Json.MAPPER.readValue(sample.toFile(), new TypeReference<Map<String, String>>() {}));
        } else {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(sample, StandardCharsets.ISO_8859_1)) {
                p.load(in);
            }
            p.stringPropertyNames().forEach(k -> props.put(k, p.getProperty(k)));
        }
        props.replaceAll((k, v) -> v.startsWith("${file:") ? SECRET_HEADERS : v);
        props.computeIfPresent("export.dir", (k, v) -> dir.toString());
        // The topics are checked on a real broker by SourceSamplesIT; here there is none to ask.
        assertThat(props).as(sample + " names the worker's Kafka, to check its topics").containsKey(CommonSourceConfig.KAFKA_BOOTSTRAP);
        props.put(CommonSourceConfig.KAFKA_BOOTSTRAP, "");
        if (props.containsKey("file.path")) { // a file on the worker: an empty one here
            props.put("file.path", Files.writeString(dir.resolve("export.jsonl"), "").toString());
        }
        YuqingSourceConnector connector = (YuqingSourceConnector) Class.forName(props.get("connector.class")).getConstructor().newInstance();
        assertThat(connector.problems(props)).as(sample.toString()).isEmpty();
    }
}
