package dev.yuqing.connectors.exports;

import dev.yuqing.connectors.connect.ConnectorVersion;
import dev.yuqing.connectors.connect.FileHead;
import dev.yuqing.connectors.connect.PollSchedule;
import dev.yuqing.connectors.connect.PostRecords;
import dev.yuqing.connectors.connect.SourceMetrics;
import dev.yuqing.connectors.connect.StopSignal;
import dev.yuqing.connectors.connect.WrittenTopics;
import dev.yuqing.connectors.replay.FieldMapping;
import dev.yuqing.connectors.replay.FileRecord;
import dev.yuqing.connectors.replay.RecordReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the export files one after the other, in order, each from where its offset says up to
 * its last complete line, a batch per poll; when every file is read, it looks again every poll
 * interval for new files and longer ones. The last record of a file's read carries the file's
 * complete length in its offset, so after a restart a file that did not grow is not opened again.
 * To know which record is the last, the task reads one record ahead. Every offset also carries the
 * head of the file it was written for ({@link FileHead}): a file put in place of another under the
 * same name (a daily export overwritten, a log rotated) starts otherwise, or is shorter than what
 * was read, and is read from its start.
 */
public final class ExportDirectorySourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(ExportDirectorySourceTask.class);

    private final StopSignal stop = new StopSignal();
    private final Clock clock = Clock.systemUTC();
    /** poll() and stop() run on different threads; stop closes the file only between two reads. */
    private final Object lock = new Object();
    private ExportDirectoryConfig config;
    private Path dir;
    private FieldMapping mapping;
    private PollSchedule schedule;
    private PostRecords records;
    private SourceMetrics metrics;
    /** Each file's progress as the records handed out say, loaded from the offsets when a file is first seen. */
    private final Map<Path, FileProgress> progress = new HashMap<>();
    /**
     * Each file's last-modified time when its head was last found to be that of its progress: a
     * file that neither grew nor was modified since is not read again to check its head.
     */
    private final Map<Path, FileTime> headChecked = new HashMap<>();
    /** The file being read, or null between files. */
    private Reading reading;

    /**
     * A file being read.
     *
     * @param file      the file
     * @param partition its source partition
     * @param reader    its reader, limited to {@code complete} bytes
     * @param before    the progress when the read began (its bytes go with every record but the last)
     * @param complete  the file's complete length when the read began
     * @param head      the file's head when the read began, which every record's offset carries
     */
    private record Reading(Path file, Map<String, String> partition, RecordReader reader, FileProgress before, long complete, FileHead head) {}

    /** The record read ahead, not yet handed out (null when none). */
    private FileRecord ahead;

    @Override
    public String version() {
        return ConnectorVersion.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new ExportDirectoryConfig(props);
        WrittenTopics.require(config);
        dir = config.dir();
        mapping = config.mapping();
        schedule = new PollSchedule(config.pollInterval(), stop, clock);
        metrics = new SourceMetrics(context.pluginMetrics());
        records = new PostRecords(config.topic(), config.dlqTopic(), metrics, clock);
        LOG.info("Reading exports {} in {} ({}, by {})", config.glob(), dir, config.format(), config.order());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        synchronized (lock) {
            try {
                if (reading == null) {
                    if (!schedule.due()) {
                        return null;
                    }
                    Unread next = unread();
                    if (next == null) {
                        schedule.asked(); // every file read: look again after the interval
                        return null;
                    }
                    List<SourceRecord> unreadable = open(next);
                    if (unreadable != null) {
                        return unreadable;
                    }
                }
                return batch();
            } catch (IOException e) {
                // The directory or a file went away or cannot be read: the worker shows the task failed with the reason.
                throw new ConnectException("reading the exports in " + dir + " failed" + (reading == null ? "" : " at " + reading.file()), e);
            }
        }
    }

    /**
     * A file with complete lines not read yet.
     *
     * @param progress how far it was read
     * @param complete its complete length now
     */
    private record Unread(Path file, FileProgress progress, long complete) {}

    /** The first file, in order, that has complete lines not read yet; null when there is none. */
    private Unread unread() throws IOException {
        for (Path file : files()) {
            FileProgress p = progress.computeIfAbsent(file, f -> FileProgress.of(context.offsetStorageReader().offset(partition(f))));
            long complete = RecordReader.completeLength(file);
            if (replaced(file, p, complete)) {
                p = FileProgress.NONE;
                progress.put(file, p);
            }
            if (complete > p.bytes()) {
                return new Unread(file, p, complete);
            }
        }
        return null;
    }

    /**
     * Whether the file is another one than its progress was made in: shorter than the bytes read,
     * or starting otherwise. The head is read when the file grew and when it was modified without
     * growing (another file of the same length), and once after a restart.
     */
    private boolean replaced(Path file, FileProgress p, long complete) throws IOException {
        if (complete < p.bytes()) {
            LOG.info("{} is shorter than the {} bytes read of it ({} bytes): another file under the same name; reading it from the start",
                    file, p.bytes(), complete);
            return true;
        }
        if (p.head() == null) {
            return false; // not read yet, or an offset written before heads were kept: resumed by records and bytes
        }
        FileTime modified = Files.getLastModifiedTime(file); // taken before the head: a change after it is looked at next time
        if (complete == p.bytes() && modified.equals(headChecked.get(file))) {
            return false;
        }
        if (!p.head().matches(file)) {
            LOG.info("{} does not start as the file its offset was written for: another file under the same name; reading it from the start",
                    file);
            headChecked.remove(file);
            return true;
        }
        headChecked.put(file, modified);
        return false;
    }

    /**
     * Opens the file where its progress says (from the start when it has fewer records: it was
     * rewritten). A CSV file whose header lacks a mapped column cannot be read: it becomes one
     * dead letter, returned, and counts as read.
     */
    private List<SourceRecord> open(Unread u) throws IOException {
        FileProgress p = u.progress();
        // The head before the reader: should the file be replaced in between, the offsets name the
        // old head, and the next look reads the new file from its start instead of resuming in it.
        FileHead head = FileHead.of(u.file());
        RecordReader reader = RecordReader.open(u.file(), config.format(), u.complete());
        String headerProblem = reader instanceof RecordReader.Csv csv ? mapping.headerProblem(csv.header()) : null;
        if (headerProblem != null) {
            reader.close();
            FileProgress done = new FileProgress(p.records(), u.complete(), head);
            progress.put(u.file(), done);
            byte[] header = String.join(",", ((RecordReader.Csv) reader).header()).getBytes(StandardCharsets.UTF_8);
            return List.of(records.deadLetter("header", headerProblem + "; name one of its columns in " + ExportDirectoryConfig.EXPORT_MAPPING,
                    u.file().getFileName().toString(), null, header, new PostRecords.Position(partition(u.file()), done.toOffset())));
        }
        if (reader.skip(p.records()) < p.records()) {
            reader.close();
            LOG.warn("{} has fewer records than its offset says were read ({}): rewritten; reading it from the start", u.file(), p.records());
            p = FileProgress.NONE;
            reader = RecordReader.open(u.file(), config.format(), u.complete());
        }
        LOG.info("Reading {} from record {} up to byte {}", u.file(), p.records(), u.complete());
        reading = new Reading(u.file(), partition(u.file()), reader, p, u.complete(), head);
        return null;
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, config.glob())) {
            for (Path f : s) {
                if (Files.isRegularFile(f)) {
                    files.add(f.toAbsolutePath().normalize());
                }
            }
        }
        Comparator<Path> byName = Comparator.comparing(p -> p.getFileName().toString());
        if (config.order() == ExportDirectoryConfig.Order.MODIFIED) {
            files.sort(Comparator.<Path, Long>comparing(ExportDirectorySourceTask::modified).thenComparing(byName));
        } else {
            files.sort(byName);
        }
        return files;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the modification time of " + file, e);
        }
    }

    private static Map<String, String> partition(Path file) {
        return Map.of("file", file.toString());
    }

    private List<SourceRecord> batch() throws IOException {
        List<SourceRecord> out = new ArrayList<>();
        while (out.size() < config.batchSize() && !stop.isStopped()) {
            FileRecord r = reading.reader().next();
            if (r == null) {
                FileProgress done = new FileProgress(ahead == null ? reading.before().records() : ahead.position(), reading.complete(), reading.head());
                if (ahead != null) {
                    out.add(record(ahead, done));
                    ahead = null;
                }
                progress.put(reading.file(), done);
                reading.reader().close();
                LOG.info("Read {} up to byte {}: {} records; {}", reading.file(), done.bytes(), done.records(), metrics);
                reading = null;
                break;
            }
            metrics.item();
            if (ahead != null) {
                out.add(record(ahead, new FileProgress(ahead.position(), reading.before().bytes(), reading.head())));
            }
            ahead = r;
        }
        return out.isEmpty() ? null : out;
    }

    private SourceRecord record(FileRecord r, FileProgress after) {
        var at = new PostRecords.Position(reading.partition(), after.toOffset());
        if (r.problem() != null) {
            return records.deadLetter("record", r.problem(), r.origin(), null, r.raw(), at);
        }
        return records.post(mapping.apply(r.fields()), r.origin(), r.raw(), at);
    }

    @Override
    public void stop() {
        stop.stop(); // first, so that a poll waiting in the lock returns at once
        synchronized (lock) {
            if (reading != null) {
                try {
                    reading.reader().close();
                } catch (IOException e) {
                    LOG.warn("Closing {} failed", reading.file(), e);
                }
                reading = null;
                ahead = null;
            }
        }
    }
}
