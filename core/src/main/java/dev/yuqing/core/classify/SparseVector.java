package dev.yuqing.core.classify;

/**
 * Hashed features of one text: distinct bucket indices in increasing order and their values.
 *
 * @param indices bucket indices, strictly increasing
 * @param values  feature values, same length as indices
 */
public record SparseVector(int[] indices, float[] values) {
    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length: " + indices.length + " vs " + values.length);
        }
    }

    public int size() {
        return indices.length;
    }
}
