package dev.yuqing.jobs.trend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

class TrendJobTest {
    /** The configured job builds, and its operators serialise into a job graph (nothing connects yet). */
    @Test
    void theConfiguredTopologyBuildsWithEveryStage() {
        Config c = TrendOptions.DEF.resolve(Map.of(), Map.of());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        TrendJob.fromConfig(c).build(env);
        StreamGraph graph = env.getStreamGraph();
        List<String> names = new ArrayList<>();
        for (StreamNode n : graph.getStreamNodes()) {
            names.add(n.getOperatorName());
        }
        assertThat(String.join("|", names)).contains("keywords", "count terms", "detect bursts", "cluster events", "event alerts",
                "heavy terms", "surge scopes", "negative surge", "trends", "events", "alerts");
        JobGraph job = graph.getJobGraph();
        assertThat(job.getVertices()).extracting(JobVertex::getName).isNotEmpty();
    }
}
