package dev.yuqing.connectors.connect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * What ties a file connector's offset to its file rather than to its path: the SHA-256 of the
 * file's first bytes (at most 64 KiB). A file that only grows keeps the head an offset saw; another
 * file put under the same path has another head unless it starts with the same bytes.
 *
 * @param bytes       how many bytes of the file the fingerprint covers
 * @param fingerprint hex SHA-256 of those bytes
 */
public record FileHead(long bytes, String fingerprint) {
    /** The offset key of {@link #fingerprint()}. */
    public static final String FINGERPRINT = "fingerprint";
    /** The offset key of {@link #bytes()}. */
    public static final String FINGERPRINT_BYTES = "fingerprint.bytes";
    public static final int MAX_BYTES = 64 * 1024;

    /** The head of the file as it is now. */
    public static FileHead of(Path file) throws IOException {
        long covered = Math.min(Files.size(file), MAX_BYTES);
        return new FileHead(covered, fingerprint(file, covered));
    }

    /** Whether the file still starts with the bytes this head was taken of. */
    public boolean matches(Path file) throws IOException {
        return fingerprint.equals(fingerprint(file, bytes));
    }

    /** SHA-256 of the first {@code bytes} bytes (fewer if the file is shorter, which then differs). */
    private static String fingerprint(Path file, long bytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(PostIds.sha256(in.readNBytes((int) Math.min(bytes, MAX_BYTES))));
        }
    }
}
