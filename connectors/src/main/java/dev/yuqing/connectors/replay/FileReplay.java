package dev.yuqing.connectors.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.config.CommonOptions;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a JSON-lines or CSV file of posts into Kafka, keyed by post id, either as fast as
 * possible or at N times real time by published time. The producer is idempotent and the cursor
 * is saved only after a flush, so a restart resumes where the last flush ended and does not
 * re-send what Kafka acknowledged. Records that cannot be read go to the dead-letter topic.
 */
public final class FileReplay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileReplay.class);

    private final Path file;
    private final ReplayFormat format;
    private final FieldMapping mapping;
    private final double speed;
    private final Cursor cursor;
    private final String topic;
    private final String dlqTopic;
    private final int batch;
    private final Duration flushInterval;
    private final Producer<byte[], byte[]> producer;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    public FileReplay(Config config) {
        this.file = Path.of(config.get(ReplayOptions.FILE));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(ReplayOptions.FILE.name() + ": cannot read '" + file + "'");
        }
        this.format = config.get(ReplayOptions.FORMAT);
        String spec = config.get(ReplayOptions.MAPPING);
        try {
            this.mapping = FieldMapping.parse("-".equals(spec) ? "" : spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ReplayOptions.MAPPING.name() + ": " + e.getMessage(), e);
        }
        this.speed = config.get(ReplayOptions.SPEED);
        String cursorFile = config.get(ReplayOptions.CURSOR_FILE);
        this.cursor = new Cursor("-".equals(cursorFile) ? Path.of(file + ".cursor") : Path.of(cursorFile), file);
        this.topic = config.get(ReplayOptions.TOPIC);
        this.dlqTopic = config.get(ReplayOptions.DLQ_TOPIC);
        this.batch = config.get(ReplayOptions.BATCH);
        this.flushInterval = config.get(ReplayOptions.FLUSH_INTERVAL);
        this.producer = new KafkaProducer<>(producerProperties(config.get(CommonOptions.KAFKA_BOOTSTRAP)));
        this.clock = Clock.systemUTC();
    }

    static Properties producerProperties(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "yuqing-replay");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    /** Replays from the saved cursor to the end of the file, or until {@link #stop()}. */
    public ReplayResult run() {
        long resumedAt = cursor.load();
        long position = resumedAt;
        boolean completed = false;
        try (RecordReader reader = RecordReader.open(file, format)) {
            checkMappingAgainstHeader(reader);
            if (reader.skip(resumedAt) < resumedAt) {
                throw new IllegalStateException("replay cursor says " + resumedAt + " records were delivered but "
                        + file + " has fewer; delete the cursor to replay from the start");
            }
            if (resumedAt > 0) {
                LOG.info("Resuming replay of {} after {} records", file, resumedAt);
            }
            Pacer pacer = new Pacer(speed, clock::millis, Thread::sleep, running::get);
            long unflushed = 0;
            long lastFlush = clock.millis();
            FileRecord r;
            while (running.get() && (r = reader.next()) != null) {
                send(r, pacer);
                position = r.position();
                unflushed++;
                if (unflushed >= batch || (speed > 0 && clock.millis() - lastFlush >= flushInterval.toMillis())) {
                    flushAndSave(position);
                    unflushed = 0;
                    lastFlush = clock.millis();
                }
            }
            completed = running.get();
            flushAndSave(position);
        } catch (IOException e) {
            throw new UncheckedIOException("replay of " + file + " failed after " + position + " records", e);
        }
        return new ReplayResult(resumedAt, sent.get(), deadLettered.get(), position, completed);
    }

    private void checkMappingAgainstHeader(RecordReader reader) {
        if (reader instanceof RecordReader.Csv csv) {
            String problem = mapping.headerProblem(csv.header());
            if (problem != null) {
                throw new IllegalArgumentException(ReplayOptions.MAPPING.name() + ": " + problem + " of " + file);
            }
        }
    }

    private void send(FileRecord r, Pacer pacer) {
        if (r.problem() != null) {
            deadLetter(r, r.problem());
            return;
        }
        ObjectNode post = mapping.apply(r.fields());
        try {
            pacer.await(Pacer.publishedAt(post.get("publishedAt")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
        JsonNode id = post.get("id");
        byte[] key = id == null || id.isNull() ? null : id.asText().getBytes(StandardCharsets.UTF_8);
        // Pass the line through byte for byte when nothing was mapped, so the job sees what the file holds.
        byte[] value = mapping.isIdentity() && format == ReplayFormat.JSONL ? r.raw() : toBytes(post);
        producer.send(new ProducerRecord<>(topic, key, value));
        sent.incrementAndGet();
    }

    private void deadLetter(FileRecord r, String reason) {
        DeadLetter dl = DeadLetter.of("connector", "record", reason, r.origin(), null, r.raw(), clock.instant());
        producer.send(new ProducerRecord<>(dlqTopic, null, dl.toJson()));
        deadLettered.incrementAndGet();
        LOG.warn("Dead-lettered {}: {}", r.origin(), reason);
    }

    private void flushAndSave(long position) {
        producer.flush(); // throws if a send failed, so the cursor never passes an undelivered record
        cursor.save(position);
    }

    private static byte[] toBytes(ObjectNode node) {
        try {
            return Json.MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long sent() {
        return sent.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    /** Ends {@link #run()} after the record in hand; the cursor is saved first. */
    public void stop() {
        running.set(false);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    public static void main(String[] args) {
        Config config = ReplayOptions.DEF.fromArgs(args);
        try (FileReplay replay = new FileReplay(config)) {
            Runtime.getRuntime().addShutdownHook(new Thread(replay::stop, "replay-stop"));
            ReplayResult result = replay.run();
            LOG.info("Replay done: {}", result);
        }
    }
}
