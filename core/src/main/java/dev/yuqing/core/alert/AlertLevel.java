package dev.yuqing.core.alert;

import com.fasterxml.jackson.annotation.JsonValue;

/** Warning levels 蓝 / 黄 / 橙 / 红, lowest to highest. */
public enum AlertLevel {
    BLUE("blue", "蓝"),
    YELLOW("yellow", "黄"),
    ORANGE("orange", "橙"),
    RED("red", "红");

    private final String code;
    private final String chinese;

    AlertLevel(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }
}
