package dev.yuqing.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.config.Config;
import dev.yuqing.jobs.trend.TrendOptions;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.state.CheckpointStorage;
import org.apache.flink.runtime.state.CheckpointStorageLoader;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * checkpoint.dir and checkpoint.savepoint.dir take S3-compatible storage as well as a file path: the
 * URL reaches Flink's options unchanged, and the loader the JobManager runs on the job's
 * configuration makes file-system checkpoint storage of it. (Writing there needs the S3 plugin,
 * which the Flink image has and this test does not.)
 */
class CheckpointStorageTest {
    private static final String CHECKPOINTS = "s3://yuqing-flink/trend/checkpoints";
    private static final String SAVEPOINTS = "s3://yuqing-flink/trend/savepoints";

    @Test
    void anS3UrlReachesFlinksCheckpointAndSavepointDirectories() throws Exception {
        Config c = TrendOptions.DEF.resolve(Map.of(JobOptions.CHECKPOINT_DIR.name(), CHECKPOINTS,
                JobOptions.SAVEPOINT_DIR.name(), SAVEPOINTS), Map.of());
        Configuration conf = Jobs.flinkConfiguration(c);
        assertThat(conf.get(CheckpointingOptions.CHECKPOINT_STORAGE)).isEqualTo("filesystem");
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo(CHECKPOINTS);
        assertThat(conf.get(CheckpointingOptions.SAVEPOINT_DIRECTORY)).isEqualTo(SAVEPOINTS);

        CheckpointStorage storage = CheckpointStorageLoader.fromConfig(conf, getClass().getClassLoader(),
                LoggerFactory.getLogger(CheckpointStorageTest.class)).orElseThrow();
        assertThat(storage).isInstanceOf(FileSystemCheckpointStorage.class);
        FileSystemCheckpointStorage fs = (FileSystemCheckpointStorage) storage;
        assertThat(fs.getCheckpointPath()).isEqualTo(new Path(CHECKPOINTS));
        assertThat(fs.getSavepointPath()).isEqualTo(new Path(SAVEPOINTS));
    }

    /** Empty, the cluster's settings (a FlinkDeployment's flinkConfiguration) stay in force. */
    @Test
    void emptyLeavesBothToTheCluster() {
        Configuration conf = Jobs.flinkConfiguration(TrendOptions.DEF.resolve(Map.of(), Map.of()));
        assertThat(conf.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isFalse();
        assertThat(conf.contains(CheckpointingOptions.SAVEPOINT_DIRECTORY)).isFalse();
        assertThat(conf.contains(CheckpointingOptions.CHECKPOINT_STORAGE)).isFalse();
    }
}
