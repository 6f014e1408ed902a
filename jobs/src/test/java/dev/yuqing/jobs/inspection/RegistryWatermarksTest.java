package dev.yuqing.jobs.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class RegistryWatermarksTest {
    /** What a generator told its output. */
    private static final class Recorded implements WatermarkOutput {
        final List<String> calls = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            calls.add("watermark " + watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            calls.add("idle");
        }

        @Override
        public void markActive() {
            calls.add("active");
        }
    }

    @Test
    void theRegistryNeverMovesEventTimeItStaysIdle() {
        RegistryWatermarks<String> g = new RegistryWatermarks<>();
        Recorded out = new Recorded();
        g.onEvent("change", 1_000, out);
        g.onPeriodicEmit(out);
        g.onEvent("change", Long.MAX_VALUE, out);
        g.onPeriodicEmit(out);
        // An end-of-time watermark would become the operator's event time once the posts' partitions went idle.
        assertThat(out.calls).containsExactly("idle", "idle");
    }
}
