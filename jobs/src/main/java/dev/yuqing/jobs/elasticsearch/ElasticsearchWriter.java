package dev.yuqing.jobs.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import dev.yuqing.dashboards.EsConnection;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer behind {@link ElasticsearchSink}; one per subtask.
 *
 * <p>Only the task thread calls the ingester ({@code add}, {@code flush}): the time-based flush
 * runs as a Flink processing-time timer and retries wait in a queue that the task thread drains.
 * BulkIngester wakes one waiter when a request completes, and a waiter that then finds nothing to
 * send does not pass the wake-up on; with several threads flushing, one of them could wait forever
 * (seen here while Elasticsearch answered 429). The bulk client's own threads only run the listener.
 *
 * <p>One version of a document (same index and id) is on its way at a time: bulk requests run
 * concurrently and retries come back late, so a later version sent alongside could otherwise land
 * first and be overwritten by an earlier one. Later versions wait; a whole document waiting
 * replaces the versions waiting before it, which it would overwrite anyway.
 */
final class ElasticsearchWriter<T> implements SinkWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchWriter.class);

    /** A document on its way, with the retries it has had. */
    private record Pending(Document document, int attempt) {}

    /** A document waiting for its retry to be due. */
    private record Retry(Pending pending, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Retry) other).dueNanos);
        }
    }

    private final DocumentMapper<T> mapper;
    private final BulkSettings settings;
    private final FailureHandler failureHandler;
    private final Counter indexed;
    private final ProcessingTimeService time;
    private final ElasticsearchClient client;
    private final BulkIngester<Pending> ingester;
    private final DelayQueue<Retry> retries = new DelayQueue<>();
    private final Object lock = new Object();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    /** Versions released by the completion of the one before, for the task thread to send. */
    private final ConcurrentLinkedQueue<Pending> released = new ConcurrentLinkedQueue<>();
    /** Documents with a version on its way; guarded by lock. */
    private final Set<DocumentKey> onTheirWay = new HashSet<>();
    /**
     * The later versions waiting for it, for those documents that have any (most never do, so no
     * queue is made for them); guarded by lock.
     */
    private final Map<DocumentKey, ArrayDeque<Pending>> waiting = new HashMap<>();
    /** Documents written and not yet indexed, refused, superseded or given up on; guarded by lock. */
    private long inFlight;
    private boolean closed;

    ElasticsearchWriter(EsConnection connection, DocumentMapper<T> mapper, BulkSettings settings,
                        FailureHandler failureHandler, Counter indexed, ProcessingTimeService time) throws IOException {
        this.mapper = mapper;
        this.settings = settings;
        this.failureHandler = failureHandler;
        this.indexed = indexed;
        this.time = time;
        this.failureHandler.open();
        this.client = connection.open();
        this.ingester = BulkIngester.of(b -> b
                .client(client)
                .maxOperations(settings.maxActions())
                .maxSize(settings.maxBytes())
                .maxConcurrentRequests(settings.maxConcurrent())
                .listener(new Listener()));
        scheduleTick();
    }

    @Override
    public void write(T element, Context context) throws IOException {
        throwIfFailed();
        Document document = mapper.toDocument(element);
        Pending p = new Pending(document, 0);
        DocumentKey key = DocumentKey.of(document);
        boolean send;
        synchronized (lock) {
            inFlight++;
            send = onTheirWay.add(key);
            if (!send) {
                ArrayDeque<Pending> later = waiting.computeIfAbsent(key, k -> new ArrayDeque<>());
                if (!document.isUpdate()) {
                    inFlight -= later.size(); // superseded: the whole document replaces them
                    later.clear();
                }
                later.add(p);
            }
        }
        if (send) {
            add(p);
        }
        addDueRetries();
    }

    /** Where a document lands; versions of one key are sent one after another. */
    private record DocumentKey(String index, String id) {
        static DocumentKey of(Document d) {
            return new DocumentKey(d.index(), d.id());
        }
    }

    private void add(Pending p) {
        ingester.add(operation(p.document()), p);
    }

    /** An index operation, or for a document with an upsert source a partial update. */
    static BulkOperation operation(Document d) {
        return d.isUpdate()
                ? BulkOperation.of(b -> b.update(u -> u.index(d.index()).id(d.id())
                        .action(a -> a.doc(tree(d.json())).upsert(tree(d.upsert())))))
                : BulkOperation.of(b -> b.index(i -> i.index(d.index()).id(d.id())
                        .document(BinaryData.of(d.json(), ContentType.APPLICATION_JSON))));
    }

    /** A partial document as a tree the client's mapper writes back as the same JSON. */
    private static com.fasterxml.jackson.databind.JsonNode tree(byte[] json) {
        try {
            return dev.yuqing.core.json.Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("document source is not JSON", e);
        }
    }

    /** Sends released versions and due retries; on the task thread. */
    private void addDueRetries() {
        Pending next;
        while ((next = released.poll()) != null) {
            add(next);
        }
        Retry r;
        while ((r = retries.poll()) != null) {
            add(r.pending());
        }
    }

    /** Sends what waited longer than the flush interval, on the task thread. */
    private void scheduleTick() {
        time.registerTimer(time.getCurrentProcessingTime() + settings.flushInterval().toMillis(), now -> {
            if (closed) {
                return;
            }
            addDueRetries();
            if (ingester.pendingOperations() > 0) {
                ingester.flush();
            }
            scheduleTick();
        });
    }

    /** Blocks until everything written so far is indexed or handed to the failure handler. */
    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        while (true) {
            addDueRetries();
            ingester.flush();
            synchronized (lock) {
                if (inFlight == 0 || fatal.get() != null) {
                    break;
                }
                lock.wait(20);
            }
        }
        throwIfFailed();
        failureHandler.flush();
    }

    private void throwIfFailed() throws IOException {
        Throwable t = fatal.get();
        if (t != null) {
            throw new IOException("Elasticsearch sink failed: " + t.getMessage(), t);
        }
    }

    /** {@code p} is indexed, refused or given up on: the next version of its document may go. */
    private void done(Pending p) {
        synchronized (lock) {
            inFlight--;
            DocumentKey key = DocumentKey.of(p.document());
            ArrayDeque<Pending> later = waiting.get(key);
            Pending next = later == null ? null : later.poll();
            if (later != null && later.isEmpty()) {
                waiting.remove(key);
            }
            if (next == null) {
                onTheirWay.remove(key);
            } else {
                released.add(next);
            }
            lock.notifyAll();
        }
    }

    private void fail(Throwable t) {
        fatal.compareAndSet(null, t);
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Called by the bulk client's threads: queues the retry for the task thread. */
    private void retry(Pending p, String reason) {
        if (p.attempt() >= settings.maxRetries()) {
            fail(new IOException("gave up on " + p.document().index() + "/" + p.document().id()
                    + " after " + settings.maxRetries() + " retries: " + reason));
            done(p);
            return;
        }
        long delay = settings.backoff(p.attempt()).toNanos();
        LOG.debug("Retrying {} in {} ms: {}", p.document().id(), delay / 1_000_000, reason);
        retries.add(new Retry(new Pending(p.document(), p.attempt() + 1), System.nanoTime() + delay));
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** 429 and 5xx pass; everything else (400 mapping errors, 404 missing index...) will not. */
    static boolean retriable(int status) {
        return status == 429 || status >= 500;
    }

    private final class Listener implements BulkListener<Pending> {
        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Pending> contexts) {}

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, BulkResponse response) {
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                Pending p = contexts.get(i);
                ErrorCause error = item.error();
                if (error == null) {
                    indexed.inc();
                    done(p);
                } else if (retriable(item.status())) {
                    retry(p, item.status() + " " + error.type() + ": " + error.reason());
                } else {
                    refuse(p, item.status(), error.type() + ": " + error.reason());
                    done(p);
                }
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, Throwable failure) {
            LOG.warn("Bulk request of {} documents failed: {}", contexts.size(), failure.toString());
            for (Pending p : contexts) {
                retry(p, failure.toString());
            }
        }

        private void refuse(Pending p, int status, String reason) {
            try {
                failureHandler.onFailure(new FailedDocument(p.document(), status, reason));
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }
    }

    @Override
    public void close() throws Exception {
        closed = true;
        try {
            ingester.close();
        } finally {
            EsConnection.close(client);
            failureHandler.close();
        }
    }
}
