package dev.yuqing.core.post;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a post came from. The code is what travels in JSON and is indexed. */
public enum SourceType {
    WEIBO("weibo"),
    WECHAT("wechat"),
    DOUYIN("douyin"),
    SITE_COMMENT("site-comment"),
    CITIZEN_MESSAGE("citizen-message"),
    SITE_PAGE("site-page");

    private final String code;

    SourceType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<SourceType> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    @JsonCreator
    static SourceType parse(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown source '" + code + "' (expected one of " + codes() + ")"));
    }

    public static String codes() {
        return Arrays.stream(values()).map(SourceType::code).collect(Collectors.joining(", "));
    }
}
