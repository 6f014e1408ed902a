package dev.yuqing.core.inspection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.yuqing.core.post.SourceType;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a target publishes. The codes of the platforms the connectors read are those of
 * {@link SourceType}, so a post's {@code source} says which platform it came from; platforms without
 * a connector yet can be registered, but nothing will ever show them updated.
 */
public enum Platform {
    SITE("site", "网站", SourceType.SITE_PAGE),
    WEIBO("weibo", "微博", SourceType.WEIBO),
    WECHAT("wechat", "微信公众号", SourceType.WECHAT),
    DOUYIN("douyin", "抖音", SourceType.DOUYIN),
    TOUTIAO("toutiao", "今日头条", null),
    KUAISHOU("kuaishou", "快手", null),
    OTHER("other", "其他平台", null);

    private final String code;
    private final String chinese;
    private final SourceType publishes;

    Platform(String code, String chinese, SourceType publishes) {
        this.code = code;
        this.chinese = chinese;
        this.publishes = publishes;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    /** The source type of the posts this platform's targets publish, when a connector reads it. */
    public Optional<SourceType> publishes() {
        return Optional.ofNullable(publishes);
    }

    public static Optional<Platform> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    @JsonCreator
    static Platform parse(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown platform '" + code + "' (expected one of " + codes() + ")"));
    }

    public static String codes() {
        return Arrays.stream(values()).map(Platform::code).collect(Collectors.joining(", "));
    }
}
