package dev.yuqing.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.config.Config;
import dev.yuqing.jobs.enrich.EnrichOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** state.backend chooses where keyed state lives; rocksdb runs on the MiniCluster the tests and the local stack use. */
class StateBackendTest {
    @TempDir
    java.nio.file.Path dir;

    /** Counts per key, and says which state implementation holds the count. */
    static final class CountWithState extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.INT));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
            int n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            out.collect(ctx.getCurrentKey() + "=" + n + "@" + count.getClass().getName());
        }
    }

    private static List<String> run(Config c) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, Jobs.flinkConfiguration(c));
        List<String> out = new ArrayList<>();
        try (var it = env.fromData("a", "b", "a", "a").keyBy(s -> s, Types.STRING).process(new CountWithState()).executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void rocksdbHoldsTheStateWhenChosen() throws Exception {
        Config rocks = EnrichOptions.DEF.resolve(Map.of(JobOptions.STATE_BACKEND.name(), "rocksdb",
                JobOptions.CHECKPOINT_DIR.name(), dir.toUri().toString()), Map.of());
        Configuration conf = Jobs.flinkConfiguration(rocks);
        assertThat(conf.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(conf.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
        List<String> out = run(rocks);
        assertThat(out).extracting(s -> s.substring(0, s.indexOf('@'))).containsExactly("a=1", "b=1", "a=2", "a=3");
        assertThat(out).allSatisfy(s -> assertThat(s).endsWith("@org.apache.flink.state.rocksdb.RocksDBValueState"));
    }

    @Test
    void theHeapByDefault() throws Exception {
        Config defaults = EnrichOptions.DEF.resolve(Map.of(), Map.of());
        assertThat(Jobs.flinkConfiguration(defaults).contains(StateBackendOptions.STATE_BACKEND)).isFalse();
        List<String> out = run(defaults);
        assertThat(out).allSatisfy(s -> assertThat(s).endsWith("@org.apache.flink.runtime.state.heap.HeapValueState"));
    }
}
