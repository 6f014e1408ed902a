package dev.yuqing.connectors.exports;

import java.util.Map;

/**
 * How far one export file was read, kept by Connect as the offset of the file's partition.
 *
 * @param records records handled (posts and dead letters), the CSV header not counted
 * @param bytes   the file's complete length (up to its last line feed) once every record in it was
 *                handled; the length as it was before while a read of it is under way
 */
record FileProgress(long records, long bytes) {
    static final String RECORDS = "records";
    static final String BYTES = "bytes";
    static final FileProgress NONE = new FileProgress(0, 0);

    /** The progress an offset records; {@link #NONE} for a file without one (or with one not written by this connector). */
    static FileProgress of(Map<String, Object> offset) {
        if (offset != null && offset.get(RECORDS) instanceof Number r && offset.get(BYTES) instanceof Number b) {
            return new FileProgress(r.longValue(), b.longValue());
        }
        return NONE;
    }

    Map<String, Object> toOffset() {
        return Map.of(RECORDS, records, BYTES, bytes);
    }
}
