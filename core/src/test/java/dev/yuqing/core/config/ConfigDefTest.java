package dev.yuqing.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDefTest {
    enum Policy { FAIL, WARN, SKIP }

    static final ConfigKey<String> HOST = ConfigKey.string("test.host", "localhost", "host to use");
    static final ConfigKey<Integer> PORT = ConfigKey.integer("test.port", 80, 1, 65535, "port to use");
    static final ConfigKey<Duration> WAIT = ConfigKey.duration("test.wait", "10s", Duration.ofMillis(1), "how long to wait");
    static final ConfigKey<Policy> POLICY = ConfigKey.enumeration("test.policy", Policy.class, Policy.FAIL, "what to do");
    static final ConfigKey<String> NAME = ConfigKey.string("test.name", null, "a name").required();
    static final ConfigDef DEF = new ConfigDef("test", HOST, PORT, WAIT, POLICY, NAME);

    @Test
    void explicitBeatsEnvironmentBeatsDefault() {
        Config c = DEF.resolve(Map.of("test.name", "n", "test.port", "8080"),
                Map.of("YUQING_TEST_PORT", "9090", "YUQING_TEST_HOST", "es", "YUQING_TEST_WAIT", "2m"));
        assertThat(c.get(PORT)).isEqualTo(8080);
        assertThat(c.get(HOST)).isEqualTo("es");
        assertThat(c.get(WAIT)).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.get(POLICY)).isEqualTo(Policy.FAIL);
    }

    @Test
    void reportsEveryProblemWithItsKeyAndTheFix() {
        assertThatThrownBy(() -> DEF.resolve(Map.of("test.port", "0", "test.policy", "maybe", "test.wait", "soon", "test.nope", "1"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("test.port: '0' must be between 1 and 65535")
                .hasMessageContaining("test.policy: 'maybe' is not a one of fail, warn, skip")
                .hasMessageContaining("test.wait: 'soon'")
                .hasMessageContaining("test.name: required; set --test.name=... or YUQING_TEST_NAME")
                .hasMessageContaining("unknown key 'test.nope'");
    }

    @Test
    void parsesDurationsWithUnits() {
        assertThat(ConfigKey.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigKey.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(ConfigKey.parseDuration("PT1H")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesAKeyDeclaredTwiceAndBadNames() {
        assertThatThrownBy(() -> new ConfigDef("x", HOST, HOST)).hasMessageContaining("declared twice");
        assertThatThrownBy(() -> ConfigKey.string("Bad Name", "", "d")).hasMessageContaining("dotted lower case");
    }

    @Test
    void envNameFollowsTheKey() {
        assertThat(ConfigKey.string("kafka.bootstrap.servers", "", "d").envName()).isEqualTo("YUQING_KAFKA_BOOTSTRAP_SERVERS");
    }
}
