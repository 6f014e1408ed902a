package dev.yuqing.core.post;

/** A record that cannot become a {@link Post}; names the field and the reason. */
public class InvalidPostException extends Exception {
    private final String field;
    private final String reason;

    public InvalidPostException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
