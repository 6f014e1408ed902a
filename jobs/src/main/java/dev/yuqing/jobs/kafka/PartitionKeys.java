package dev.yuqing.jobs.kafka;

import java.io.Serializable;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;

/**
 * Keys that spread Kafka partitions evenly over the subtasks of a keyed operator: partition p goes
 * to subtask p mod parallelism. Keying by the partition number itself would do for the order (one
 * partition, one subtask) but not for the load: Flink places keys by hash, and two partitions would
 * often share a subtask while another idles. The keys are worked out for the operator's maximum
 * parallelism, which must therefore be set to {@link #MAX_PARALLELISM}.
 */
public final class PartitionKeys implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Maximum parallelism of the operators keyed this way (Flink's smallest default). */
    public static final int MAX_PARALLELISM = 128;

    /** keys[i] is placed on subtask i. */
    private final int[] keys;

    private PartitionKeys(int[] keys) {
        this.keys = keys;
    }

    public static PartitionKeys of(int parallelism, int maxParallelism) {
        if (parallelism < 1 || parallelism > maxParallelism) {
            throw new IllegalArgumentException("parallelism must be in [1, " + maxParallelism + "], was " + parallelism);
        }
        int[] keys = new int[parallelism];
        boolean[] found = new boolean[parallelism];
        int left = parallelism;
        for (int k = 0; left > 0; k++) { // a few times the parallelism: keys are placed by a hash
            int subtask = KeyGroupRangeAssignment.assignKeyToParallelOperator(k, maxParallelism, parallelism);
            if (!found[subtask]) {
                found[subtask] = true;
                keys[subtask] = k;
                left--;
            }
        }
        return new PartitionKeys(keys);
    }

    /** The key that places {@code partition} on subtask {@code partition mod parallelism}. */
    public int keyOf(int partition) {
        return keys[Math.floorMod(partition, keys.length)];
    }
}
