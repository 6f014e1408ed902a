package dev.yuqing.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.analysis.PostAnalyzer;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.SourceType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContentAlertsTest {
    private static PostAnalyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = PostAnalyzer.standard();
    }

    private static List<Alert> alertsFor(String text) {
        Post p = new Post("c-1", SourceType.SITE_COMMENT, "site:x", "访客", "https://x.example/c-1", null, text,
                Instant.parse("2026-11-20T00:00:00Z"), null, "南湖区", null, null, null);
        return ContentAlerts.of(new EnrichedPost(p, analyzer.analyze(p), Instant.now()));
    }

    @Test
    void harmfulContentRaisesOneRedAlertWithEvidence() {
        List<Alert> alerts = alertsFor("招兼职：日结刷单，刷单返利，加群详谈");
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("harmful-content:c-1");
            assertThat(a.type()).isEqualTo(AlertType.HARMFUL_CONTENT);
            assertThat(a.level()).isEqualTo(AlertLevel.RED);
            assertThat(a.title()).contains("诈骗");
            assertThat(a.evidence().postIds()).containsExactly("c-1");
            assertThat(a.evidence().urls()).containsExactly("https://x.example/c-1");
            assertThat(a.evidence().terms()).contains("刷单返利", "日结刷单");
            assertThat(a.region()).isEqualTo("南湖区");
        });
    }

    @Test
    void personalDataRaisesAnAlertWithOnlyMaskedEvidence() {
        List<Alert> alerts = alertsFor("公示：张三，身份证号11010519491231002X，联系电话13812345678。");
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.PERSONAL_DATA);
            assertThat(a.level()).isEqualTo(AlertLevel.RED);
            assertThat(a.title()).contains("身份证号", "手机号");
            assertThat(a.count()).isEqualTo(2);
            assertThat(a.evidence().terms()).as("each match as its type's code and masked form")
                    .hasSize(2).allMatch(t -> t.startsWith("id-card ") || t.startsWith("mobile "));
            assertThat(new String(a.toJson(), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain("11010519491231002X").doesNotContain("13812345678");
        });
        assertThat(alertsFor("如有疑问请拨打13812345678咨询。")).singleElement()
                .satisfies(a -> assertThat(a.level()).isEqualTo(AlertLevel.ORANGE));
    }

    @Test
    void classifiedMarkingsRaiseARedAlert() {
        List<Alert> alerts = alertsFor("机密★1年\n关于调整干部任免的通知");
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.CLASSIFIED_MARKING);
            assertThat(a.level()).isEqualTo(AlertLevel.RED);
            assertThat(a.evidence().terms()).containsExactly("机密★1年");
        });
        assertThat(alertsFor("揭开宇宙的秘密，保守国家秘密是公民的义务。")).isEmpty();
    }

    @Test
    void cleanTextAndSpamAdsAloneRaiseNone() {
        assertThat(alertsFor("南湖区供水管网改造完成，明日起恢复供水。")).isEmpty();
    }
}
