package dev.yuqing.jobs.enrich;

import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.post.InvalidPostException;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.PostJson;
import dev.yuqing.jobs.kafka.RawRecord;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Parses and validates raw records; a record that is not a valid post goes to the dead letters with the reason. */
public final class ParsePost extends ProcessFunction<RawRecord, ParsedPost> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private transient PostJson json;
    private transient Counter invalid;

    @Override
    public void open(OpenContext openContext) {
        json = new PostJson();
        invalid = getRuntimeContext().getMetricGroup().counter("invalidPosts");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<ParsedPost> out) {
        try {
            out.collect(new ParsedPost(record.partition(), json.read(record.value())));
        } catch (InvalidPostException e) {
            invalid.inc();
            ctx.output(DEAD_LETTERS, DeadLetter.of("parse", e.field(), e.reason(), record.origin(), record.key(),
                    record.value(), Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
        }
    }
}
