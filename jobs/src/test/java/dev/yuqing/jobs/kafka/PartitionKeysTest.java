package dev.yuqing.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.junit.jupiter.api.Test;

class PartitionKeysTest {
    @Test
    void partitionsSpreadOverEverySubtaskInTurn() {
        for (int parallelism : new int[] {1, 2, 3, 4, 7, 16}) {
            PartitionKeys keys = PartitionKeys.of(parallelism, PartitionKeys.MAX_PARALLELISM);
            for (int partition = 0; partition < 3 * parallelism; partition++) {
                assertThat(KeyGroupRangeAssignment.assignKeyToParallelOperator(keys.keyOf(partition), PartitionKeys.MAX_PARALLELISM, parallelism))
                        .as("subtask of partition %d at parallelism %d", partition, parallelism).isEqualTo(partition % parallelism);
            }
        }
    }

    @Test
    void refusesAParallelismAboveTheMaximum() {
        assertThatThrownBy(() -> PartitionKeys.of(0, 128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartitionKeys.of(129, 128)).isInstanceOf(IllegalArgumentException.class);
    }
}
