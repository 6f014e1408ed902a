package dev.yuqing.jobs.trend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.jobs.MetricsEnvironment;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class CountLateSlidesTest {
    @Test
    void countsTheKeywordsOfTheSlideCountsTheWindowsTurnedAway() throws Exception {
        InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
        try (MockEnvironment environment = MetricsEnvironment.keeping(metrics);
             var harness = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new CountLateSlides()), environment)) {
            harness.open();
            harness.processElement(new SlideTermCount("停水", 60_000, 3), 59_999);
            harness.processElement(new SlideTermCount("物业", 60_000, 2), 59_999);
            assertThat(((Counter) metrics.get("keywordsLateForWindows")).getCount()).isEqualTo(5);
            assertThat(harness.extractOutputValues()).isEmpty();
        }
    }
}
