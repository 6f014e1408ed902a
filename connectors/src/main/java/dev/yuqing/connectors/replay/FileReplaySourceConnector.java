package dev.yuqing.connectors.replay;

import dev.yuqing.connectors.connect.PostSourceConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;

/**
 * Replays a JSON-lines or CSV file of posts (with the field mapping of {@link FieldMapping}) on
 * the Connect API, the one way to ingest: Connect keeps the position, the record count, as the
 * source offset, tied to the file by a fingerprint of its head. Lines appended later are read as
 * they come. Records that cannot be read or are not valid posts go to the dead-letter topic.
 */
public final class FileReplaySourceConnector extends PostSourceConnector {
    @Override
    public ConfigDef config() {
        return FileReplayConfig.definition(); // a new one each time: a ConfigDef can be added to
    }

    @Override
    protected void check(Map<String, String> props, Map<String, ConfigValue> values) {
        FileReplayConfig c = new FileReplayConfig(props);
        Path file = c.file();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            values.get(FileReplayConfig.FILE_PATH).addErrorMessage(FileReplayConfig.FILE_PATH + ": cannot read '" + file
                    + "' on this worker; give the path of a readable file (in a distributed cluster, on every worker)");
            return;
        }
        if (c.format() == ReplayFormat.CSV) {
            try (RecordReader reader = RecordReader.open(file, ReplayFormat.CSV)) {
                String problem = c.mapping().headerProblem(((RecordReader.Csv) reader).header());
                if (problem != null) {
                    values.get(FileReplayConfig.FILE_MAPPING).addErrorMessage(FileReplayConfig.FILE_MAPPING + ": " + problem
                            + " of " + file + "; name one of its columns");
                }
            } catch (IOException e) {
                values.get(FileReplayConfig.FILE_PATH).addErrorMessage(FileReplayConfig.FILE_PATH + ": cannot read the CSV header of '"
                        + file + "': " + e.getMessage());
            }
        }
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FileReplaySourceTask.class;
    }

    /** Records in {@code file} as the task counts them (a blank or unreadable line is one too, for the dead letters). */
    public static long records(java.nio.file.Path file, ReplayFormat format) throws java.io.IOException {
        try (RecordReader reader = RecordReader.open(file, format)) {
            return reader.skip(Long.MAX_VALUE);
        }
    }
}
