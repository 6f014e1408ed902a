package dev.yuqing.connectors.exports;

import dev.yuqing.connectors.connect.FileHead;
import java.util.HashMap;
import java.util.Map;

/**
 * How far one export file was read, kept by Connect as the offset of the file's partition:
 * {@code {"records", "bytes", "fingerprint", "fingerprint.bytes"}}. The partition is the file's
 * path, so the head says which file under that path the offset belongs to: a file whose head no
 * longer matches (or that is shorter than {@code bytes}) is another file and is read from its
 * start.
 *
 * @param records records handled (posts and dead letters), the CSV header not counted
 * @param bytes   the file's complete length (up to its last line feed) once every record in it was
 *                handled; the length as it was before while a read of it is under way
 * @param head    the head of the file when the read began (SHA-256 of its first bytes, at most
 *                64 KiB, and how many it covers); null in an offset written before the connector
 *                kept heads, which is resumed by records and bytes alone
 */
record FileProgress(long records, long bytes, FileHead head) {
    static final String RECORDS = "records";
    static final String BYTES = "bytes";
    static final FileProgress NONE = new FileProgress(0, 0, null);

    /** The progress an offset records; {@link #NONE} for a file without one (or with one not written by this connector). */
    static FileProgress of(Map<String, Object> offset) {
        if (offset != null && offset.get(RECORDS) instanceof Number r && offset.get(BYTES) instanceof Number b) {
            FileHead head = offset.get(FileHead.FINGERPRINT) instanceof String f && offset.get(FileHead.FINGERPRINT_BYTES) instanceof Number n
                    ? new FileHead(n.longValue(), f)
                    : null;
            return new FileProgress(r.longValue(), b.longValue(), head);
        }
        return NONE;
    }

    Map<String, Object> toOffset() {
        Map<String, Object> offset = new HashMap<>(Map.of(RECORDS, records, BYTES, bytes));
        if (head != null) {
            offset.put(FileHead.FINGERPRINT, head.fingerprint());
            offset.put(FileHead.FINGERPRINT_BYTES, head.bytes());
        }
        return offset;
    }
}
