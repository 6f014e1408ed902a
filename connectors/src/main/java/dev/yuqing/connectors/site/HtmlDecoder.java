package dev.yuqing.connectors.site;

import dev.yuqing.connectors.http.Charsets;
import java.nio.ByteBuffer;
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
 * Turns a page's bytes into text, choosing the charset here rather than in the HTML parser: a
 * UTF-8 byte-order mark; else the first that decodes without error of the Content-Type header's
 * charset, the page's {@code <meta charset>} or {@code <meta http-equiv="Content-Type">}, UTF-8,
 * and GB18030 (which reads GB2312 and GBK). Government sites often send GBK pages under a server
 * default of UTF-8, or declare GB2312 and use GBK characters. A configured charset overrides this.
 */
final class HtmlDecoder {
    /** The meta tag must be within the first 1024 bytes (HTML's prescan reads as far). */
    private static final int PRESCAN = 1024;
    private static final Pattern META = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    /**
     * @param text    the page as text
     * @param charset what it was read with
     * @param lossy   true when no candidate decoded cleanly and bytes were replaced
     */
    record Decoded(String text, Charset charset, boolean lossy) {}

    private final Charset override;

    /** @param override the configured charset, or null to detect it */
    HtmlDecoder(Charset override) {
        this.override = override;
    }

    Decoded decode(byte[] bytes, String contentType) {
        if (override != null) {
            return strict(bytes, override).map(t -> new Decoded(t, override, false))
                    .orElseGet(() -> new Decoded(new String(bytes, override), override, true));
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, false);
        }
        List<Charset> candidates = new ArrayList<>();
        Charsets.ofContentType(contentType).flatMap(Charsets::forLabel).ifPresent(candidates::add);
        meta(bytes).flatMap(Charsets::forLabel).filter(c -> !candidates.contains(c)).ifPresent(candidates::add);
        Charset gb = Charsets.forLabel("gb18030").orElseThrow();
        for (Charset c : List.of(StandardCharsets.UTF_8, gb)) {
            if (!candidates.contains(c)) {
                candidates.add(c);
            }
        }
        for (Charset c : candidates) {
            Optional<String> text = strict(bytes, c);
            if (text.isPresent()) {
                return new Decoded(text.get(), c, false);
            }
        }
        return new Decoded(new String(bytes, candidates.get(0)), candidates.get(0), true);
    }

    /** The charset a meta tag declares; the tag is ASCII in every charset a page uses. */
    static Optional<String> meta(byte[] bytes) {
        Matcher m = META.matcher(new String(bytes, 0, Math.min(bytes.length, PRESCAN), StandardCharsets.ISO_8859_1));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty(); // not this charset; the caller tries the next candidate
        }
    }
}
