package dev.yuqing.connectors.connect;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * The context a worker gives a task, for unit tests that drive a task by hand: the offsets Connect
 * would have committed (set from the records a test treats as written) and real plugin metrics.
 * The integration tests in local run the tasks in a real worker.
 */
public final class TestTaskContext implements SourceTaskContext {
    private final Map<Map<String, ?>, Map<String, ?>> committed;
    private final Metrics metrics = new Metrics();
    private final PluginMetricsImpl pluginMetrics = new PluginMetricsImpl(metrics, Map.of("connector", "test", "task", "0"));

    public TestTaskContext() {
        this(new HashMap<>());
    }

    private TestTaskContext(Map<Map<String, ?>, Map<String, ?>> committed) {
        this.committed = committed;
    }

    /** The context of the task's next run: the committed offsets stay, the metrics start anew. */
    public TestTaskContext restarted() {
        return new TestTaskContext(committed);
    }

    /** Commits the offset of each record, as the worker does once they are written. */
    public void commit(Collection<SourceRecord> written) {
        written.forEach(r -> committed.put(r.sourcePartition(), r.sourceOffset()));
    }

    /** A registered metric's value. */
    public Object metric(String name) {
        return metrics.metrics().entrySet().stream().filter(e -> e.getKey().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name)).getValue().metricValue();
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return new OffsetStorageReader() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return (Map<String, Object>) committed.get(partition);
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                Map<Map<String, T>, Map<String, Object>> out = new HashMap<>();
                partitions.forEach(p -> out.put(p, offset(p)));
                return out;
            }
        };
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return pluginMetrics;
    }
}
