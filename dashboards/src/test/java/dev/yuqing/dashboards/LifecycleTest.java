package dev.yuqing.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.json.Json;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    @Test
    void aPolicyKeepsTheIndexHotThenDeletesItAtItsRetention() throws Exception {
        JsonNode p = Json.MAPPER.readTree(Lifecycle.policyJson(Duration.ofDays(180)));
        assertThat(p.at("/policy/phases/hot/min_age").asText()).isEqualTo("0ms");
        assertThat(p.at("/policy/phases/delete/min_age").asText()).isEqualTo("180d");
        assertThat(p.at("/policy/phases/delete/actions").has("delete")).isTrue();
    }

    @Test
    void theComponentNamesThePolicyOnlyWhereThereIsIlm() throws Exception {
        assertThat(Json.MAPPER.readTree(Lifecycle.componentJson("yuqing-posts")).at("/template/settings/index.lifecycle.name").asText())
                .isEqualTo("yuqing-posts");
        assertThat(Json.MAPPER.readTree(Lifecycle.componentJson(null)).at("/template/settings").isEmpty()).isTrue();
    }

    @Test
    void everyFamilyHasARetentionAndItsTemplateIsComposedOfItsLifecycle() throws Exception {
        assertThat(Lifecycle.Retention.DEFAULTS.byFamily()).containsOnlyKeys(IndexTemplates.ALL.toArray(String[]::new));
        for (String family : IndexTemplates.ALL) {
            try (InputStream in = IndexTemplates.resource(family)) {
                assertThat(Json.MAPPER.readTree(in).get("composed_of").toString()).as(family).contains(Lifecycle.component(family));
            }
        }
    }

    @Test
    void theDefaultsAreTheKeysDefaultsAsTheIssueAsks() {
        ConfigDef def = new ConfigDef("retention", Lifecycle.KEYS.toArray(dev.yuqing.core.config.ConfigKey<?>[]::new));
        Lifecycle.Retention configured = Lifecycle.Retention.of(def.resolve(Map.of(), Map.of()));
        assertThat(configured).isEqualTo(Lifecycle.Retention.DEFAULTS);
        assertThat(configured.byFamily().get(IndexTemplates.POSTS)).isEqualTo(Duration.ofDays(180));
        assertThat(configured.byFamily().get(IndexTemplates.ALERTS)).isEqualTo(Duration.ofDays(3 * 365));
        assertThat(configured.byFamily().get(IndexTemplates.INSPECTIONS)).isEqualTo(Duration.ofDays(3 * 365));
    }
}
