package dev.yuqing.jobs.kafka;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;

/**
 * Keys that send every record of a Kafka partition to one subtask of a keyed operator, partition p
 * to subtask p mod parallelism, and spread the records of a partition over {@code BUCKETS} keys by
 * a hash of their id. One subtask per partition keeps the partition's order; the buckets keep each
 * key's state small. All the keys of one partition fall in one key group, which Flink never splits
 * between subtasks: should the operator run at another parallelism than the one given here (left
 * to the cluster, overridden, rescaled), the partitions spread less evenly but each still goes to
 * one subtask, in order. Keying by the partition number itself would do for the order but not for
 * the load (Flink places keys by hash, and two partitions would often share a subtask while
 * another idles), nor for the state: one key would hold a whole partition's ids, and the heap state
 * backend copies a key's whole value when it changes after a checkpoint. The keys are worked out
 * for the operator's maximum parallelism, which must therefore be set to {@link #MAX_PARALLELISM}.
 */
public final class PartitionKeys implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Maximum parallelism of the operators keyed this way (Flink's smallest default). */
    public static final int MAX_PARALLELISM = 128;
    /** Keys per subtask a partition's records are spread over. */
    public static final int BUCKETS = 256;

    /** keys[i][b] is placed on subtask i. */
    private final int[][] keys;

    private PartitionKeys(int[][] keys) {
        this.keys = keys;
    }

    public static PartitionKeys of(int parallelism, int maxParallelism) {
        if (parallelism < 1 || parallelism > maxParallelism) {
            throw new IllegalArgumentException("parallelism must be in [1, " + maxParallelism + "], was " + parallelism);
        }
        // Subtask i's keys all go to the first key group of its range.
        Map<Integer, Integer> subtaskOfGroup = new HashMap<>();
        for (int i = 0; i < parallelism; i++) {
            subtaskOfGroup.put(KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, i)
                    .getStartKeyGroup(), i);
        }
        int[][] keys = new int[parallelism][BUCKETS];
        int[] found = new int[parallelism];
        int left = parallelism * BUCKETS;
        for (int k = 0; left > 0; k++) { // about BUCKETS times the maximum parallelism: keys fall in key groups by a hash
            Integer subtask = subtaskOfGroup.get(KeyGroupRangeAssignment.assignToKeyGroup(k, maxParallelism));
            if (subtask != null && found[subtask] < BUCKETS) {
                keys[subtask][found[subtask]++] = k;
                left--;
            }
        }
        return new PartitionKeys(keys);
    }

    /** The key that places a record with {@code id} of {@code partition} on subtask {@code partition mod parallelism}. */
    public int keyOf(int partition, String id) {
        return keys[Math.floorMod(partition, keys.length)][Math.floorMod(id.hashCode(), BUCKETS)];
    }
}
