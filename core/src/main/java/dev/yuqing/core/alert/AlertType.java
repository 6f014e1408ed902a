package dev.yuqing.core.alert;

import com.fasterxml.jackson.annotation.JsonValue;

/** What raised an alert. Trend and inspection alerts join as their issues land. */
public enum AlertType {
    HARMFUL_CONTENT("harmful-content"),
    PERSONAL_DATA("personal-data"),
    CLASSIFIED_MARKING("classified-marking");

    private final String code;

    AlertType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
