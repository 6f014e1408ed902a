package dev.yuqing.connectors.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * How far a replay got: the number of records of the file already delivered to Kafka, tied to the
 * file by a fingerprint of its head so that a cursor is never applied to another file. The
 * fingerprint covers the bytes the file had when the cursor was saved (at most 64 KiB), so a file
 * that only grew since (an export appended to) keeps its cursor. Saved atomically (write, then
 * rename) only after the producer has flushed.
 */
public final class Cursor {
    static final int FINGERPRINT_BYTES = 64 * 1024;

    private final Path cursorFile;
    private final Path dataFile;

    public Cursor(Path cursorFile, Path dataFile) {
        this.cursorFile = cursorFile;
        this.dataFile = dataFile;
    }

    /** Records already delivered; 0 when there is no cursor yet. */
    public long load() {
        if (!Files.exists(cursorFile)) {
            return 0;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(cursorFile, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read replay cursor " + cursorFile, e);
        }
        long covered;
        try {
            covered = Long.parseLong(p.getProperty("fingerprint.bytes", ""));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("replay cursor " + cursorFile + " has no valid 'fingerprint.bytes'; delete it to replay from the start", e);
        }
        if (!fingerprint(dataFile, covered).equals(p.getProperty("fingerprint"))) {
            throw new IllegalStateException("replay cursor " + cursorFile + " belongs to another file"
                    + " (the head of the data file changed); delete it to replay from the start");
        }
        try {
            return Long.parseLong(p.getProperty("records", ""));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("replay cursor " + cursorFile + " has no valid 'records' count; delete it to replay from the start", e);
        }
    }

    public void save(long records) {
        Properties p = new Properties();
        try {
            long covered = Math.min(Files.size(dataFile), FINGERPRINT_BYTES);
            p.setProperty("fingerprint.bytes", Long.toString(covered));
            p.setProperty("fingerprint", fingerprint(dataFile, covered));
            p.setProperty("records", Long.toString(records));
            Path parent = cursorFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, cursorFile.getFileName().toString(), ".tmp");
            try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "yuqing replay cursor");
            }
            Files.move(tmp, cursorFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save replay cursor " + cursorFile, e);
        }
    }

    /** SHA-256 of the first {@code bytes} bytes (fewer if the file is shorter, which then differs). */
    static String fingerprint(Path dataFile, long bytes) {
        try (InputStream in = Files.newInputStream(dataFile)) {
            byte[] head = in.readNBytes((int) Math.min(bytes, FINGERPRINT_BYTES));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(head));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataFile, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
