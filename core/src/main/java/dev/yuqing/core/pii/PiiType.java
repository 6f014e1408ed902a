package dev.yuqing.core.pii;

/** Kinds of personal data {@link PiiDetector} finds. */
public enum PiiType {
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
    PASSPORT
}
