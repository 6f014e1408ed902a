package dev.yuqing.jobs.inspection;

import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.inspection.InvalidRegistryException;
import dev.yuqing.core.inspection.RegistryChange;
import dev.yuqing.jobs.kafka.RawRecord;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Reads registry changes; one that cannot be read goes to the dead letters with its entry, field and reason. */
public final class ParseRegistryChange extends ProcessFunction<RawRecord, RegistryChange> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("registry-dead-letters") {};

    private transient Counter invalid;

    @Override
    public void open(OpenContext openContext) {
        invalid = getRuntimeContext().getMetricGroup().counter("invalidRegistryChanges");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<RegistryChange> out) {
        try {
            out.collect(RegistryChange.fromJson(record.value()));
        } catch (InvalidRegistryException e) {
            invalid.inc();
            ctx.output(DEAD_LETTERS, DeadLetter.of("registry", e.field(), e.entry() + ": " + e.reason(), record.origin(), record.key(),
                    record.value(), Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
        }
    }
}
