package dev.yuqing.core.inspection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.yuqing.core.Coded;
import java.util.Optional;

/** What kind of problem an inspection finding is; each rule names one. */
public enum FindingKind implements Coded {
    /** A home page, column or account silent past its limit. */
    STALE("stale", "更新不及时"),
    /** A citizen message not answered within its deadline in working days. */
    REPLY_LATE("reply-late", "留言答复超期"),
    /** A citizen message left without any answer for months. */
    UNANSWERED("unanswered", "留言长期未回应"),
    /** Personal data published without masking. */
    PERSONAL_DATA("personal-data", "泄露个人信息"),
    /** A classification marking on a publication. */
    CLASSIFIED("classified", "疑似泄露国家秘密"),
    /** A wrong official name, term or wording, or a typo. */
    EXPRESSION_ERROR("expression-error", "表述错误"),
    /** Harmful content or a link to it. */
    HARMFUL("harmful", "有害信息"),
    /** A link on a monitored page that does not open (首页链接不可用 / 其他页面链接不可用). */
    DEAD_LINK("dead-link", "链接不可用"),
    /** A site's home page failing or too slow in too many of a week's probes. */
    UNREACHABLE("unreachable", "站点无法访问"),
    /** A registered column with nothing in it (空白栏目). */
    BLANK_COLUMN("blank-column", "空白栏目"),
    /**
     * The connector reading a column or account is failing or silent: a problem of this system,
     * for its operators, not of the site; never scored.
     */
    SOURCE_NOT_READ("source-not-read", "数据源未读取", false);

    private final String code;
    private final String chinese;
    private final boolean scored;

    FindingKind(String code, String chinese) {
        this(code, chinese, true);
    }

    FindingKind(String code, String chinese, boolean scored) {
        this.code = code;
        this.chinese = chinese;
        this.scored = scored;
    }

    /** Whether findings of this kind count towards a site's or account's score; those that do not are for operators. */
    public boolean scored() {
        return scored;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<FindingKind> fromCode(String code) {
        return Coded.find(FindingKind.class, code);
    }

    @JsonCreator
    static FindingKind parse(String code) {
        return Coded.parse(FindingKind.class, code, "finding kind");
    }

    public static String codes() {
        return Coded.codes(FindingKind.class);
    }
}
