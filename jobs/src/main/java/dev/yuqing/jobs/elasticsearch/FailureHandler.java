package dev.yuqing.jobs.elasticsearch;

import java.io.IOException;
import java.io.Serializable;

/**
 * What to do with a document that Elasticsearch refuses for good. Called from the bulk client's
 * threads; an exception thrown here fails the job.
 */
public interface FailureHandler extends Serializable {

    default void open() throws IOException {}

    void onFailure(FailedDocument failed) throws IOException;

    /** Called before a checkpoint completes: whatever was handed on must be durable afterwards. */
    default void flush() throws IOException {}

    default void close() throws IOException {}

    /** Fails the job on the first refused document. */
    static FailureHandler failJob() {
        return failed -> {
            throw new IOException("Elasticsearch refused document " + failed.document().index() + "/"
                    + failed.document().id() + " with status " + failed.status() + ": " + failed.reason());
        };
    }
}
