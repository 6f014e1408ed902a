package dev.yuqing.core.pii;

import dev.yuqing.core.Coded;
import java.util.Locale;

/**
 * Kinds of personal data {@link PiiDetector} finds. The {@link #code()} names a type in the
 * inspection rules ({@code id-card}); JSON keeps the constant's name ({@code ID_CARD}), which
 * the enriched posts on Kafka already carry.
 */
public enum PiiType implements Coded {
    /** Mainland resident identity card, 18 digits (or the old 15-digit form). */
    ID_CARD,
    /** Mainland mobile number, 11 digits starting 13-19, optionally with the +86 country code. */
    MOBILE,
    /** Payment card number, 16-19 digits passing the Luhn check. */
    BANK_CARD,
    EMAIL,
    /** Fixed-line number with its area code. */
    LANDLINE,
    /** Chinese ordinary passport number; only reported next to a word such as 护照. */
    PASSPORT;

    /** The name in lower case with dashes: {@code id-card}, {@code bank-card}. */
    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
