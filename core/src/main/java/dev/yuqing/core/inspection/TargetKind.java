package dev.yuqing.core.inspection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.yuqing.core.Coded;
import java.util.Optional;

/**
 * What a monitored target is. Sites and new-media accounts are what the national checks score; a
 * column belongs to a site, and its findings count towards its site's score.
 */
public enum TargetKind implements Coded {
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
    @Override
    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<TargetKind> fromCode(String code) {
        return Coded.find(TargetKind.class, code);
    }

    @JsonCreator
    static TargetKind parse(String code) {
        return Coded.parse(TargetKind.class, code, "kind");
    }

    public static String codes() {
        return Coded.codes(TargetKind.class);
    }
}
