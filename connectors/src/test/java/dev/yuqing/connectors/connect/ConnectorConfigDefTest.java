package dev.yuqing.connectors.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

/**
 * Every key of every connector the plugin declares (META-INF/services, which is also how a worker
 * with plugin.discovery=service_load finds them) is documented, validated and has a valid default.
 */
class ConnectorConfigDefTest {
    static List<YuqingSourceConnector> connectors() {
        return ServiceLoader.load(SourceConnector.class).stream().map(ServiceLoader.Provider::get)
                .filter(YuqingSourceConnector.class::isInstance).map(YuqingSourceConnector.class::cast).toList();
    }

    /** The connectors that write posts. */
    static List<PostSourceConnector> postConnectors() {
        return connectors().stream().filter(PostSourceConnector.class::isInstance).map(PostSourceConnector.class::cast).toList();
    }

    @Test
    void thePluginDeclaresItsConnectors() {
        assertThat(connectors()).extracting(c -> c.getClass().getSimpleName()).contains("RssSourceConnector", "FileReplaySourceConnector",
                "HttpApiSourceConnector", "ExportDirectorySourceConnector", "HtmlSiteSourceConnector",
                "SiteProbeSourceConnector");
    }

    @Test
    void everyKeyHasADescriptionAValidatorAndAnImportance() {
        for (YuqingSourceConnector c : connectors()) {
            for (ConfigDef.ConfigKey k : c.config().configKeys().values()) {
                String where = k.name + " of " + c.getClass().getSimpleName();
                assertThat(k.documentation).as("description of %s", where).isNotBlank().hasSizeGreaterThan(20);
                assertThat(k.importance).as("importance of %s", where).isNotNull();
                if (k.type != ConfigDef.Type.BOOLEAN) {
                    assertThat(k.validator).as("validator of %s (a boolean needs none)", where).isNotNull();
                    assertThat(k.validator.toString()).as("valid values of %s, shown in the docs", where).doesNotContain("@");
                }
            }
        }
    }

    /** The base configuration others build on passes every check but those of the connector's own required keys. */
    @Test
    void theBaseConfigurationSatisfiesConnectAndTheCommonKeys() {
        for (PostSourceConnector c : postConnectors()) {
            Map<String, String> base = PostSourceConnector.configuration(c.getClass(), "posts.raw", "posts.dlq");
            assertThat(base).containsEntry("connector.class", c.getClass().getName()).containsEntry("topic", "posts.raw");
            assertThat(c.problems(base)).as(c.getClass().getSimpleName()).allMatch(p -> p.contains(" is required: "));
        }
    }

    @Test
    void everyConnectorHasTheCommonKeys() {
        for (PostSourceConnector c : postConnectors()) {
            assertThat(c.config().names()).as(c.getClass().getSimpleName()).containsAll(CommonSourceConfig.define().names());
        }
    }

    @Test
    void theDefaultsPassTheirOwnValidators() {
        for (YuqingSourceConnector c : connectors()) {
            Map<String, String> props = new HashMap<>();
            for (ConfigDef.ConfigKey k : c.config().configKeys().values()) {
                if (!k.hasDefault()) {
                    props.put(k.name, "x"); // required keys are not what this checks
                }
            }
            c.config().validate(props).stream().filter(v -> c.config().configKeys().get(v.name()).hasDefault())
                    .forEach(v -> assertThat(v.errorMessages()).as("default of %s", v.name()).isEmpty());
        }
    }
}
