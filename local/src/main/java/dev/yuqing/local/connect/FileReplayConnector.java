package dev.yuqing.local.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;

/**
 * A file replay connector running on an {@link EmbeddedConnect} worker, and how far it got: the
 * record position in its committed offset (Connect commits every second and when the task stops).
 *
 * @param records the records in the file when the replay was started
 */
public record FileReplayConnector(EmbeddedConnect worker, String name, long records) {
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
