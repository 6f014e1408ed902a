package dev.yuqing.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.junit.jupiter.api.Test;

class PartitionKeysTest {
    @Test
    void eachPartitionGoesToOneSubtaskInTurnWhateverTheId() {
        for (int parallelism : new int[] {1, 2, 3, 4, 7, 16}) {
            PartitionKeys keys = PartitionKeys.of(parallelism, PartitionKeys.MAX_PARALLELISM);
            for (int partition = 0; partition < 3 * parallelism; partition++) {
                for (int post = 0; post < 500; post++) {
                    int key = keys.keyOf(partition, "weibo-" + post);
                    assertThat(KeyGroupRangeAssignment.assignKeyToParallelOperator(key, PartitionKeys.MAX_PARALLELISM, parallelism))
                            .as("subtask of partition %d at parallelism %d", partition, parallelism).isEqualTo(partition % parallelism);
                }
            }
        }
    }

    /**
     * All of a partition's keys share one key group, which Flink never splits: run at any other
     * parallelism than assumed, the partition still goes to one subtask, in order.
     */
    @Test
    void aPartitionsKeysShareOneKeyGroupSoAnyParallelismKeepsItsOrder() {
        PartitionKeys keys = PartitionKeys.of(2, PartitionKeys.MAX_PARALLELISM);
        for (int partition = 0; partition < 4; partition++) {
            Set<Integer> groups = new HashSet<>();
            for (int post = 0; post < 2_000; post++) {
                groups.add(KeyGroupRangeAssignment.assignToKeyGroup(keys.keyOf(partition, "weibo-" + post), PartitionKeys.MAX_PARALLELISM));
            }
            assertThat(groups).as("key groups of partition %d", partition).hasSize(1);
            for (int actual : new int[] {1, 3, 4, 5}) {
                Set<Integer> subtasks = new HashSet<>();
                for (int post = 0; post < 2_000; post++) {
                    subtasks.add(KeyGroupRangeAssignment.assignKeyToParallelOperator(keys.keyOf(partition, "weibo-" + post),
                            PartitionKeys.MAX_PARALLELISM, actual));
                }
                assertThat(subtasks).as("subtasks of partition %d at parallelism %d", partition, actual).hasSize(1);
            }
        }
    }

    /** A partition's ids spread over many keys, so that no key's state holds a whole partition. */
    @Test
    void aPartitionsIdsSpreadOverItsBuckets() {
        PartitionKeys keys = PartitionKeys.of(2, PartitionKeys.MAX_PARALLELISM);
        Set<Integer> used = new HashSet<>();
        for (int post = 0; post < 10_000; post++) {
            used.add(keys.keyOf(0, "weibo-" + post));
        }
        assertThat(used).hasSize(PartitionKeys.BUCKETS);
        assertThat(keys.keyOf(0, "weibo-1")).as("the same id, the same key").isEqualTo(keys.keyOf(0, "weibo-1"));
    }

    @Test
    void refusesAParallelismAboveTheMaximum() {
        assertThatThrownBy(() -> PartitionKeys.of(0, 128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartitionKeys.of(129, 128)).isInstanceOf(IllegalArgumentException.class);
    }
}
