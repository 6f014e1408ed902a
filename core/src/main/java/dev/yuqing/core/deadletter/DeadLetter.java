package dev.yuqing.core.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.yuqing.core.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A record that a stage could not handle, kept with the reason so that nothing is dropped
 * silently. The raw bytes travel as UTF-8 text when they are valid UTF-8, else as base64.
 *
 * @param stage       which stage gave up: connector, parse, elasticsearch, ...
 * @param field       the offending field, when one is to blame
 * @param reason      what is wrong, for a person to read
 * @param origin      where the record came from: a topic and offset, or a file and line
 * @param key         the record's key, when it had one
 * @param raw         the record as received
 * @param rawEncoding "utf-8" or "base64"
 * @param at          when it was dead-lettered
 */
public record DeadLetter(
        String stage, String field, String reason, String origin, String key, String raw, String rawEncoding, Instant at) {

    public static DeadLetter of(String stage, String field, String reason, String origin, String key, byte[] raw, Instant at) {
        String text = utf8(raw);
        if (text != null) {
            return new DeadLetter(stage, field, reason, origin, key, text, "utf-8", at);
        }
        return new DeadLetter(stage, field, reason, origin, key, Base64.getEncoder().encodeToString(raw), "base64", at);
    }

    public byte[] rawBytes() {
        if (raw == null) {
            return new byte[0];
        }
        return "base64".equals(rawEncoding) ? Base64.getDecoder().decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] toJson() {
        try {
            return Json.MAPPER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a DeadLetter always serialises", e);
        }
    }

    public static DeadLetter fromJson(byte[] json) throws java.io.IOException {
        return Json.MAPPER.readValue(json, DeadLetter.class);
    }

    private static String utf8(byte[] raw) {
        if (raw == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
