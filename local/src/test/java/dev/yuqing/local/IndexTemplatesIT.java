package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import dev.yuqing.dashboards.IndexTemplates;
import dev.yuqing.dashboards.Lifecycle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The templates and the Chinese analyzers on the real node. */
@ExtendWith(LocalStackExtension.class)
class IndexTemplatesIT {

    @Test
    void applyingTwiceChangesNothing(LocalStack stack) throws Exception {
        IndexTemplates.applyAll(stack.client());
        var first = stack.client().indices().getIndexTemplate(g -> g.name(IndexTemplates.POSTS)).indexTemplates().get(0).indexTemplate();
        IndexTemplates.applyAll(stack.client());
        var second = stack.client().indices().getIndexTemplate(g -> g.name(IndexTemplates.POSTS)).indexTemplates().get(0).indexTemplate();
        assertThat(second.toString()).isEqualTo(first.toString());
        assertThat(second.indexPatterns()).containsExactly("yuqing-posts-*");
    }

    @Test
    void withoutIlmTheRetentionIsSkippedAndTheTemplatesStillApply(LocalStack stack) throws Exception {
        assertThat(Lifecycle.apply(stack.client(), Lifecycle.Retention.DEFAULTS)).as("the embedded node has no ILM module").isFalse();
        IndexTemplates.applyAll(stack.client());
        var component = stack.client().cluster().getComponentTemplate(g -> g.name(Lifecycle.component(IndexTemplates.POSTS)))
                .componentTemplates().get(0).componentTemplate().template();
        assertThat(component.toString()).doesNotContain("lifecycle");
        String index = "yuqing-inspections-1999.02";
        stack.client().indices().create(c -> c.index(index));
        assertThat(stack.client().indices().getAlias(a -> a.index(index)).result().get(index).aliases()).containsKey(IndexTemplates.INSPECTIONS);
        stack.client().indices().delete(d -> d.index(index));
    }

    @Test
    void aNewMonthlyIndexGetsTheMappingAndTheAlias(LocalStack stack) throws Exception {
        String index = "yuqing-posts-1999.01";
        stack.client().indices().create(c -> c.index(index));
        var mapping = stack.client().indices().getMapping(m -> m.index(index)).get(index).mappings();
        assertThat(mapping.properties().get("text").text().analyzer()).isEqualTo("smartcn");
        assertThat(mapping.properties().get("text").text().fields().get("cjk").text().analyzer()).isEqualTo("cjk");
        assertThat(stack.client().indices().getAlias(a -> a.index(index)).result().get(index).aliases()).containsKey(IndexTemplates.POSTS);
        stack.client().indices().delete(d -> d.index(index));
    }

    /** Alerts are a time series too: a month's index, joined to the alias the dashboards and the ack endpoint use. */
    @Test
    void aMonthOfAlertsGetsTheAlertMappingAndTheAlias(LocalStack stack) throws Exception {
        String index = "yuqing-alerts-1999.03";
        stack.client().indices().create(c -> c.index(index));
        var mapping = stack.client().indices().getMapping(m -> m.index(index)).get(index).mappings();
        assertThat(mapping.properties().get("acknowledged").object().properties().get("minutes").isFloat()).isTrue();
        assertThat(stack.client().indices().getAlias(a -> a.index(index)).result().get(index).aliases()).containsKey(IndexTemplates.ALERTS);
        stack.client().indices().delete(d -> d.index(index));
    }

    @Test
    void smartcnSegmentsWordsAndCjkMakesBigrams(LocalStack stack) throws Exception {
        assertThat(analyze(stack, "smartcn", "南湖区供水管网改造")).contains("供水", "改造");
        assertThat(analyze(stack, "cjk", "供水管网")).containsExactly("供水", "水管", "管网");
    }

    private static List<String> analyze(LocalStack stack, String analyzer, String text) throws Exception {
        return stack.client().indices().analyze(a -> a.analyzer(analyzer).text(text)).tokens().stream().map(AnalyzeToken::token).toList();
    }
}
