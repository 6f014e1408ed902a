package dev.yuqing.jobs.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BulkSettingsTest {
    @Test
    void backoffDoublesUpToTheCap() {
        BulkSettings s = new BulkSettings(10, 1 << 20, 1, Duration.ofSeconds(1), 30, Duration.ofMillis(100));
        assertThat(s.backoff(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(s.backoff(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(s.backoff(25)).isEqualTo(BulkSettings.MAX_BACKOFF);
    }

    @Test
    void validatesEverySetting() {
        assertThatThrownBy(() -> new BulkSettings(0, 1 << 20, 1, Duration.ofSeconds(1), 3, Duration.ZERO)).hasMessageContaining("maxActions");
        assertThatThrownBy(() -> new BulkSettings(1, 10, 1, Duration.ofSeconds(1), 3, Duration.ZERO)).hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> new BulkSettings(1, 1 << 20, 0, Duration.ofSeconds(1), 3, Duration.ZERO)).hasMessageContaining("maxConcurrent");
        assertThatThrownBy(() -> new BulkSettings(1, 1 << 20, 1, Duration.ZERO, 3, Duration.ZERO)).hasMessageContaining("flushInterval");
        assertThatThrownBy(() -> new BulkSettings(1, 1 << 20, 1, Duration.ofSeconds(1), -1, Duration.ZERO)).hasMessageContaining("maxRetries");
    }

    @Test
    void onlyOverloadAndServerErrorsAreRetried() {
        assertThat(ElasticsearchWriter.retriable(429)).isTrue();
        assertThat(ElasticsearchWriter.retriable(503)).isTrue();
        assertThat(ElasticsearchWriter.retriable(400)).isFalse();
        assertThat(ElasticsearchWriter.retriable(404)).isFalse();
    }

    @Test
    void builderNeedsConnectionAndMapper() {
        assertThatThrownBy(() -> ElasticsearchSink.builder().build()).hasMessageContaining("connection");
    }
}
