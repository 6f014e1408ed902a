package dev.yuqing.core.inspection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.yuqing.core.Coded;
import dev.yuqing.core.post.SourceType;
import java.util.Optional;

/**
 * Where a target publishes. The codes of the platforms the connectors read are those of
 * {@link SourceType}, so a post's {@code source} says which platform it came from; platforms without
 * a connector yet can be registered, but nothing will ever show them updated.
 */
public enum Platform implements Coded {
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
    @Override
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
        return Coded.find(Platform.class, code);
    }

    @JsonCreator
    static Platform parse(String code) {
        return Coded.parse(Platform.class, code, "platform");
    }

    public static String codes() {
        return Coded.codes(Platform.class);
    }
}
