package dev.yuqing.connectors.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.connectors.connect.ConnectorVersion;
import dev.yuqing.connectors.connect.FileHead;
import dev.yuqing.connectors.connect.PostRecords;
import dev.yuqing.connectors.connect.SourceMetrics;
import dev.yuqing.connectors.connect.StopSignal;
import dev.yuqing.connectors.connect.WrittenTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the file from the committed position on, a batch per poll. Each record's offset is the
 * number of records read up to and including it, with the fingerprint of the file's head
 * ({@link FileHead}), so that an offset is never applied to another file. At the end
 * of the file the task looks every poll interval whether it grew, and reads on if it did.
 */
public final class FileReplaySourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(FileReplaySourceTask.class);
    static final String POSITION = "position";
    /** The longest poll() waits for a paced record before handing control back to the worker. */
    private static final long MAX_IDLE_MILLIS = 1_000;

    private final StopSignal stop = new StopSignal();
    private final Clock clock = Clock.systemUTC();
    private FileReplayConfig config;
    private Path file;
    private Map<String, String> partition;
    private FieldMapping mapping;
    private Pacer pacer;
    private PostRecords records;
    private SourceMetrics metrics;
    private RecordReader reader;
    /** Records read so far, the offset of the last one handed out. */
    private long position;
    /** The file's size when its end was reached, to notice that it grew. */
    private long sizeAtEnd = -1;
    /** A record read but held back by the pacer until it is due. */
    private Mapped pending;
    /** The head of the file as the offsets handed out last describe it. */
    private FileHead head;
    /** poll() and stop() run on different threads; stop closes the file only between two reads. */
    private final Object lock = new Object();

    /** A record read and mapped: post fields, or why there are none. */
    private record Mapped(FileRecord record, ObjectNode fields) {}

    @Override
    public String version() {
        return ConnectorVersion.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new FileReplayConfig(props);
        WrittenTopics.require(config);
        file = config.file();
        partition = Map.of("file", file.toString());
        mapping = config.mapping();
        pacer = new Pacer(config.speed(), clock::millis);
        metrics = new SourceMetrics(context.pluginMetrics());
        records = new PostRecords(config.topic(), config.dlqTopic(), metrics, clock);
        Map<String, Object> offset = context.offsetStorageReader().offset(partition);
        if (offset != null) {
            position = number(offset, POSITION);
            head = new FileHead(number(offset, FileHead.FINGERPRINT_BYTES), String.valueOf(offset.get(FileHead.FINGERPRINT)));
            checkHead();
        }
        open();
        LOG.info("Reading {} ({}) from record {}", file, config.format(), position);
    }

    private static long number(Map<String, Object> offset, String key) {
        if (offset.get(key) instanceof Number n) {
            return n.longValue();
        }
        throw new ConnectException("the stored offset " + offset + " has no number '" + key + "'; reset the connector's offsets"
                + " (PUT /connectors/NAME/stop, then DELETE /connectors/NAME/offsets) to read the file from the start");
    }

    private void checkHead() {
        boolean same;
        try {
            same = head.matches(file);
        } catch (IOException e) {
            throw new ConnectException("cannot read the head of " + file + " to check it is the file the stored offset belongs to", e);
        }
        if (!same) {
            throw new ConnectException(file + " is not the file the stored offset belongs to (its head changed); to read it from the"
                    + " start, reset the connector's offsets (PUT /connectors/NAME/stop, then DELETE /connectors/NAME/offsets)"
                    + " or give the connector a new name");
        }
    }

    /** Opens the file at {@link #position}. */
    private void open() {
        try {
            reader = RecordReader.open(file, config.format());
            String problem = reader instanceof RecordReader.Csv csv ? mapping.headerProblem(csv.header()) : null;
            if (problem != null) {
                throw new ConnectException(FileReplayConfig.FILE_MAPPING + ": " + problem + " of " + file);
            }
            if (reader.skip(position) < position) {
                throw new ConnectException("the stored offset says " + position + " records of " + file + " were sent but it has fewer;"
                        + " reset the connector's offsets (PUT /connectors/NAME/stop, then DELETE /connectors/NAME/offsets)"
                        + " to read it from the start");
            }
        } catch (IOException e) {
            throw new ConnectException("cannot read " + file + " at record " + position, e);
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        synchronized (lock) {
            if (stop.isStopped()) {
                return null;
            }
            try {
                if (reader == null && !grew()) {
                    stop.await(config.pollInterval());
                    return null;
                }
                return batch();
            } catch (IOException e) {
                throw new ConnectException("reading " + file + " failed after record " + position, e);
            }
        }
    }

    /** Whether the file grew since its end was reached; if so it is opened again where it was left. */
    private boolean grew() throws IOException {
        if (Files.size(file) == sizeAtEnd) {
            return false;
        }
        if (head != null) {
            checkHead();
        }
        open();
        sizeAtEnd = -1;
        return true;
    }

    private List<SourceRecord> batch() throws IOException, InterruptedException {
        if (head == null || head.bytes() < FileHead.MAX_BYTES) {
            head = FileHead.of(file); // the file only grows: once its first 64 KiB are there, they stay
        }
        List<SourceRecord> out = new ArrayList<>();
        while (out.size() < config.batchSize() && !stop.isStopped()) {
            if (pending == null) {
                FileRecord r = reader.next();
                if (r == null) {
                    sizeAtEnd = Files.size(file);
                    reader.close();
                    reader = null;
                    LOG.info("End of {} after {} records; {}", file, position, metrics);
                    break;
                }
                metrics.item();
                pending = new Mapped(r, r.problem() == null ? mapping.apply(r.fields()) : null);
            }
            long wait = pending.fields() == null ? 0 : pacer.delayMillis(Pacer.publishedAt(pending.fields().get("publishedAt")));
            if (wait > 0) {
                if (out.isEmpty()) {
                    stop.await(Duration.ofMillis(Math.min(wait, MAX_IDLE_MILLIS)));
                }
                break; // what is due goes now; the held record on a later poll
            }
            out.add(record(pending));
            position = pending.record().position();
            pending = null;
        }
        return out.isEmpty() ? null : out;
    }

    private SourceRecord record(Mapped m) {
        FileRecord r = m.record();
        var at = new PostRecords.Position(partition,
                Map.of(POSITION, r.position(), FileHead.FINGERPRINT, head.fingerprint(), FileHead.FINGERPRINT_BYTES, head.bytes()));
        if (m.fields() == null) {
            return records.deadLetter("record", r.problem(), r.origin(), null, r.raw(), at);
        }
        return records.post(m.fields(), r.origin(), r.raw(), at);
    }

    @Override
    public void stop() {
        stop.stop(); // first, so that a poll waiting in the lock returns at once
        synchronized (lock) {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException e) {
                    LOG.warn("Closing {} failed", file, e);
                }
                reader = null;
            }
        }
    }
}
