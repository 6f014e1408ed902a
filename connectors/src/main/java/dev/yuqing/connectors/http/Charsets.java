package dev.yuqing.connectors.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Charset names as web sources write them. */
public final class Charsets {
    /**
     * Labels that browsers decode as GB18030 (WHATWG Encoding Standard): Chinese sites that declare
     * GB2312 routinely send GBK characters, which a strict GB2312 decoder refuses.
     */
    private static final Set<String> GB_LABELS = Set.of("gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936",
            "gb_2312", "gb_2312-80", "csgb2312", "chinese", "iso-ir-58", "euc-cn", "gb18030");
    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)\"?", Pattern.CASE_INSENSITIVE);

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
}
