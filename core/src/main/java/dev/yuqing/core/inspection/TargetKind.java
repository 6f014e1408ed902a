package dev.yuqing.core.inspection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a monitored target is. Sites and new-media accounts are what the national checks score; a
 * column belongs to a site, and its findings count towards its site's score.
 */
public enum TargetKind {
    SITE("site", "政府网站"),
    COLUMN("column", "网站栏目"),
    ACCOUNT("account", "政务新媒体账号");

    private final String code;
    private final String chinese;

    TargetKind(String code, String chinese) {
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

    public static Optional<TargetKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    @JsonCreator
    static TargetKind parse(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown kind '" + code + "' (expected one of " + codes() + ")"));
    }

    public static String codes() {
        return Arrays.stream(values()).map(TargetKind::code).collect(Collectors.joining(", "));
    }
}
