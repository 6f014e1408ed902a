package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.jobs.JobOptions;
import dev.yuqing.jobs.alerting.AlertOptions;
import dev.yuqing.jobs.enrich.EnrichOptions;
import dev.yuqing.jobs.trend.TrendOptions;
import java.util.Map;
import dev.yuqing.jobs.inspection.InspectionOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** The local stack runs every job as one Flink job: their operators' ids must not collide. */
class PipelineGraphTest {
    @Test
    void allJobsBuildIntoOneJobGraph() {
        Map<String, String> m = Map.of(JobOptions.ES_APPLY_TEMPLATES.name(), "false");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        LocalStack.buildPipeline(env, EnrichOptions.DEF.resolve(m, Map.of()), TrendOptions.DEF.resolve(m, Map.of()),
                AlertOptions.DEF.resolve(m, Map.of()), InspectionOptions.DEF.resolve(m, Map.of()));
        var graph = env.getStreamGraph().getJobGraph();
        assertThat(graph.getNumberOfVertices()).isGreaterThan(10);
    }
}
