package dev.yuqing.jobs;

import dev.yuqing.core.config.Config;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.dashboards.EsConnection;
import dev.yuqing.dashboards.IndexTemplates;
import java.util.function.Function;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** What every job's {@code main} does, and the Flink settings all jobs share. */
public final class Jobs {
    /** A job's topology, added to an environment. */
    @FunctionalInterface
    public interface Topology {
        void build(StreamExecutionEnvironment env);
    }

    private Jobs() {}

    /** Reads the settings, applies the index templates, builds the topology and runs it. */
    public static void run(ConfigDef def, String[] args, String name, Function<Config, Topology> job) throws Exception {
        Config c = def.fromArgs(args);
        prepareElasticsearch(c);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration(c));
        job.apply(c).build(env);
        env.execute(name);
    }

    /** Flink settings from configuration: checkpoints always on, where they and savepoints go, the state backend, and the network buffer timeout (latency). */
    public static Configuration flinkConfiguration(Config c) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, c.get(JobOptions.CHECKPOINT_INTERVAL));
        conf.set(ExecutionOptions.BUFFER_TIMEOUT, c.get(JobOptions.BUFFER_TIMEOUT));
        switch (c.get(JobOptions.STATE_BACKEND)) {
            case HASHMAP -> conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
            case ROCKSDB -> {
                conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
                conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, c.get(JobOptions.STATE_INCREMENTAL));
            }
            case CLUSTER -> {
                // the cluster's flink-conf decides
            }
        }
        String dir = c.get(JobOptions.CHECKPOINT_DIR);
        if (!dir.isBlank()) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir);
        }
        String savepoints = c.get(JobOptions.SAVEPOINT_DIR);
        if (!savepoints.isBlank()) {
            conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepoints);
        }
        return conf;
    }

    /** Applies the index templates, when configured to, so that the first document finds its mapping. */
    public static void prepareElasticsearch(Config c) {
        if (!c.get(JobOptions.ES_APPLY_TEMPLATES)) {
            return;
        }
        EsConnection connection = JobOptions.esConnection(c);
        var client = connection.open();
        try {
            IndexTemplates.applyAll(client);
        } finally {
            EsConnection.close(client);
        }
    }
}
