package dev.yuqing.core.alert;

import dev.yuqing.core.classified.ClassifiedMarking;
import dev.yuqing.core.harmful.HarmfulCategory;
import dev.yuqing.core.harmful.HarmfulResult;
import dev.yuqing.core.harmful.HarmfulVerdict;
import dev.yuqing.core.pii.PiiMatch;
import dev.yuqing.core.pii.PiiType;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Alerts that a single post raises by its content: harmful information of medium or high
 * severity (spam ads alone raise none), personal data published (identity, bank and passport
 * numbers red, contact details orange; the evidence holds only masked forms) and classification
 * markings (red). Ids are the type and the post id, so a re-analysed post updates its alert
 * instead of raising another.
 */
public final class ContentAlerts {
    private ContentAlerts() {}

    public static List<Alert> of(EnrichedPost enriched) {
        List<Alert> alerts = new ArrayList<>();
        Post p = enriched.post();
        HarmfulResult harmful = enriched.analysis().harmful();
        if (harmful != null && harmful.flagged() && harmful.severity() != HarmfulCategory.Severity.LOW) {
            List<HarmfulVerdict> serious = harmful.verdicts().stream()
                    .filter(v -> v.severity() != HarmfulCategory.Severity.LOW).toList();
            String categories = serious.stream().map(v -> v.category().chinese()).collect(Collectors.joining("、"));
            Set<String> terms = new LinkedHashSet<>();
            serious.forEach(v -> terms.addAll(v.terms()));
            AlertLevel level = harmful.severity() == HarmfulCategory.Severity.HIGH ? AlertLevel.RED : AlertLevel.ORANGE;
            alerts.add(new Alert(AlertType.HARMFUL_CONTENT.code() + ":" + p.id(), AlertType.HARMFUL_CONTENT, level,
                    "疑似违法有害信息（" + categories + "）",
                    source(p) + "发布的内容命中" + categories + "类词语：" + String.join("、", terms),
                    evidence(p, new ArrayList<>(terms)), p.region(), p.account(), p.publishedAt(), p.publishedAt(), 1));
        }
        List<PiiMatch> personal = enriched.analysis().personalData();
        if (!personal.isEmpty()) {
            Set<PiiType> types = new LinkedHashSet<>();
            personal.forEach(m -> types.add(m.type()));
            boolean identifying = types.stream().anyMatch(IDENTIFYING::contains);
            List<String> masked = personal.stream().map(m -> m.type().code() + " " + m.masked()).toList();
            alerts.add(new Alert(AlertType.PERSONAL_DATA.code() + ":" + p.id(), AlertType.PERSONAL_DATA,
                    identifying ? AlertLevel.RED : AlertLevel.ORANGE,
                    "疑似泄露个人信息（" + types.stream().map(ContentAlerts::chinese).collect(Collectors.joining("、")) + "）",
                    source(p) + "发布的内容含有" + personal.size() + "处个人信息，请核实并删除或遮盖",
                    evidence(p, masked), p.region(), p.account(), p.publishedAt(), p.publishedAt(), personal.size()));
        }
        List<ClassifiedMarking> markings = enriched.analysis().classified();
        if (!markings.isEmpty()) {
            List<String> found = markings.stream().map(ClassifiedMarking::marker).distinct().toList();
            alerts.add(new Alert(AlertType.CLASSIFIED_MARKING.code() + ":" + p.id(), AlertType.CLASSIFIED_MARKING, AlertLevel.RED,
                    "疑似涉密信息（" + String.join("、", found) + "）",
                    source(p) + "发布的内容带有密级或内部标志，请立即核实",
                    evidence(p, found), p.region(), p.account(), p.publishedAt(), p.publishedAt(), markings.size()));
        }
        return alerts;
    }

    /** Numbers that identify a person on their own. */
    private static final Set<PiiType> IDENTIFYING = Set.of(PiiType.ID_CARD, PiiType.BANK_CARD, PiiType.PASSPORT);

    private static String chinese(PiiType t) {
        return switch (t) {
            case ID_CARD -> "身份证号";
            case MOBILE -> "手机号";
            case BANK_CARD -> "银行卡号";
            case EMAIL -> "电子邮箱";
            case LANDLINE -> "固定电话";
            case PASSPORT -> "护照号";
        };
    }

    static Alert.Evidence evidence(Post p, List<String> terms) {
        return new Alert.Evidence(List.of(p.id()), p.url() == null ? List.of() : List.of(p.url()), terms);
    }

    static String source(Post p) {
        return p.account() + (p.author() == null ? "" : "（" + p.author() + "）");
    }
}
