package dev.yuqing.jobs;

import java.util.Map;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;

/**
 * A test harness environment that keeps the operator's metrics: the harness's own hands the
 * operator a fresh unregistered metric group whose counters nobody can read back. Give it to the
 * harness and close it after the harness (the harness does not).
 */
public final class MetricsEnvironment {
    private MetricsEnvironment() {}

    public static MockEnvironment keeping(InterceptingOperatorMetricGroup metrics) {
        return new MockEnvironmentBuilder().setMaxParallelism(1).setParallelism(1).setSubtaskIndex(0)
                .setMetricGroup(new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
                    @Override
                    public InternalOperatorMetricGroup getOrAddOperator(OperatorID id, String name, Map<String, String> additionalVariables) {
                        return metrics;
                    }
                }).build();
    }
}
