package dev.yuqing.core.alert;

import dev.yuqing.core.harmful.HarmfulCategory;
import dev.yuqing.core.harmful.HarmfulResult;
import dev.yuqing.core.harmful.HarmfulVerdict;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Alerts that a single post raises by its content: harmful information of medium or high
 * severity (spam ads alone raise none). Ids are the type and the post id, so a re-analysed post
 * updates its alert instead of raising another.
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
        return alerts;
    }

    static Alert.Evidence evidence(Post p, List<String> terms) {
        return new Alert.Evidence(List.of(p.id()), p.url() == null ? List.of() : List.of(p.url()), terms);
    }

    static String source(Post p) {
        return p.account() + (p.author() == null ? "" : "（" + p.author() + "）");
    }
}
