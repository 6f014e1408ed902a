package dev.yuqing.jobs.inspection;

import dev.yuqing.core.inspection.MonitoredTarget;
import dev.yuqing.core.inspection.Registry;
import dev.yuqing.core.inspection.RegistryChange;
import java.io.IOException;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Puts a registry file on the registry topic, one upsert per target keyed by its id, in the file's order (sites before columns). */
public final class RegistryPublisher {
    private RegistryPublisher() {}

    /**
     * Publishes every target registered at {@code at}. Idempotent for the job: a target it already
     * knows keeps the time its clock started from.
     */
    public static void publish(String bootstrap, String topic, Registry registry, Instant at) throws IOException {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (MonitoredTarget t : registry.targets()) {
                RegistryChange change = RegistryChange.upsert(t, at);
                producer.send(new ProducerRecord<>(topic, change.key(), change.toJson())).get();
            }
        } catch (ExecutionException e) {
            throw new IOException("publishing the registry to " + topic + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
