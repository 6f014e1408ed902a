package dev.yuqing.connectors.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Charset names as web sources write them, and the choice of charset for a fetched document. */
public final class Charsets {
    /**
     * Labels that browsers decode as GB18030 (WHATWG Encoding Standard): Chinese sites that declare
     * GB2312 routinely send GBK characters, which a strict GB2312 decoder refuses.
     */
    private static final Set<String> GB_LABELS = Set.of("gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936",
            "gb_2312", "gb_2312-80", "csgb2312", "chinese", "iso-ir-58", "euc-cn", "gb18030");
    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)\"?", Pattern.CASE_INSENSITIVE);

    /**
     * Where a document names its own charset. The declaration is ASCII in every charset these
     * sources use, so the document's head is searched read as ISO-8859-1.
     *
     * @param pattern finds the declaration; its group 1 is the charset label
     * @param prescan how many bytes from the start the declaration must lie within
     */
    public record Declaration(Pattern pattern, int prescan) {
        /** A feed's XML declaration: {@code <?xml version="1.0" encoding="GBK"?>} at the very start. */
        public static final Declaration XML = new Declaration(
                Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']"), 256);
        /**
         * A page's {@code <meta charset>} or {@code <meta http-equiv="Content-Type" content="…; charset=…">},
         * within the first 1024 bytes (HTML's prescan reads as far).
         */
        public static final Declaration HTML_META = new Declaration(
                Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE), 1024);

        /** The charset label the document declares, if any. */
        public Optional<String> find(byte[] bytes) {
            Matcher m = pattern.matcher(new String(bytes, 0, Math.min(bytes.length, prescan), StandardCharsets.ISO_8859_1));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }

    /**
     * A document as text.
     *
     * @param text    the document, without a byte-order mark
     * @param charset what it was read with
     * @param lossy   true when no candidate decoded cleanly and bytes were replaced
     */
    public record Decoded(String text, Charset charset, boolean lossy) {}

    private Charsets() {}

    /** The charset to decode a label with; empty when this JVM does not know the label. */
    public static Optional<Charset> forLabel(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        if (GB_LABELS.contains(l)) {
            return Optional.of(Charset.forName("GB18030"));
        }
        try {
            return Optional.of(Charset.forName(l));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** The {@code charset} parameter of a Content-Type header value, if any. */
    public static Optional<String> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = CONTENT_TYPE_CHARSET.matcher(contentType);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Turns a fetched document's bytes into text, so that the charset is chosen here, by rules that
     * suit real sites, and not by the parser: a byte-order mark (UTF-8, UTF-16BE or UTF-16LE); else
     * the first that decodes without error of the Content-Type header's charset, the document's own
     * {@code declaration}, UTF-8, and GB18030 (which reads GB2312 and GBK: on the Chinese sites read
     * here an undeclared document that is not UTF-8 is GBK). Sites often send GBK under a server
     * default of UTF-8 in the header, with a correct declaration in the document, or declare GB2312
     * and use GBK characters. When no candidate decodes cleanly, the first is used with replacement
     * characters and the result says so. A configured charset overrides all of this.
     *
     * @param contentType the Content-Type header, or null
     * @param override    the configured charset, or null to detect it
     * @param declaration where the document names its charset
     */
    public static Decoded decode(byte[] bytes, String contentType, Charset override, Declaration declaration) {
        if (override != null) {
            return strict(bytes, override).map(t -> new Decoded(t, override, false))
                    .orElseGet(() -> new Decoded(lenient(bytes, override), override, true));
        }
        Optional<Charset> bom = bom(bytes);
        if (bom.isPresent()) {
            return new Decoded(lenient(bytes, bom.get()), bom.get(), false);
        }
        List<Charset> candidates = new ArrayList<>();
        ofContentType(contentType).flatMap(Charsets::forLabel).ifPresent(candidates::add);
        declaration.find(bytes).flatMap(Charsets::forLabel).filter(c -> !candidates.contains(c)).ifPresent(candidates::add);
        for (Charset c : List.of(StandardCharsets.UTF_8, forLabel("gb18030").orElseThrow())) {
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

    private static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            return Optional.of(withoutBom(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString()));
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
