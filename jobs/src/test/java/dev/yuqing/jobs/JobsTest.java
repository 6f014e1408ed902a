package dev.yuqing.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.config.Config;
import dev.yuqing.jobs.enrich.EnrichOptions;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.junit.jupiter.api.Test;

class JobsTest {
    @Test
    void recordsWaitAtMostTheBufferTimeoutAtEachExchange() {
        Configuration defaults = Jobs.flinkConfiguration(EnrichOptions.DEF.resolve(Map.of(), Map.of()));
        // Flink's own default, 100 ms at each of the three exchanges a content alert crosses, was most of its latency.
        assertThat(defaults.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(10));
        assertThat(defaults.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(10));

        Config zero = EnrichOptions.DEF.resolve(Map.of(JobOptions.BUFFER_TIMEOUT.name(), "0ms"), Map.of());
        assertThat(Jobs.flinkConfiguration(zero).get(ExecutionOptions.BUFFER_TIMEOUT)).isZero();
    }
}
