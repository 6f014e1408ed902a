package dev.yuqing.core.normalize;

/**
 * Text after normalisation, with the way back to the original: normalised character {@code i}
 * came from original characters {@code [starts[i], ends[i])}.
 */
public record NormalizedText(String text, int[] starts, int[] ends) {

    /** Original start offset of the normalised range {@code [start, end)}. */
    public int originalStart(int start) {
        return starts[start];
    }

    /** Original end offset (exclusive) of the normalised range {@code [start, end)}, {@code end > start}. */
    public int originalEnd(int end) {
        return ends[end - 1];
    }
}
