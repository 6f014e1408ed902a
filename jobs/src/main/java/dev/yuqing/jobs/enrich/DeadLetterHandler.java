package dev.yuqing.jobs.enrich;

import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.jobs.elasticsearch.FailedDocument;
import dev.yuqing.jobs.elasticsearch.FailureHandler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Sends documents that Elasticsearch refuses to the dead-letter topic, with Elasticsearch's reason. */
public final class DeadLetterHandler implements FailureHandler {
    private static final long serialVersionUID = 1L;

    private final String bootstrap;
    private final String topic;
    private transient KafkaProducer<byte[], byte[]> producer;
    private transient AtomicReference<Exception> sendFailure;

    public DeadLetterHandler(String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    @Override
    public void open() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("enable.idempotence", true);
        p.put("acks", "all");
        p.put("client.id", "yuqing-es-dead-letters");
        sendFailure = new AtomicReference<>();
        producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void onFailure(FailedDocument failed) throws IOException {
        DeadLetter dl = DeadLetter.of("elasticsearch", null, "status " + failed.status() + ": " + failed.reason(),
                failed.document().index() + "/" + failed.document().id(), failed.document().id(),
                failed.document().json(), Instant.now());
        producer.send(new ProducerRecord<>(topic, dl.key().getBytes(StandardCharsets.UTF_8), dl.toJson()), (metadata, e) -> {
            if (e != null) {
                sendFailure.compareAndSet(null, e);
            }
        });
    }

    @Override
    public void flush() throws IOException {
        producer.flush(); // waits for every send; their callbacks have run when it returns
        Exception e = sendFailure.get();
        if (e != null) {
            throw new IOException("dead letters could not be written to " + topic, e);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
