package dev.yuqing.core.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.pii.PiiType;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class InspectionRulesTest {
    static final String INDICATOR = "国办秘函〔2019〕19号";
    private final InspectionRules rules = InspectionRules.standard();
    private final Registry demo = Registry.demo();

    private static Instant china(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }

    @Test
    void everyRuleAndValueIsDescribedAndSaysWhereItComesFrom() {
        assertThat(rules.description()).contains(INDICATOR);
        assertThat(rules.scoring().maxScore()).isEqualTo(100);
        assertThat(rules.scoring().passMark()).isEqualTo(60);
        assertThat(rules.scoring().basis()).contains(INDICATOR).contains("60分").contains("单项否决");
        assertThat(rules.rules()).allSatisfy(r -> {
            assertThat(r.description()).as(r.id()).isNotBlank();
            assertThat(r.basis()).as(r.id()).isNotBlank();
            // A rule either quotes the indicator or says that a value is this project's own.
            assertThat(r.basis().contains(INDICATOR) || r.basis().contains("project default")).as(r.id() + ": " + r.basis()).isTrue();
        });
        // Every veto item but the personal-data one quotes the indicator's own text; that one says whose rule it is.
        assertThat(rules.rules()).filteredOn(r -> r.vetoAt() > 0 && !r.id().equals("personal-data-leak"))
                .allSatisfy(r -> assertThat(r.basis()).as(r.id()).contains(INDICATOR).contains("单项否决"));
        assertThat(rules.rule("personal-data-leak").basis()).contains("issue 5").contains("project's choice");
        // Points that are not the indicator's are marked as such.
        assertThat(rules.rules()).filteredOn(r -> r.points() > 0).allSatisfy(r -> assertThat(r.basis()).as(r.id()).contains("project default"));
        assertThat(rules.freshnessDefaults().values()).allSatisfy(f -> {
            assertThat(f.description()).isNotBlank();
            assertThat(f.basis()).as(f.appliesTo()).contains(INDICATOR);
        });
        assertThat(rules.replyDeadlines().values()).allSatisfy(d -> assertThat(d.basis()).isNotBlank());
        assertThat(rules.replyDeadline("complex").basis()).contains("not from " + INDICATOR);
        assertThat(rules.unanswered().basis()).contains(INDICATOR).contains("3个月");
        assertThat(rules.contentChecks()).allSatisfy(c -> assertThat(c.description() + c.basis()).isNotBlank());
    }

    @Test
    void theVetoItemsAndThresholdsAreThoseOfTheIndicator() {
        assertThat(rules.rule("home-page-stale").vetoAt()).isEqualTo(1);
        assertThat(rules.rule("account-stale").vetoAt()).isEqualTo(1);
        assertThat(rules.rule("column-stale").vetoAt()).isEqualTo(5);
        assertThat(rules.rule("column-overdue").vetoAt()).isEqualTo(10);
        assertThat(rules.rule("message-unanswered").vetoAt()).isEqualTo(1);
        assertThat(rules.rule("expression-error-serious").vetoesAlone()).isTrue();
        assertThat(rules.rule("secret-leak").vetoesAlone()).isTrue();
        assertThat(rules.rule("personal-data-leak").vetoesAlone()).isTrue();
        assertThat(rules.rule("harmful-content").vetoesAlone()).isTrue();
        assertThat(rules.rule("reply-late").vetoAt()).isZero();
        assertThat(rules.rule("reply-late").points()).isPositive();

        var f = rules.freshnessDefaults();
        assertThat(f.get("home-page").limit()).isEqualTo(Span.ofDays(14));
        assertThat(f.get("news").limit()).isEqualTo(Span.ofDays(14));
        assertThat(f.get("dynamic").limit()).isEqualTo(Span.ofDays(14));
        assertThat(f.get("notice").limit()).isEqualTo(Span.ofMonths(6));
        assertThat(f.get("policy").limit()).isEqualTo(Span.ofMonths(6));
        assertThat(f.get("account").limit()).isEqualTo(Span.ofDays(14));
        assertThat(f.get("interaction").limit()).isNull();
        assertThat(f.get("other").limit()).isNull();
        assertThat(f.get("news").warnBefore()).isEqualTo(Span.ofDays(3));
        assertThat(rules.replyDeadline("simple").workingDays()).isEqualTo(5);
        assertThat(rules.replyDeadline(null)).isEqualTo(rules.replyDeadline("simple"));
        assertThat(rules.replyDeadline("unheard-of")).isEqualTo(rules.replyDeadline("simple"));
        assertThat(rules.unanswered().limit()).isEqualTo(Span.ofMonths(3));

        assertThat(rules.rule("site-unreachable").vetoesAlone()).isTrue();
        assertThat(rules.probes().window()).isEqualTo(Span.ofDays(7));
        assertThat(rules.probes().slowMillis()).isEqualTo(15_000);
        assertThat(rules.probes().broken(20, 1)).as("5% of 20, inclusive").isTrue();
        assertThat(rules.probes().broken(21, 1)).isFalse();
        assertThat(rules.probes().broken(19, 19)).as("too few probes to judge").isFalse();
        assertThat(rules.rule("column-blank").vetoAt()).isEqualTo(5);
        assertThat(rules.deadLinkRule(ColumnType.HOME_PAGE).id()).isEqualTo("home-page-link-dead");
        assertThat(rules.deadLinkRule(ColumnType.NOTICE).id()).isEqualTo("link-dead");
        assertThat(rules.rule("link-dead").deduction(9)).isZero();
        assertThat(rules.rule("link-dead").deduction(10)).isEqualTo(1);
        assertThat(rules.rule("link-dead").deduction(500)).isEqualTo(5);
        assertThat(rules.rule("source-not-read").kind().scored()).isFalse();
    }

    @Test
    void refusesScoringAnOperatorsRuleAndABadProbeShare() throws Exception {
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> rule(r, "source-not-read").put("points", 1).put("maxPoints", 1))))
                .hasMessage("inspection rules, rule source-not-read: a source-not-read rule is for operators and is not scored: give neither vetoAt nor points");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> ((ObjectNode) r.get("probes")).put("badShare", 5))))
                .hasMessage("inspection rules, probes: badShare: must be within (0, 1], was 5.0");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> r.remove("sourceHealth"))))
                .hasMessageContaining("sourceHealth");
    }

    @Test
    void givesEachTargetItsFreshnessWithItsOwnPeriodWinning() {
        String site = "site:www.demo.yuqing.invalid";
        assertThat(rules.freshnessFor(demo.get(site).orElseThrow())).as("a site is judged by its columns").isEmpty();
        assertThat(rules.freshnessFor(demo.get(site + "/zmhd").orElseThrow())).as("interaction, no period of its own").isEmpty();
        Freshness home = rules.freshnessFor(demo.get(site + "/index").orElseThrow()).orElseThrow();
        assertThat(home.ruleId()).isEqualTo("home-page-stale");
        assertThat(home.fromRegistry()).isFalse();
        Instant lastUpdate = china("2026-11-02T09:30:00");
        assertThat(home.staleAt(lastUpdate)).isEqualTo(china("2026-11-16T09:30:00"));
        assertThat(home.warnAt(lastUpdate)).contains(china("2026-11-13T09:30:00"));
        Freshness policy = rules.freshnessFor(demo.get(site + "/zcwj").orElseThrow()).orElseThrow();
        assertThat(policy.ruleId()).isEqualTo("column-stale");
        assertThat(policy.staleAt(china("2026-05-31T10:00:00"))).isEqualTo(china("2026-11-30T10:00:00"));
        Freshness personnel = rules.freshnessFor(demo.get(site + "/rsxx").orElseThrow()).orElseThrow();
        assertThat(personnel.limit()).isEqualTo(Span.ofMonths(3));
        assertThat(personnel.ruleId()).isEqualTo("column-overdue");
        assertThat(personnel.fromRegistry()).isTrue();
        assertThat(rules.freshnessFor(demo.get("douyin:示范市文旅").orElseThrow()).orElseThrow().ruleId()).isEqualTo("account-stale");

        // A period shorter than the warning lead gets no warning: it would come at once.
        MonitoredTarget hourly = new MonitoredTarget("weibo:test", "测试", TargetKind.ACCOUNT, null, "单位", Platform.WEIBO, null, null, null,
                Span.parse("PT48H"), false);
        Freshness f = rules.freshnessFor(hourly).orElseThrow();
        assertThat(f.warnBefore()).isNull();
        assertThat(f.warnAt(lastUpdate)).isEmpty();
        assertThat(f.staleAt(lastUpdate)).isEqualTo(lastUpdate.plusSeconds(48 * 3600));

        // Operators learn when a target's own period is laxer than the national one.
        assertThat(rules.laxerThanDefaults(demo)).isEmpty();
        MonitoredTarget lax = new MonitoredTarget(site + "/sfyw", "示范要闻", TargetKind.COLUMN, site, "办公室", null, ColumnType.NEWS,
                null, null, Span.ofMonths(1), false);
        assertThat(rules.laxerThanDefaults(demo.apply(RegistryChange.upsert(lax, lastUpdate))))
                .containsExactly(site + "/sfyw: updatePeriod P1M is longer than the default P14D for news (rule column-stale)");
    }

    @Test
    void replyDeadlinesCountWorkingDaysAndTheUnansweredLimitCalendarMonths() {
        WorkingCalendar calendar = WorkingCalendar.standard();
        var simple = rules.replyDeadline("simple");
        // Asked the Friday before the 2026 Spring Festival holiday (15–23 February; Saturday 14 and 28 worked).
        Instant asked = china("2026-02-13T16:00:00");
        // Sat 14 (make-up) is day 1, then the holiday, then Tue 24 .. Fri 27 are days 2–5.
        assertThat(simple.deadline(asked, calendar)).isEqualTo(china("2026-02-28T00:00:00"));
        assertThat(simple.warnAt(asked, calendar)).contains(china("2026-02-27T00:00:00"));
        var unanswered = rules.unanswered();
        assertThat(unanswered.breachAt(china("2026-08-31T10:00:00"))).isEqualTo(china("2026-11-30T10:00:00"));
        assertThat(unanswered.warnAt(china("2026-08-31T10:00:00"))).contains(china("2026-11-16T10:00:00"));
    }

    @Test
    void namesPersonalDataTypesByTheirCodes() {
        assertThat(PiiType.ID_CARD.code()).isEqualTo("id-card");
        assertThat(InspectionRules.piiType("bank-card")).contains(PiiType.BANK_CARD);
        assertThat(InspectionRules.piiType("BANK_CARD")).as("the constant's name is not its code").isEmpty();
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> ((ArrayNode) r.withArray("content").get(0).withArray("matches")).add("id_card"))))
                .hasMessageContaining("unknown personal-data type 'id_card' (id-card, mobile, bank-card, email, landline, passport)");
    }

    @Test
    void mapsDetectorResultsToContentRules() {
        assertThat(rules.contentRule(FindingKind.PERSONAL_DATA, "id-card")).map(InspectionRule::id).contains("personal-data-leak");
        assertThat(rules.contentRule(FindingKind.PERSONAL_DATA, "mobile")).as("contact numbers are published on purpose").isEmpty();
        assertThat(rules.contentRule(FindingKind.CLASSIFIED, "机密")).map(InspectionRule::id).contains("secret-leak");
        assertThat(rules.contentRule(FindingKind.CLASSIFIED, "内部")).isEmpty();
        assertThat(rules.contentRule(FindingKind.EXPRESSION_ERROR, "name")).map(InspectionRule::id).contains("expression-error-serious");
        assertThat(rules.contentRule(FindingKind.EXPRESSION_ERROR, "typo")).map(InspectionRule::id).contains("expression-error-minor");
        assertThat(rules.contentRule(FindingKind.HARMFUL, "illegal-url")).map(InspectionRule::id).contains("harmful-content");
        assertThat(rules.contentRule(FindingKind.HARMFUL, "spam-ad")).isEmpty();
    }

    @Test
    void rulesCalendarAndRegistrySurviveJavaSerialisationAsFlinkOperatorsShipThem() throws Exception {
        assertThat(roundTrip(demo)).isEqualTo(demo);
        InspectionRules copy = roundTrip(rules);
        assertThat(copy.rules()).isEqualTo(rules.rules());
        assertThat(copy.contentRule(FindingKind.PERSONAL_DATA, "id-card")).map(InspectionRule::id).contains("personal-data-leak");
        assertThat(copy.freshnessFor(demo.get("weibo:示范市发布").orElseThrow())).isEqualTo(rules.freshnessFor(demo.get("weibo:示范市发布").orElseThrow()));
        WorkingCalendar calendar = roundTrip(WorkingCalendar.standard());
        assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2025, 10, 11))).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    /** The bundled file with one change, to check that mistakes are named. */
    static String edited(Consumer<ObjectNode> edit) throws Exception {
        try (InputStream in = InspectionRules.class.getClassLoader().getResourceAsStream(InspectionRules.RESOURCE)) {
            ObjectNode root = (ObjectNode) Json.MAPPER.readTree(in);
            edit.accept(root);
            return Json.MAPPER.writeValueAsString(root);
        }
    }

    static ObjectNode rule(ObjectNode root, String id) {
        for (var r : root.withArray("rules")) {
            if (r.get("id").asText().equals(id)) {
                return (ObjectNode) r;
            }
        }
        throw new IllegalArgumentException(id);
    }

    @Test
    void refusesAFileWithMistakesNamingWhere() throws Exception {
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> rule(r, "column-stale").put("vetoAt", -1))))
                .hasMessage("inspection rules, rule column-stale: vetoAt: must be >= 0, was -1");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> rule(r, "reply-late").put("maxPoints", 0))))
                .hasMessageContaining("rule reply-late: maxPoints 0 is below the 1 points");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> rule(r, "reply-late").remove("basis"))))
                .hasMessageContaining("rule reply-late: basis: required");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> rule(r, "reply-late").put("veto", true))))
                .hasMessageContaining("rule reply-late: veto: unknown field");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> rule(r, "reply-late").remove("points"))))
                .hasMessageContaining("neither vetoes nor deducts");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> ((ObjectNode) r.withArray("freshness").get(3)).put("rule", "reply-late"))))
                .hasMessageContaining("freshness notice: rule: 'reply-late' is a reply-late rule, expected stale");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> ((ObjectNode) r.withArray("freshness").get(1)).put("rule", "news-stale"))))
                .hasMessageContaining("freshness news: rule: no rule 'news-stale'");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> ((ArrayNode) r.withArray("freshness")).remove(4))))
                .hasMessageContaining("no entry for column type policy");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> ((ObjectNode) r.withArray("freshness").get(0)).put("warnBefore", "P14D"))))
                .hasMessageContaining("freshness home-page: warnBefore: P14D is not shorter than the limit P14D");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> ((ObjectNode) r.withArray("freshness").get(0)).put("limit", "two weeks"))))
                .hasMessageContaining("freshness home-page: limit: not a span: 'two weeks'");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> ((ArrayNode) r.withArray("content")).remove(3))))
                .hasMessageContaining("rule expression-error-minor: no freshness, reply, content, links, probes, blankColumns or sourceHealth entry uses it");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> ((ArrayNode) r.withArray("content").get(0).withArray("matches")).add("passport-number"))))
                .hasMessageContaining("unknown personal-data type 'passport-number'");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> ((ArrayNode) r.withArray("content").get(3).withArray("matches")).add("name"))))
                .hasMessageContaining("'name' is already caught by expression-error-serious");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> ((ObjectNode) r.get("replies")).put("defaultClass", "urgent"))))
                .hasMessageContaining("defaultClass 'urgent' is not among the classes");
        assertThatThrownBy(() -> InspectionRules.parse(edited(r -> ((ObjectNode) r.get("scoring")).put("passMark", 160))))
                .hasMessageContaining("passMark must be within 0..100");
    }
}
