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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a replay file record by record; unreadable records come back with their problem. */
abstract class RecordReader implements Closeable {
    protected final Path file;
    protected long position;

    RecordReader(Path file) {
        this.file = file;
    }

    static RecordReader open(Path file, ReplayFormat format) throws IOException {
        return format == ReplayFormat.CSV ? new Csv(file) : new JsonLines(file);
    }

    /** The next record, or null at the end of the file. */
    abstract FileRecord next() throws IOException;

    /** Skips records already delivered (the cursor); returns how many could be skipped. */
    long skip(long records) throws IOException {
        long skipped = 0;
        while (skipped < records && next() != null) {
            skipped++;
        }
        return skipped;
    }

    static final class JsonLines extends RecordReader {
        private final BufferedReader in;

        JsonLines(Path file) throws IOException {
            super(file);
            this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }

        @Override
        FileRecord next() throws IOException {
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

    static final class Csv extends RecordReader {
        private final MappingIterator<List<String>> rows;
        private final List<String> header;

        Csv(Path file) throws IOException {
            super(file);
            CsvMapper mapper = new CsvMapper();
            this.rows = mapper.readerForListOf(String.class)
                    .with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .readValues(Files.newBufferedReader(file, StandardCharsets.UTF_8));
            if (!rows.hasNextValue()) {
                throw new IOException(file + ": empty CSV, expected a header row");
            }
            this.header = List.copyOf(rows.nextValue());
        }

        List<String> header() {
            return header;
        }

        @Override
        FileRecord next() throws IOException {
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
