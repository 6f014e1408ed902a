package dev.yuqing.core.harmful;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of illegal and harmful information (违法有害信息) the detector looks for. */
public enum HarmfulCategory {
    FRAUD("fraud", "诈骗", Severity.HIGH),
    GAMBLING("gambling", "赌博", Severity.HIGH),
    PORNOGRAPHY("pornography", "色情", Severity.HIGH),
    DRUGS("drugs", "毒品", Severity.HIGH),
    TERRORISM("terrorism", "暴恐", Severity.HIGH),
    WEAPONS("weapons", "涉枪涉爆", Severity.HIGH),
    ABUSE("abuse", "辱骂", Severity.MEDIUM),
    ILLEGAL_URL("illegal-url", "非法网址", Severity.MEDIUM),
    SPAM_AD("spam-ad", "广告", Severity.LOW);

    /** How urgently a hit needs a person. */
    public enum Severity { LOW, MEDIUM, HIGH }

    private final String code;
    private final String chinese;
    private final Severity severity;

    HarmfulCategory(String code, String chinese, Severity severity) {
        this.code = code;
        this.chinese = chinese;
        this.severity = severity;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public Severity severity() {
        return severity;
    }

    public static Optional<HarmfulCategory> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
