package dev.yuqing.jobs.alerting;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alerting.AlertJson;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.jobs.kafka.RawRecord;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Reads alerts; a record that is not one goes to the dead letters with the reason. */
public final class ParseAlert extends ProcessFunction<RawRecord, Alert> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("alert-dead-letters") {};

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<Alert> out) {
        try {
            out.collect(AlertJson.read(record.value()));
        } catch (IOException e) {
            ctx.output(DEAD_LETTERS, DeadLetter.of("parse", "record", "not an alert: " + e.getMessage(), record.origin(), record.key(),
                    record.value(), Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
        }
    }
}
