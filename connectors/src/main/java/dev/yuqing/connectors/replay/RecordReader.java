package dev.yuqing.connectors.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.yuqing.core.json.Json;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads a replay or export file record by record; unreadable records come back with their
 * problem. The file can be read only up to a length, such as that of its complete lines
 * ({@link #completeLength}) while it is still being written.
 */
public abstract class RecordReader implements Closeable {
    protected final Path file;
    protected long position;

    RecordReader(Path file) {
        this.file = file;
    }

    public static RecordReader open(Path file, ReplayFormat format) throws IOException {
        return open(file, format, Long.MAX_VALUE);
    }

    /** A reader of the first {@code limit} bytes of {@code file}. */
    public static RecordReader open(Path file, ReplayFormat format, long limit) throws IOException {
        Reader in = new BufferedReader(new InputStreamReader(new Head(Files.newInputStream(file), limit), StandardCharsets.UTF_8));
        return format == ReplayFormat.CSV ? new Csv(file, in) : new JsonLines(file, in);
    }

    /**
     * The length of the file up to and including its last line feed: what a writer has finished
     * (a line still being written is not read until its end arrives). 0 when there is none yet.
     */
    public static long completeLength(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            for (long end = channel.size(); end > 0; ) {
                long start = Math.max(0, end - buffer.capacity());
                buffer.clear().limit((int) (end - start));
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, start + buffer.position()) < 0) {
                        break; // the file shrank meanwhile
                    }
                }
                for (int i = buffer.position() - 1; i >= 0; i--) {
                    if (buffer.get(i) == '\n') {
                        return start + i + 1;
                    }
                }
                end = start;
            }
            return 0;
        }
    }

    /** The first bytes of a stream, no more. */
    private static final class Head extends FilterInputStream {
        private long left;

        Head(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }
    }

    /** The next record, or null at the end of the file. */
    public abstract FileRecord next() throws IOException;

    /** Skips records already delivered (the cursor); returns how many could be skipped. */
    public long skip(long records) throws IOException {
        long skipped = 0;
        while (skipped < records && next() != null) {
            skipped++;
        }
        return skipped;
    }

    public static final class JsonLines extends RecordReader {
        private final BufferedReader in;

        JsonLines(Path file, Reader in) {
            super(file);
            this.in = (BufferedReader) in;
        }

        @Override
        public FileRecord next() throws IOException {
            String line = in.readLine();
            if (line == null) {
                return null;
            }
            position++;
            String origin = file.getFileName() + ":" + position;
            byte[] raw = line.getBytes(StandardCharsets.UTF_8);
            if (line.isBlank()) {
                return new FileRecord(position, origin, null, "blank line", raw);
            }
            try {
                JsonNode node = Json.MAPPER.readTree(line);
                if (node instanceof ObjectNode o) {
                    return new FileRecord(position, origin, o, null, raw);
                }
                return new FileRecord(position, origin, null, "not a JSON object", raw);
            } catch (JsonProcessingException e) {
                return new FileRecord(position, origin, null, "not JSON: " + e.getOriginalMessage(), raw);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    public static final class Csv extends RecordReader {
        private final MappingIterator<List<String>> rows;
        private final List<String> header;

        Csv(Path file, Reader in) throws IOException {
            super(file);
            CsvMapper mapper = new CsvMapper();
            this.rows = mapper.readerForListOf(String.class)
                    .with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .readValues(in);
            if (!rows.hasNextValue()) {
                throw new IOException(file + ": empty CSV, expected a header row");
            }
            this.header = List.copyOf(rows.nextValue());
        }

        public List<String> header() {
            return header;
        }

        @Override
        public FileRecord next() throws IOException {
            if (!rows.hasNextValue()) {
                return null;
            }
            List<String> row = rows.nextValue();
            position++;
            String origin = file.getFileName() + ":record " + position;
            byte[] raw = String.join(",", row).getBytes(StandardCharsets.UTF_8);
            if (row.size() != header.size()) {
                return new FileRecord(position, origin, null,
                        "has " + row.size() + " columns, the header has " + header.size(), raw);
            }
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < header.size(); i++) {
                o.put(header.get(i), row.get(i));
            }
            return new FileRecord(position, origin, o, null, raw);
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }
}
