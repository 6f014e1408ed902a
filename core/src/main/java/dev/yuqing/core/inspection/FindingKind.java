package dev.yuqing.core.inspection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What kind of problem an inspection finding is; each rule names one. */
public enum FindingKind {
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
    HARMFUL("harmful", "有害信息");

    private final String code;
    private final String chinese;

    FindingKind(String code, String chinese) {
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

    public static Optional<FindingKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    @JsonCreator
    static FindingKind parse(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown finding kind '" + code + "' (expected one of " + codes() + ")"));
    }

    public static String codes() {
        return Arrays.stream(values()).map(FindingKind::code).collect(Collectors.joining(", "));
    }
}
