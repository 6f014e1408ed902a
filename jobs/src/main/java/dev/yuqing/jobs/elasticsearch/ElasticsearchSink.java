package dev.yuqing.jobs.elasticsearch;

import dev.yuqing.dashboards.EsConnection;
import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Flink sink that indexes documents through the Elasticsearch Java client's BulkIngester.
 * Before each checkpoint it waits until every buffered document is acknowledged, so a completed
 * checkpoint means the documents are in Elasticsearch (at-least-once; with the element's own
 * id as document id, replays overwrite instead of duplicating). Transient failures are retried
 * with exponential backoff; documents refused for good go to the {@link FailureHandler}.
 * Versions of one document written by one subtask land in the order written (the last one wins).
 */
public final class ElasticsearchSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final EsConnection connection;
    private final DocumentMapper<T> mapper;
    private final BulkSettings settings;
    private final FailureHandler failureHandler;

    private ElasticsearchSink(Builder<T> b) {
        this.connection = b.connection;
        this.mapper = b.mapper;
        this.settings = b.settings;
        this.failureHandler = b.failureHandler;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return new ElasticsearchWriter<>(connection, mapper, settings, failureHandler,
                context.metricGroup().getIOMetricGroup().getNumRecordsOutCounter(), context.getProcessingTimeService());
    }

    public static final class Builder<T> {
        private EsConnection connection;
        private DocumentMapper<T> mapper;
        private BulkSettings settings = BulkSettings.DEFAULTS;
        private FailureHandler failureHandler = FailureHandler.failJob();

        public Builder<T> connection(EsConnection connection) {
            this.connection = Objects.requireNonNull(connection, "connection");
            return this;
        }

        public Builder<T> mapper(DocumentMapper<T> mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        public Builder<T> settings(BulkSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public Builder<T> failureHandler(FailureHandler failureHandler) {
            this.failureHandler = Objects.requireNonNull(failureHandler, "failureHandler");
            return this;
        }

        public ElasticsearchSink<T> build() {
            if (connection == null) {
                throw new IllegalStateException("ElasticsearchSink needs a connection");
            }
            if (mapper == null) {
                throw new IllegalStateException("ElasticsearchSink needs a document mapper");
            }
            return new ElasticsearchSink<>(this);
        }
    }
}
