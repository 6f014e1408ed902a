package dev.yuqing.connectors.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        return SampleConfigs.list(Path.of("config"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theSampleIsValid(Path sample) throws Exception {
        Map<String, String> props = SampleConfigs.read(sample);
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
