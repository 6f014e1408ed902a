package dev.yuqing.core.inspection;

/**
 * A registry file or change that cannot be used; names the entry, the field and the reason, so
 * that the person who wrote it (or the dead-letter record of a bad change) says what to fix.
 */
public class InvalidRegistryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String entry;
    private final String field;
    private final String reason;

    /**
     * @param entry the target's id, or its position ({@code targets[3]}) when it has none, or
     *              {@code registry} / {@code change} for the whole record
     */
    public InvalidRegistryException(String entry, String field, String reason) {
        super(entry + ": " + field + ": " + reason);
        this.entry = entry;
        this.field = field;
        this.reason = reason;
    }

    public String entry() {
        return entry;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
