package dev.yuqing.core.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AlertJsonTest {
    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAnAlertAndRefusesOneWithoutWhatItNeeds() throws IOException {
        String complete = "{\"id\":\"burst:e1\",\"type\":\"burst\",\"level\":\"red\",\"title\":\"停水\",\"firstSeen\":\"2026-11-20T01:00:00Z\"}";
        assertThat(AlertJson.read(json(complete)).firstSeen()).hasToString("2026-11-20T01:00:00Z");
        assertThatThrownBy(() -> AlertJson.read(json(complete.replace(",\"firstSeen\":\"2026-11-20T01:00:00Z\"", ""))))
                .isInstanceOf(IOException.class).hasMessage("alert burst:e1 lacks firstSeen");
        assertThatThrownBy(() -> AlertJson.read(json(complete.replace("\"title\":\"停水\",", ""))))
                .isInstanceOf(IOException.class).hasMessage("alert burst:e1 lacks a title");
        assertThatThrownBy(() -> AlertJson.read(json(complete.replace("\"level\":\"red\",", ""))))
                .isInstanceOf(IOException.class).hasMessage("alert burst:e1 lacks its type or level");
    }
}
