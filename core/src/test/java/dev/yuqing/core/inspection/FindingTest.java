package dev.yuqing.core.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alert.AlertType;
import dev.yuqing.core.alerting.AlertJson;
import dev.yuqing.core.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTest {
    static final String SITE = "site:www.demo.yuqing.invalid";
    static final Instant T0 = Instant.parse("2026-11-13T01:30:00Z");

    private final InspectionRules rules = InspectionRules.standard();
    private final Registry registry = Registry.demo();

    private Finding homePageWarning() {
        MonitoredTarget home = registry.get(SITE + "/index").orElseThrow();
        return Finding.of(rules.rule("home-page-stale"), home, Finding.Stage.WARNING, "since-2026-11-02T01:30:00Z",
                "首页已11天未更新，3天后超过14天的限值", new Finding.Evidence(List.of(), List.of("https://www.demo.yuqing.invalid/index.html"),
                        List.of(), null), T0);
    }

    @Test
    void takesItsTargetAndRuleDetails() {
        Finding f = homePageWarning();
        assertThat(f.id()).isEqualTo("home-page-stale:" + SITE + "/index:since-2026-11-02T01:30:00Z");
        assertThat(f.scoredId()).isEqualTo(SITE);
        assertThat(f.ownerUnit()).isEqualTo("示范市人民政府办公室");
        assertThat(f.veto()).isTrue();
        assertThat(f.kind()).isEqualTo(FindingKind.STALE);
        assertThat(f.isOpen()).isTrue();
        assertThat(Finding.idOf("reply-late", SITE + "/zmhd", null)).isEqualTo("reply-late:" + SITE + "/zmhd");
    }

    @Test
    void aWarningEscalatesUnderTheSameAlertAndARecoveryIsItsOwnBlueAlert() {
        Finding warning = homePageWarning();
        Alert warned = warning.toAlert();
        assertThat(warned.id()).isEqualTo("inspection:" + warning.id());
        assertThat(warned.type()).isEqualTo(AlertType.INSPECTION);
        assertThat(warned.level()).as("a veto item's warning").isEqualTo(AlertLevel.ORANGE);
        assertThat(warned.title()).isEqualTo("巡检预警：首页不更新（首页）");
        assertThat(warned.summary()).contains("3天后超过14天的限值").contains("责任单位：示范市人民政府办公室");
        assertThat(warned.account()).isEqualTo(SITE + "/index");
        assertThat(warned.region()).isEqualTo("示范市");
        assertThat(warned.evidence().urls()).containsExactly("https://www.demo.yuqing.invalid/index.html");

        Instant breachAt = T0.plusSeconds(3 * 86_400);
        Finding breach = warning.breached(breachAt, "首页已14天未更新", null);
        Alert broken = breach.toAlert();
        assertThat(broken.id()).isEqualTo(warned.id());
        assertThat(broken.level()).isEqualTo(AlertLevel.RED);
        assertThat(broken.title()).startsWith("巡检告警（单项否决）：首页不更新");
        assertThat(broken.firstSeen()).isEqualTo(T0);
        assertThat(broken.lastSeen()).isEqualTo(breachAt);

        Finding fixed = breach.resolved(breachAt.plusSeconds(3600), "首页已恢复更新");
        Alert recovered = fixed.toAlert();
        assertThat(recovered.id()).isEqualTo(warned.id() + ":resolved");
        assertThat(recovered.level()).isEqualTo(AlertLevel.BLUE);
        assertThat(recovered.title()).startsWith("巡检问题已消除");
        assertThat(recovered.lastSeen()).isEqualTo(breachAt.plusSeconds(3600));
    }

    @Test
    void aDeductionItemWarnsYellowAndBreachesOrange() {
        MonitoredTarget zmhd = registry.get(SITE + "/zmhd").orElseThrow();
        Finding warning = Finding.of(rules.rule("reply-late"), zmhd, Finding.Stage.WARNING, "msg-000042", "留言将于明日到期",
                new Finding.Evidence(List.of("citizen-message-000042"), List.of(), List.of(), "尊敬的领导：您好！我是南湖区幸福里小区的居民……"), T0);
        assertThat(warning.toAlert().level()).isEqualTo(AlertLevel.YELLOW);
        Alert breach = warning.breached(T0.plusSeconds(86_400), "留言已超过5个工作日未答复", null).toAlert();
        assertThat(breach.level()).isEqualTo(AlertLevel.ORANGE);
        assertThat(breach.title()).isEqualTo("巡检告警：留言答复超期（政民互动）");
        assertThat(breach.summary()).contains("摘录：尊敬的领导");
        assertThat(breach.evidence().postIds()).containsExactly("citizen-message-000042");
    }

    @Test
    void theBreachEscalatesAWarningStartsAfreshOrStaysAsRaised() {
        MonitoredTarget home = registry.get(SITE + "/index").orElseThrow();
        InspectionRule rule = rules.rule("home-page-stale");
        Finding.Evidence evidence = new Finding.Evidence(List.of(), List.of("https://www.demo.yuqing.invalid/index.html"), List.of(), null);
        Instant breachAt = T0.plusSeconds(3 * 86_400);
        Finding warning = homePageWarning();
        assertThat(Finding.breachDue(null)).isTrue();
        assertThat(Finding.breachDue(warning)).isTrue();

        Finding escalated = Finding.breach(warning, rule, home, "since-2026-11-02T01:30:00Z", "首页已14天未更新", evidence, breachAt);
        assertThat(escalated).isEqualTo(warning.breached(breachAt, "首页已14天未更新", evidence));
        assertThat(escalated.firstSeen()).as("first seen as the warning").isEqualTo(T0);
        assertThat(Finding.breachDue(escalated)).isFalse();

        Finding fresh = Finding.breach(null, rule, home, "since-2026-11-02T01:30:00Z", "首页已14天未更新", evidence, breachAt);
        assertThat(fresh).isEqualTo(Finding.of(rule, home, Finding.Stage.BREACH, "since-2026-11-02T01:30:00Z", "首页已14天未更新", evidence, breachAt));
        assertThat(fresh.id()).isEqualTo(warning.id());

        assertThat(Finding.breach(escalated, rule, home, "since-2026-11-02T01:30:00Z", "其他", evidence, breachAt.plusSeconds(60)))
                .as("raised already: left as it is").isSameAs(escalated);
    }

    @Test
    void itsAlertIsOneTheAlertJobReads() throws Exception {
        Alert a = homePageWarning().toAlert();
        String json = new String(a.toJson(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"type\":\"inspection\"");
        assertThat(AlertJson.read(a.toJson())).isEqualTo(a);
    }

    @Test
    void travelsAsJsonAndBack() throws Exception {
        Finding f = homePageWarning().breached(T0.plusSeconds(60), null, null).resolved(T0.plusSeconds(120), "已恢复");
        byte[] json = Json.MAPPER.writeValueAsBytes(f);
        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).contains("\"stage\":\"breach\"", "\"kind\":\"stale\"")
                .doesNotContain("\"open\"");
        assertThat(Json.MAPPER.readValue(json, Finding.class)).isEqualTo(f);
    }

    @Test
    void keepsOnlyAShortExcerpt() {
        Finding.Evidence e = new Finding.Evidence(null, null, null, "长".repeat(500));
        assertThat(e.excerpt()).hasSize(Finding.MAX_EXCERPT).endsWith("…");
        assertThat(e.postIds()).isEmpty();
    }
}
