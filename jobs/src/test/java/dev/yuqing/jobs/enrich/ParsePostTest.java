package dev.yuqing.jobs.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.jobs.kafka.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ParsePostTest {
    @Test
    void validPostsGoOnAndInvalidOnesBecomeDeadLettersWithTheirBytes() throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<RawRecord, ParsedPost>(new ProcessOperator<>(new ParsePost()))) {
            harness.open();
            harness.setProcessingTime(1_000);
            byte[] good = "{\"id\":\"p1\",\"source\":\"weibo\",\"account\":\"a\",\"text\":\"供水恢复\",\"publishedAt\":\"2026-11-20T08:00:00+08:00\"}"
                    .getBytes(StandardCharsets.UTF_8);
            byte[] bad = "{\"id\":\"p2\",\"source\":\"weibo\",\"account\":\"a\",\"publishedAt\":\"2026-11-20T08:00:00+08:00\"}"
                    .getBytes(StandardCharsets.UTF_8);
            harness.processElement(new RawRecord("posts.raw", 0, 7, "p1", good), 0);
            harness.processElement(new RawRecord("posts.raw", 1, 9, "p2", bad), 0);

            assertThat(harness.extractOutputValues()).containsExactly(new ParsedPost(0, harness.extractOutputValues().get(0).post()));
            assertThat(harness.extractOutputValues().get(0).post().id()).isEqualTo("p1");
            List<DeadLetter> dead = harness.getSideOutput(ParsePost.DEAD_LETTERS).stream().map(StreamRecord::getValue).toList();
            assertThat(dead).hasSize(1);
            DeadLetter d = dead.get(0);
            assertThat(d.stage()).isEqualTo("parse");
            assertThat(d.field()).isEqualTo("text");
            assertThat(d.reason()).isEqualTo("required");
            assertThat(d.origin()).isEqualTo("posts.raw/1@9");
            assertThat(d.key()).isEqualTo("p2");
            assertThat(d.rawBytes()).isEqualTo(bad);
            assertThat(d.at().toEpochMilli()).isEqualTo(1_000);
        }
    }
}
