package dev.yuqing.core.alert;

import com.fasterxml.jackson.annotation.JsonValue;

/** What raised an alert. */
public enum AlertType {
    HARMFUL_CONTENT("harmful-content"),
    PERSONAL_DATA("personal-data"),
    CLASSIFIED_MARKING("classified-marking"),
    /** An event whose volume, growth, negative share, harmful share or reach reaches a warning level. */
    BURST("burst"),
    /** An event or account whose share of negative posts rises well above its baseline. */
    NEGATIVE_SURGE("negative-surge"),
    /**
     * A finding of the inspection of sites, columns and accounts (stale targets, overdue citizen
     * messages, leaks and errors in official publications); {@code inspection:<finding id>}.
     */
    INSPECTION("inspection"),
    /**
     * The system needs an operator, not a handler: its setup has run out (a working calendar past
     * its end); {@code operations:<what>:<detail>}.
     */
    OPERATIONS("operations"),
    /**
     * A column's or account's source is not being read (its connector failing, paused or silent):
     * for the operators of this system, not the site's editors; {@code source-health:<finding id>}.
     */
    SOURCE_HEALTH("source-health");

    private final String code;

    AlertType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
