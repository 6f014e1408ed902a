package dev.yuqing.local.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.connectors.connect.CommonSourceConfig;
import dev.yuqing.connectors.connect.PostSourceConnector;
import dev.yuqing.connectors.replay.FileReplayConfig;
import dev.yuqing.connectors.replay.FileReplaySourceConnector;
import dev.yuqing.connectors.replay.ReplayFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;

/**
 * A file replay connector running on a Connect worker, and how far it got: the
 * record position in its committed offset (Connect commits every second and when the task stops).
 *
 * @param records the records in the file when the replay was started
 */
public record FileReplayConnector(ConnectClient worker, String name, long records) {
    /**
     * Creates (or updates) connector {@code name} on {@code worker}, replaying {@code file} (JSON lines in
     * the Post shape) into {@code topic}: under a name it had before it resumes where it stopped.
     *
     * @param speed 0 as fast as possible, N at N times real time by published time
     */
    public static FileReplayConnector create(ConnectClient worker, String name, Path file, double speed, String bootstrapServers,
            String topic, String dlqTopic) throws IOException {
        Map<String, String> m = PostSourceConnector.configuration(FileReplaySourceConnector.class, topic, dlqTopic);
        m.put(FileReplayConfig.FILE_PATH, file.toAbsolutePath().toString());
        m.put(FileReplayConfig.FILE_SPEED, Double.toString(speed));
        m.put(FileReplayConfig.FILE_POLL_INTERVAL_MS, "200");
        m.put(CommonSourceConfig.KAFKA_BOOTSTRAP, bootstrapServers);
        worker.putConnector(name, m);
        return new FileReplayConnector(worker, name, FileReplaySourceConnector.records(file, ReplayFormat.JSONL));
    }

    /** Records of the file whose posts or dead letters are written and whose offset is committed. */
    public long committed() throws IOException {
        for (JsonNode o : worker.offsets(name)) {
            JsonNode position = o.path("offset").path("position");
            if (position.isNumber()) {
                return position.asLong();
            }
        }
        return 0;
    }

    public boolean done() throws IOException {
        return committed() >= records;
    }

    /** Waits until every record of the file is committed; fails when the task fails or time runs out. */
    public void awaitDone(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        worker.awaitRunning(name, timeout);
        while (!done()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("connector " + name + " committed " + committed() + " of " + records + " records within " + timeout
                        + "; status " + worker.status(name));
            }
            worker.awaitRunning(name, timeout); // rethrows a task's failure at once
            Thread.sleep(200);
        }
    }

    /** Deletes the connector; its offset stays, so a connector created again under the name resumes. */
    public void stop() throws IOException {
        worker.deleteConnector(name);
    }
}
