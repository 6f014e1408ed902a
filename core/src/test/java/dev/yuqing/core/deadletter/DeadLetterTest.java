package dev.yuqing.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
    @Test
    void keepsUtf8AsTextAndOtherBytesAsBase64() throws Exception {
        byte[] text = "{\"id\":未加引号".getBytes(StandardCharsets.UTF_8);
        DeadLetter a = DeadLetter.of("parse", "record", "not JSON", "posts.raw/0@1", "k", text, Instant.EPOCH);
        assertThat(a.rawEncoding()).isEqualTo("utf-8");
        assertThat(DeadLetter.fromJson(a.toJson())).isEqualTo(a);
        assertThat(DeadLetter.fromJson(a.toJson()).rawBytes()).isEqualTo(text);

        byte[] gbk = "供水".getBytes("GBK");
        DeadLetter b = DeadLetter.of("parse", "record", "not JSON", "posts.raw/0@2", null, gbk, Instant.EPOCH);
        assertThat(b.rawEncoding()).isEqualTo("base64");
        assertThat(DeadLetter.fromJson(b.toJson()).rawBytes()).isEqualTo(gbk);
    }
}
