package dev.yuqing.jobs.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.jobs.kafka.RawRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ParseSignalTest {

    private static OneInputStreamOperatorTestHarness<RawRecord, TargetSignal> harness(ParseSignal.Kind kind) throws Exception {
        OneInputStreamOperatorTestHarness<RawRecord, TargetSignal> h = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new ParseSignal(kind)));
        h.open();
        return h;
    }

    private static RawRecord record(String topic, String json) {
        return new RawRecord(topic, 0, 7, "k", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEachKindAndSendsProbesOnToBeIndexed() throws Exception {
        try (var h = harness(ParseSignal.Kind.PROBE)) {
            h.processElement(record("site.probes", "{\"siteId\":\"site:a\",\"url\":\"https://a.invalid/\",\"at\":\"2026-11-01T02:00:00Z\","
                    + "\"status\":200,\"loadMillis\":900,\"error\":\"\"}"), 0);
            assertThat(h.extractOutputValues()).singleElement().satisfies(s -> assertThat(s.targetId()).isEqualTo("site:a"));
            assertThat(h.getSideOutput(ParseSignal.PROBES)).hasSize(1);
        }
        try (var h = harness(ParseSignal.Kind.HEARTBEAT)) {
            h.processElement(record("sources.health", "{\"account\":\"site:a/x\",\"connector\":\"c\",\"at\":\"2026-11-01T02:00:00Z\","
                    + "\"ok\":false,\"error\":\"HTTP 503\",\"lastSuccess\":null}"), 0);
            assertThat(h.extractOutputValues()).singleElement().satisfies(s -> assertThat(s.heartbeat().ok()).isFalse());
        }
    }

    @Test
    void aRecordThatCannotBeReadIsADeadLetterWithTheFieldAndReason() throws Exception {
        try (var h = harness(ParseSignal.Kind.LINK)) {
            h.processElement(record("site.links", "{\"pageUrl\":\"https://a.invalid/\",\"link\":\"https://a.invalid/x\",\"dead\":true,"
                    + "\"status\":404,\"reason\":\"HTTP 404\",\"checkedAt\":\"2026-11-01T02:00:00Z\"}"), 0);
            h.processElement(record("site.links", "not json"), 0);
            h.processElement(record("site.links", ""), 0);
            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(h.getSideOutput(ParseSignal.DEAD_LETTERS)).extracting(r -> r.getValue())
                    .extracting(DeadLetter::stage, DeadLetter::field, DeadLetter::origin)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("inspection-link", "account", "site.links/0@7"),
                            org.assertj.core.groups.Tuple.tuple("inspection-link", "record", "site.links/0@7"),
                            org.assertj.core.groups.Tuple.tuple("inspection-link", "record", "site.links/0@7"));
            assertThat(h.getSideOutput(ParseSignal.DEAD_LETTERS)).extracting(r -> r.getValue().reason())
                    .satisfiesExactly(r -> assertThat(r).isEqualTo("required"), r -> assertThat(r).startsWith("not a LinkCheck"),
                            r -> assertThat(r).contains("tombstone"));
        }
    }
}
