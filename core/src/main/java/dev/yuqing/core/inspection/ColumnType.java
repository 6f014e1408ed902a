package dev.yuqing.core.inspection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.yuqing.core.Coded;
import java.util.Optional;

/**
 * The kinds of site column the national checks tell apart, because they allow them different
 * freshness: the home page and news or dynamic columns two weeks, notice and policy columns six
 * months (国办秘函〔2019〕19号, 单项否决 "首页不更新" and "栏目不更新"). Interaction columns are judged
 * by their replies; other columns only by a period the registry gives them.
 */
public enum ColumnType implements Coded {
    HOME_PAGE("home-page", "首页"),
    NEWS("news", "要闻"),
    DYNAMIC("dynamic", "动态"),
    NOTICE("notice", "通知公告"),
    POLICY("policy", "政策文件"),
    INTERACTION("interaction", "互动交流"),
    OTHER("other", "其他栏目");

    private final String code;
    private final String chinese;

    ColumnType(String code, String chinese) {
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

    public static Optional<ColumnType> fromCode(String code) {
        return Coded.find(ColumnType.class, code);
    }

    @JsonCreator
    static ColumnType parse(String code) {
        return Coded.parse(ColumnType.class, code, "column type");
    }

    public static String codes() {
        return Coded.codes(ColumnType.class);
    }
}
