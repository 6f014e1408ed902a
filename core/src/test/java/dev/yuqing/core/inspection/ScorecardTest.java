package dev.yuqing.core.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardTest {
    static final String SITE = "site:www.demo.yuqing.invalid";
    static final Instant T0 = Instant.parse("2026-11-16T01:00:00Z");
    static final Instant LATER = Instant.parse("2026-11-20T01:00:00Z");

    private final InspectionRules rules = InspectionRules.standard();
    private final Registry registry = Registry.demo().apply(RegistryChange.upsert(new MonitoredTarget(SITE + "/qxdt", "区县动态",
            TargetKind.COLUMN, SITE, "示范市人民政府办公室", null, ColumnType.DYNAMIC, "示范市", null, null, false), T0));

    private MonitoredTarget target(String id) {
        return registry.get(id).orElseThrow();
    }

    private Finding breach(String ruleId, String targetId, String subject) {
        return Finding.of(rules.rule(ruleId), target(targetId), Finding.Stage.BREACH, subject, "测试", Finding.Evidence.none(), T0);
    }

    private List<Finding> staleColumns(String... columns) {
        List<Finding> out = new ArrayList<>();
        for (String c : columns) {
            out.add(breach("column-stale", SITE + "/" + c, "since-2026-10-01"));
        }
        return out;
    }

    @Test
    void aTargetWithoutFindingsHasFullMarks() {
        Scorecard s = Scorecard.compute(SITE, List.of(), rules, LATER);
        assertThat(s.score()).isEqualTo(100);
        assertThat(s.passed()).isTrue();
        assertThat(s.vetoed()).isFalse();
        assertThat(s.lines()).isEmpty();
    }

    @Test
    void staleColumnsDeductPointsUpToTheItemsCapAndFiveOfThemFailTheSite() {
        Scorecard four = Scorecard.compute(SITE, staleColumns("sfyw", "bmdt", "tzgg", "zcwj"), rules, LATER);
        assertThat(four.score()).isEqualTo(80);
        assertThat(four.vetoed()).isFalse();
        assertThat(four.passed()).isTrue();
        assertThat(four.lines()).singleElement().satisfies(l -> {
            assertThat(l.ruleId()).isEqualTo("column-stale");
            assertThat(l.findings()).isEqualTo(4);
            assertThat(l.deducted()).isEqualTo(20);
            assertThat(l.veto()).isFalse();
        });

        Scorecard five = Scorecard.compute(SITE, staleColumns("sfyw", "bmdt", "tzgg", "zcwj", "qxdt"), rules, LATER);
        assertThat(five.vetoed()).isTrue();
        assertThat(five.passed()).isFalse();
        assertThat(five.score()).as("the points are capped at the item's 20").isEqualTo(80);
        assertThat(five.vetoes()).containsExactly("column-stale");
    }

    @Test
    void aSingleVetoFindingFailsWhateverThePoints() {
        Scorecard s = Scorecard.compute("weibo:南湖区发布", List.of(breach("account-stale", "weibo:南湖区发布", "since-2026-10-20")), rules, LATER);
        assertThat(s.score()).isEqualTo(100);
        assertThat(s.vetoed()).isTrue();
        assertThat(s.passed()).isFalse();
        assertThat(s.vetoes()).containsExactly("account-stale");

        Scorecard leak = Scorecard.compute(SITE, List.of(breach("personal-data-leak", SITE + "/tzgg", "site-page-000123")), rules, LATER);
        assertThat(leak.passed()).isFalse();
        assertThat(leak.vetoes()).containsExactly("personal-data-leak");
    }

    @Test
    void warningsNeverCountAndResolvedFindingsStopCountingUnlessTheRuleLooksBack() {
        Finding warning = Finding.of(rules.rule("home-page-stale"), target(SITE + "/index"), Finding.Stage.WARNING, "since-2026-11-02",
                "还有3天超期", Finding.Evidence.none(), T0);
        assertThat(Scorecard.compute(SITE, List.of(warning), rules, LATER).passed()).isTrue();

        // A stale home page counts while stale; once it updates it no longer does, but it did before.
        Finding home = warning.breached(T0.plusSeconds(3 * 86_400), "已14天未更新", null);
        Instant updated = Instant.parse("2026-11-25T01:00:00Z");
        Finding fixed = home.resolved(updated, "已恢复更新");
        assertThat(Scorecard.compute(SITE, List.of(fixed), rules, Instant.parse("2026-11-24T01:00:00Z")).vetoed()).isTrue();
        assertThat(Scorecard.compute(SITE, List.of(fixed), rules, Instant.parse("2026-11-26T01:00:00Z")).vetoed()).isFalse();

        // A late reply keeps costing its point for a year after it was raised, answered or not
        // (the indicator looks back over the year before the check).
        Finding late = breach("reply-late", SITE + "/zmhd", "msg-000042").resolved(LATER, "已答复（超期3个工作日）");
        assertThat(Scorecard.compute(SITE, List.of(late), rules, Instant.parse("2027-10-16T01:00:00Z")).score()).isEqualTo(99);
        assertThat(Scorecard.compute(SITE, List.of(late), rules, Instant.parse("2027-11-17T01:00:00Z")).score()).isEqualTo(100);
        // Nor does a finding count before it was first seen.
        assertThat(Scorecard.compute(SITE, List.of(late), rules, T0.minusSeconds(1)).score()).isEqualTo(100);
    }

    @Test
    void eachRuleDeductsNoMoreThanItsCapAndRepeatsCountOnce() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            findings.add(breach("reply-late", SITE + "/zmhd", "msg-" + i));
        }
        findings.add(breach("reply-late", SITE + "/zmhd", "msg-0").seenAgain(LATER)); // the same finding again
        findings.add(breach("expression-error-minor", SITE + "/sfyw", "site-page-7"));
        Scorecard s = Scorecard.compute(SITE, findings, rules, LATER);
        assertThat(s.lines()).extracting(Scorecard.Line::ruleId, Scorecard.Line::findings, Scorecard.Line::deducted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reply-late", 12, 10),
                        org.assertj.core.groups.Tuple.tuple("expression-error-minor", 1, 1));
        assertThat(s.score()).isEqualTo(89);
        assertThat(s.passed()).isTrue();
    }

    @Test
    void belowThePassMarkFailsWithoutAVeto() throws Exception {
        // The default deductions cannot take a site below 60 on their own (the indicator's other
        // deduction items, availability or services, are not checked here), so raise the points.
        InspectionRules strict = InspectionRules.parse(InspectionRulesTest.edited(r ->
                InspectionRulesTest.rule(r, "reply-late").put("points", 5).put("maxPoints", 50)));
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            findings.add(Finding.of(strict.rule("reply-late"), target(SITE + "/zmhd"), Finding.Stage.BREACH, "msg-" + i, "超期",
                    Finding.Evidence.none(), T0));
        }
        Scorecard atTheMark = Scorecard.compute(SITE, findings, strict, LATER);
        assertThat(atTheMark.score()).isEqualTo(60);
        assertThat(atTheMark.passed()).isTrue();
        findings.add(Finding.of(strict.rule("reply-late"), target(SITE + "/zmhd"), Finding.Stage.BREACH, "msg-8", "超期",
                Finding.Evidence.none(), T0));
        Scorecard below = Scorecard.compute(SITE, findings, strict, LATER);
        assertThat(below.score()).isEqualTo(55);
        assertThat(below.vetoed()).isFalse();
        assertThat(below.passed()).isFalse();
    }

    @Test
    void findingsOfRulesNoLongerConfiguredAreListedNotCounted() {
        Finding old = new Finding("retired-rule:" + SITE, "retired-rule", FindingKind.STALE, Finding.Stage.BREACH, "旧规则", SITE, "网站",
                SITE, "办公室", null, true, 0, null, null, T0, T0, null);
        Scorecard s = Scorecard.compute(SITE, List.of(old), rules, LATER);
        assertThat(s.passed()).isTrue();
        assertThat(s.unknownRules()).containsExactly(old.id());
        assertThatThrownBy(() -> Scorecard.compute("weibo:示范市发布", staleColumns("sfyw"), rules, LATER))
                .hasMessageContaining("counts towards " + SITE);
    }

    @Test
    void deadLinksOnTheHomePageCostAPointEachAndElsewhereAPointPerTenLinks() {
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            found.add(breach("home-page-link-dead", SITE + "/index", "https://www.demo.yuqing.invalid/a" + i));
        }
        for (int i = 0; i < 19; i++) {
            found.add(breach("link-dead", SITE + "/tzgg", "https://www.demo.yuqing.invalid/b" + i));
        }
        Scorecard s = Scorecard.compute(SITE, found, rules, LATER);
        assertThat(s.lines()).extracting(Scorecard.Line::ruleId, Scorecard.Line::findings, Scorecard.Line::deducted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("home-page-link-dead", 2, 2),
                        org.assertj.core.groups.Tuple.tuple("link-dead", 19, 1)); // 1.9 points, counted as whole tens
        assertThat(s.score()).isEqualTo(97);
        assertThat(s.vetoed()).isFalse();
    }

    @Test
    void fiveBlankColumnsFailTheSiteAndAnUnreadSourceIsNotScored() {
        List<Finding> found = new ArrayList<>();
        for (String c : List.of("sfyw", "bmdt", "tzgg", "zcwj")) {
            found.add(breach("column-blank", SITE + "/" + c, null));
        }
        found.add(breach("source-not-read", SITE + "/sfyw", "2026-11-15T00:00:00Z"));
        Scorecard four = Scorecard.compute(SITE, found, rules, LATER);
        assertThat(four.vetoed()).isFalse();
        assertThat(four.score()).isEqualTo(80);
        assertThat(four.lines()).extracting(Scorecard.Line::ruleId).containsExactly("column-blank");
        assertThat(four.unknownRules()).isEmpty();
        found.add(breach("column-blank", SITE + "/qxdt", null));
        assertThat(Scorecard.compute(SITE, found, rules, LATER).vetoes()).containsExactly("column-blank");
        assertThat(found.get(4).toAlert().type()).isEqualTo(dev.yuqing.core.alert.AlertType.SOURCE_HEALTH);
        assertThat(found.get(4).toAlert().id()).startsWith("source-health:source-not-read:");
    }
}
