package dev.yuqing.connectors.rss;

import dev.yuqing.connectors.http.Charsets;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a feed's bytes into text before the XML parser sees them, so that the charset is chosen
 * here, by rules that suit real sites, and not by the parser: a byte-order mark; else the
 * Content-Type header's charset; else the XML declaration's encoding; else UTF-8 (XML's default);
 * else GB18030.
 * The first of these that decodes the bytes without error wins, so that a header that says UTF-8
 * over a GBK feed with a correct declaration still reads. When none does, the first is used with
 * replacement characters and the result says so. A configured charset overrides all of this.
 */
final class FeedDecoder {
    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    /**
     * @param text    the feed as text, without a byte-order mark
     * @param charset the charset it was read with
     * @param lossy   true when no candidate decoded cleanly and bytes were replaced
     */
    record Decoded(String text, Charset charset, boolean lossy) {}

    private final Charset override;

    /** @param override the configured charset, or null to detect it */
    FeedDecoder(Charset override) {
        this.override = override;
    }

    Decoded decode(byte[] bytes, String contentType) {
        if (override != null) {
            return strict(bytes, override).map(t -> new Decoded(t, override, false))
                    .orElseGet(() -> new Decoded(lenient(bytes, override), override, true));
        }
        Optional<Charset> bom = bom(bytes);
        if (bom.isPresent()) {
            return new Decoded(lenient(bytes, bom.get()), bom.get(), false);
        }
        List<Charset> candidates = new ArrayList<>();
        Charsets.ofContentType(contentType).flatMap(Charsets::forLabel).ifPresent(candidates::add);
        declared(bytes).flatMap(Charsets::forLabel).filter(c -> !candidates.contains(c)).ifPresent(candidates::add);
        if (!candidates.contains(StandardCharsets.UTF_8)) {
            candidates.add(StandardCharsets.UTF_8);
        }
        // Undeclared and not UTF-8: on the Chinese sites this reads, that is GBK (GB18030 reads it).
        Charset gb = Charsets.forLabel("gb18030").orElseThrow();
        if (!candidates.contains(gb)) {
            candidates.add(gb);
        }
        for (Charset c : candidates) {
            Optional<String> text = strict(bytes, c);
            if (text.isPresent()) {
                return new Decoded(text.get(), c, false);
            }
        }
        return new Decoded(lenient(bytes, candidates.get(0)), candidates.get(0), true);
    }

    private static Optional<Charset> bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    /** The encoding of the XML declaration; the declaration is ASCII in every encoding a feed uses. */
    static Optional<String> declared(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return Optional.of(withoutBom(chars.toString()));
        } catch (CharacterCodingException e) {
            return Optional.empty(); // not this charset; the caller tries the next candidate
        }
    }

    private static String lenient(byte[] bytes, Charset charset) {
        return withoutBom(new String(bytes, charset));
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
