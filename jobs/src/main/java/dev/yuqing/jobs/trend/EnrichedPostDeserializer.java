package dev.yuqing.jobs.trend;

import dev.yuqing.core.post.EnrichedPost;
import java.io.IOException;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code posts.enriched}. EnrichJob writes every record there from a validated post, so an
 * unreadable one is a bug or a foreign producer: it is logged with its origin and counted
 * ({@code unreadableEnrichedPosts}) and skipped, rather than stopping the warnings for every
 * other post; the post itself is still in {@code posts.raw} and the posts index.
 */
public final class EnrichedPostDeserializer implements KafkaRecordDeserializationSchema<EnrichedPost> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EnrichedPostDeserializer.class);

    private transient Counter unreadable;

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        unreadable = context.getMetricGroup().counter("unreadableEnrichedPosts");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<EnrichedPost> out) {
        try {
            out.collect(EnrichedPost.fromJson(record.value() == null ? new byte[0] : record.value()));
        } catch (IOException | RuntimeException e) {
            if (unreadable != null) {
                unreadable.inc();
            }
            LOG.warn("Skipping unreadable enriched post at {}/{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
        }
    }

    @Override
    public TypeInformation<EnrichedPost> getProducedType() {
        return TypeInformation.of(EnrichedPost.class);
    }
}
