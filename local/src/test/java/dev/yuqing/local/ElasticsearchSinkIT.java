package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.jobs.elasticsearch.BulkSettings;
import dev.yuqing.jobs.elasticsearch.Document;
import dev.yuqing.jobs.elasticsearch.ElasticsearchSink;
import dev.yuqing.jobs.enrich.DeadLetterHandler;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Elasticsearch sink against the real node: recovery after a failure mid-stream, and refused documents. */
@ExtendWith(LocalStackExtension.class)
class ElasticsearchSinkIT {
    private static final int COUNT = 5000;
    private static final BulkSettings SMALL_BULKS = new BulkSettings(100, 1 << 20, 2, Duration.ofMillis(200), 5, Duration.ofMillis(50));

    /** Fails its first attempt half-way, so the job restarts from its last checkpoint. */
    static final class FailOnceHalfWay extends RichMapFunction<Long, Long> {
        private transient boolean firstAttempt;

        @Override
        public void open(OpenContext context) {
            firstAttempt = getRuntimeContext().getTaskInfo().getAttemptNumber() == 0;
        }

        @Override
        public Long map(Long n) throws Exception {
            if (firstAttempt && n == COUNT / 2) {
                throw new Exception("injected failure at " + n);
            }
            if (n % 100 == 0) {
                Thread.sleep(20); // let checkpoints fall between elements
            }
            return n;
        }
    }

    private static StreamExecutionEnvironment environment() {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(200));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        return StreamExecutionEnvironment.createLocalEnvironment(2, conf);
    }

    @Test
    void recoversFromAFailureMidStreamWithEveryDocumentIndexedOnce(LocalStack stack) throws Exception {
        String index = "sink-recovery";
        StreamExecutionEnvironment env = environment();
        env.fromSequence(1, COUNT).map(new FailOnceHalfWay()).returns(Types.LONG)
                .sinkTo(ElasticsearchSink.<Long>builder()
                        .connection(stack.esConnection())
                        .mapper(n -> new Document(index, "n" + n, ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8)))
                        .settings(SMALL_BULKS)
                        .build());
        var result = env.execute("sink recovery");
        assertThat(result.isJobExecutionResult()).isTrue();

        stack.client().indices().refresh(r -> r.index(index));
        assertThat(stack.client().count(c -> c.index(index)).count()).isEqualTo(COUNT);
        var max = stack.client().search(s -> s.index(index).size(0).aggregations("max", a -> a.max(m -> m.field("n"))), Void.class);
        assertThat(max.aggregations().get("max").max().value()).isEqualTo(COUNT);
    }

    private static ElasticsearchSink<Long> numbers(LocalStack stack, String index, BulkSettings settings) {
        return ElasticsearchSink.<Long>builder()
                .connection(stack.esConnection())
                .mapper(n -> new Document(index, "n" + n, ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8)))
                .settings(settings)
                .build();
    }

    /** read_only_allow_delete is the block a full disk sets; Elasticsearch answers writes with 429. */
    private static void block(LocalStack stack, String index, boolean on) throws Exception {
        stack.client().indices().putSettings(p -> p.index(index).settings(s -> s.blocks(b -> b.readOnlyAllowDelete(on))));
    }

    @Test
    void retriesWhileElasticsearchAnswers429AndIndexesEverythingOnceItRecovers(LocalStack stack) throws Exception {
        String index = "sink-blocked";
        stack.client().indices().create(c -> c.index(index));
        block(stack, index, true);

        StreamExecutionEnvironment env = environment();
        env.fromSequence(1, 300).sinkTo(numbers(stack, index, new BulkSettings(50, 1 << 20, 1, Duration.ofMillis(100), 12, Duration.ofMillis(100))));
        var job = env.executeAsync("sink blocked");
        Thread.sleep(1500);
        stack.client().indices().refresh(r -> r.index(index));
        assertThat(stack.client().count(c -> c.index(index)).count()).as("nothing gets in while blocked").isZero();
        assertThat(job.getJobStatus().get().isGloballyTerminalState()).as("the job waits, it does not fail").isFalse();

        block(stack, index, false);
        job.getJobExecutionResult().get();
        stack.client().indices().refresh(r -> r.index(index));
        assertThat(stack.client().count(c -> c.index(index)).count()).isEqualTo(300);
    }

    /**
     * Documents rewritten under one id (an alert's, a finding's, a message's status) must end as the
     * last one written, though bulk requests run concurrently and transient refusals send earlier
     * versions back for a retry after later ones were sent.
     */
    @Test
    void theLastVersionOfADocumentWinsThroughConcurrentBulksAndRetries(LocalStack stack) throws Exception {
        String index = "sink-versions";
        int ids = 20;
        long count = 4000;
        stack.client().indices().create(c -> c.index(index));
        block(stack, index, true);

        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
        env.fromSequence(0, count - 1)
                .sinkTo(ElasticsearchSink.<Long>builder()
                        .connection(stack.esConnection())
                        .mapper(n -> new Document(index, "d" + (n % ids), ("{\"v\":" + n + "}").getBytes(StandardCharsets.UTF_8)))
                        .settings(new BulkSettings(30, 1 << 20, 2, Duration.ofMillis(20), 30, Duration.ofMillis(20)))
                        .build());
        var job = env.executeAsync("sink versions");
        Thread.sleep(1500);
        block(stack, index, false);
        job.getJobExecutionResult().get();

        stack.client().indices().refresh(r -> r.index(index));
        var docs = stack.client().search(s -> s.index(index).size(ids), com.fasterxml.jackson.databind.JsonNode.class).hits().hits();
        assertThat(docs).hasSize(ids).allSatisfy(h -> {
            long id = Long.parseLong(h.id().substring(1));
            assertThat(h.source().get("v").asLong()).as("last version of " + h.id()).isEqualTo(count - ids + id);
        });
    }

    @Test
    void failsTheJobWhenRetriesRunOut(LocalStack stack) throws Exception {
        String index = "sink-blocked-for-good";
        stack.client().indices().create(c -> c.index(index));
        block(stack, index, true);
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
        env.fromSequence(1, 10).sinkTo(numbers(stack, index, new BulkSettings(10, 1 << 20, 1, Duration.ofMillis(50), 2, Duration.ofMillis(10))));
        assertThatThrownBy(() -> env.execute("sink blocked for good"))
                .rootCause().hasMessageContaining("gave up on " + index + "/n").hasMessageContaining("after 2 retries").hasMessageContaining("429");
        block(stack, index, false);
    }

    @Test
    void documentsRefusedForGoodGoToTheDeadLetterTopicAndTheRestIsIndexed(LocalStack stack) throws Exception {
        String index = "sink-refused";
        String dlq = "sink-refused.dlq";
        stack.kafka().createTopics(List.of(dlq), 1);
        stack.client().indices().create(c -> c.index(index)
                .mappings(m -> m.withJson(new StringReader("{\"dynamic\":\"strict\",\"properties\":{\"n\":{\"type\":\"integer\"}}}"))));

        StreamExecutionEnvironment env = environment();
        env.fromSequence(1, 200)
                .sinkTo(ElasticsearchSink.<Long>builder()
                        .connection(stack.esConnection())
                        .mapper(n -> new Document(index, "n" + n, (n % 50 == 0 ? "{\"n\":\"not a number\"}" : "{\"n\":" + n + "}")
                                .getBytes(StandardCharsets.UTF_8)))
                        .settings(SMALL_BULKS)
                        .failureHandler(new DeadLetterHandler(stack.bootstrapServers(), dlq))
                        .build());
        env.execute("sink refused");

        stack.client().indices().refresh(r -> r.index(index));
        assertThat(stack.client().count(c -> c.index(index)).count()).isEqualTo(196);
        List<DeadLetter> dead = TopicReader.deadLetters(stack.bootstrapServers(), dlq, Duration.ofMinutes(1));
        assertThat(dead).extracting(DeadLetter::key).containsExactlyInAnyOrder("n50", "n100", "n150", "n200");
        assertThat(dead).allSatisfy(d -> {
            assertThat(d.stage()).isEqualTo("elasticsearch");
            assertThat(d.reason()).startsWith("status 400: document_parsing_exception");
            assertThat(d.raw()).isEqualTo("{\"n\":\"not a number\"}");
        });
    }
}
