package dev.yuqing.core.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.post.Engagement;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.SourceType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryTest {
    static final String SITE = "site:www.demo.yuqing.invalid";
    static final Instant AT = Instant.parse("2026-11-20T02:00:00Z");

    private final Registry demo = Registry.demo();

    static MonitoredTarget column(String id, ColumnType type) {
        return new MonitoredTarget(id, "栏目" + id, TargetKind.COLUMN, SITE, "示范市人民政府办公室", null, type, "示范市", null, null, false);
    }

    static MonitoredTarget account(String id, Platform platform) {
        return new MonitoredTarget(id, id, TargetKind.ACCOUNT, null, "示范市人民政府新闻办公室", platform, null, "示范市", null, null, false);
    }

    @Test
    void theDemoRegistryHasASiteWithColumnsOfEveryTypeAndTheDemoAccounts() {
        assertThat(demo.get(SITE)).hasValueSatisfying(s -> {
            assertThat(s.kind()).isEqualTo(TargetKind.SITE);
            assertThat(s.platform()).isEqualTo(Platform.SITE);
        });
        assertThat(demo.columnsOf(SITE)).extracting(MonitoredTarget::columnType).containsExactlyInAnyOrder(ColumnType.values());
        // The accounts the demo scenario posts from must be registered, or the demo cannot show their inspection.
        assertThat(demo.get("weibo:示范市发布")).hasValueSatisfying(a -> assertThat(a.platform()).isEqualTo(Platform.WEIBO));
        assertThat(demo.get("wechat:示范市政务服务")).hasValueSatisfying(a -> assertThat(a.platform()).isEqualTo(Platform.WECHAT));
        assertThat(demo.get("douyin:示范市文旅")).hasValueSatisfying(a -> assertThat(a.platform()).isEqualTo(Platform.DOUYIN));
        assertThat(demo.get(SITE + "/tzgg")).hasValueSatisfying(c -> assertThat(c.columnType()).isEqualTo(ColumnType.NOTICE));
        assertThat(demo.get(SITE + "/zmhd")).hasValueSatisfying(c -> assertThat(c.columnType()).isEqualTo(ColumnType.INTERACTION));
        assertThat(demo.get(SITE + "/rsxx").orElseThrow().updatePeriod()).isEqualTo(Span.ofMonths(3));
        assertThat(demo.get(SITE + "/tzgg").orElseThrow().scoredId()).isEqualTo(SITE);
        assertThat(demo.get("weibo:南湖区发布").orElseThrow().scoredId()).isEqualTo("weibo:南湖区发布");
    }

    @Test
    void writesAndReadsBackTheSameRegistry() {
        assertThat(Registry.parse(demo.toJson())).isEqualTo(demo);
        assertThat(new String(demo.toJson(), StandardCharsets.UTF_8)).contains("\"columnType\" : \"home-page\"").doesNotContain("null");
    }

    static String registry(String... targets) {
        return "{\"targets\": [" + String.join(",", targets) + "]}";
    }

    static final String SITE_JSON = "{\"id\":\"s\",\"name\":\"站\",\"kind\":\"site\",\"ownerUnit\":\"办公室\"}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no id                 | {\"name\":\"n\",\"kind\":\"site\",\"ownerUnit\":\"u\"}                                   | targets[1] | id",
            "unknown field         | {\"id\":\"c\",\"name\":\"n\",\"kind\":\"column\",\"siteId\":\"s\",\"ownerUnit\":\"u\",\"columntype\":\"news\"} | c | columntype",
            "unknown kind          | {\"id\":\"c\",\"name\":\"n\",\"kind\":\"page\",\"ownerUnit\":\"u\"}                         | c | kind",
            "no owner unit         | {\"id\":\"c\",\"name\":\"n\",\"kind\":\"column\",\"siteId\":\"s\",\"columnType\":\"news\"} | c | ownerUnit",
            "column without site   | {\"id\":\"c\",\"name\":\"n\",\"kind\":\"column\",\"ownerUnit\":\"u\",\"columnType\":\"news\"} | c | siteId",
            "column of no site     | {\"id\":\"c\",\"name\":\"n\",\"kind\":\"column\",\"siteId\":\"x\",\"ownerUnit\":\"u\",\"columnType\":\"news\"} | c | siteId",
            "column without type   | {\"id\":\"c\",\"name\":\"n\",\"kind\":\"column\",\"siteId\":\"s\",\"ownerUnit\":\"u\"}      | c | columnType",
            "unknown column type   | {\"id\":\"c\",\"name\":\"n\",\"kind\":\"column\",\"siteId\":\"s\",\"ownerUnit\":\"u\",\"columnType\":\"blog\"} | c | columnType",
            "zero period           | {\"id\":\"c\",\"name\":\"n\",\"kind\":\"column\",\"siteId\":\"s\",\"ownerUnit\":\"u\",\"columnType\":\"news\",\"updatePeriod\":\"P0D\"} | c | updatePeriod",
            "negative period       | {\"id\":\"c\",\"name\":\"n\",\"kind\":\"column\",\"siteId\":\"s\",\"ownerUnit\":\"u\",\"columnType\":\"news\",\"updatePeriod\":\"-P3D\"} | c | updatePeriod",
            "account on a site     | {\"id\":\"a\",\"name\":\"n\",\"kind\":\"account\",\"ownerUnit\":\"u\",\"platform\":\"site\"} | a | platform",
            "account no platform   | {\"id\":\"a\",\"name\":\"n\",\"kind\":\"account\",\"ownerUnit\":\"u\"}                      | a | platform",
            "unknown platform      | {\"id\":\"a\",\"name\":\"n\",\"kind\":\"account\",\"ownerUnit\":\"u\",\"platform\":\"myspace\"} | a | platform",
            "account in a site     | {\"id\":\"a\",\"name\":\"n\",\"kind\":\"account\",\"ownerUnit\":\"u\",\"platform\":\"weibo\",\"siteId\":\"s\"} | a | siteId",
            "site with a period    | {\"id\":\"t\",\"name\":\"n\",\"kind\":\"site\",\"ownerUnit\":\"u\",\"updatePeriod\":\"P14D\"} | t | updatePeriod",
            "id with a space       | {\"id\":\"a b\",\"name\":\"n\",\"kind\":\"site\",\"ownerUnit\":\"u\"}                        | a b | id",
            "bad url               | {\"id\":\"t\",\"name\":\"n\",\"kind\":\"site\",\"ownerUnit\":\"u\",\"url\":\"ftp://x\"}     | t | url",
            "duplicate id          | {\"id\":\"s\",\"name\":\"n\",\"kind\":\"site\",\"ownerUnit\":\"u\"}                          | s | id",
    })
    void refusesAnEntryNamingItAndTheField(String name, String entry, String expectedEntry, String field) {
        assertThatThrownBy(() -> Registry.parse(registry(SITE_JSON, entry)))
                .isInstanceOfSatisfying(InvalidRegistryException.class, e -> {
                    assertThat(e.entry()).isEqualTo(expectedEntry);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(expectedEntry + ": " + field + ": ");
                });
    }

    @Test
    void refusesTwoHomePagesAndAColumnOfAnAccount() {
        String home = "{\"id\":\"h%d\",\"name\":\"首页\",\"kind\":\"column\",\"siteId\":\"s\",\"ownerUnit\":\"u\",\"columnType\":\"home-page\"}";
        assertThatThrownBy(() -> Registry.parse(registry(SITE_JSON, home.formatted(1), home.formatted(2))))
                .hasMessage("h2: columnType: site 's' already has home page 'h1'");
        assertThatThrownBy(() -> Registry.parse(registry(
                "{\"id\":\"a\",\"name\":\"n\",\"kind\":\"account\",\"ownerUnit\":\"u\",\"platform\":\"weibo\"}",
                "{\"id\":\"c\",\"name\":\"n\",\"kind\":\"column\",\"siteId\":\"a\",\"ownerUnit\":\"u\",\"columnType\":\"news\"}")))
                .hasMessage("c: siteId: 'a' is a account, not a site");
        assertThatThrownBy(() -> Registry.parse("{\"sites\": []}")).hasMessageContaining("registry: sites: unknown field");
        assertThatThrownBy(() -> Registry.parse("[]")).hasMessageContaining("not a JSON object");
    }

    static final String HOME_JSON = "{\"id\":\"h\",\"name\":\"首页\",\"kind\":\"column\",\"siteId\":\"s\",\"ownerUnit\":\"u\",\"columnType\":\"home-page\"%s}";

    @Test
    void aHomePageCanBeOnlyANavigationEntryFalseByDefault() {
        Registry old = Registry.parse(registry(SITE_JSON, HOME_JSON.formatted("")));
        assertThat(old.get("h").orElseThrow().navigationOnly()).as("registries written before the field").isFalse();
        assertThat(demo.targets()).noneMatch(MonitoredTarget::navigationOnly);

        Registry nav = Registry.parse(registry(SITE_JSON, HOME_JSON.formatted(",\"navigationOnly\":true")));
        assertThat(nav.get("h").orElseThrow().navigationOnly()).isTrue();
        assertThat(Registry.parse(registry(SITE_JSON, HOME_JSON.formatted(",\"navigationOnly\":false")))).isEqualTo(old);

        // Written only when true, and read back the same, in the file and on the topic.
        assertThat(new String(nav.toJson(), StandardCharsets.UTF_8)).contains("\"navigationOnly\" : true");
        assertThat(new String(old.toJson(), StandardCharsets.UTF_8)).doesNotContain("navigationOnly");
        assertThat(Registry.parse(nav.toJson())).isEqualTo(nav);
        RegistryChange change = RegistryChange.upsert(nav.get("h").orElseThrow(), AT);
        assertThat(new String(change.toJson(), StandardCharsets.UTF_8)).contains("\"navigationOnly\":true");
        assertThat(RegistryChange.fromJson(change.toJson())).isEqualTo(change);
        assertThat(old.apply(change)).isEqualTo(nav);
    }

    @Test
    void refusesNavigationOnlyAnywhereButOnAHomePage() {
        assertThatThrownBy(() -> Registry.parse(registry(SITE_JSON,
                "{\"id\":\"c\",\"name\":\"n\",\"kind\":\"column\",\"siteId\":\"s\",\"ownerUnit\":\"u\",\"columnType\":\"news\",\"navigationOnly\":true}")))
                .isInstanceOf(InvalidRegistryException.class)
                .hasMessage("c: navigationOnly: only a home-page column can be navigation-only, not a 'news' column");
        assertThatThrownBy(() -> Registry.parse(registry("{\"id\":\"s\",\"name\":\"站\",\"kind\":\"site\",\"ownerUnit\":\"u\",\"navigationOnly\":true}")))
                .hasMessage("s: navigationOnly: only a home-page column can be navigation-only, not a site");
        assertThatThrownBy(() -> RegistryChange.fromJson(bytes(
                "{\"op\":\"upsert\",\"target\":{\"id\":\"a\",\"name\":\"n\",\"kind\":\"account\",\"ownerUnit\":\"u\",\"platform\":\"weibo\",\"navigationOnly\":true}}")))
                .hasMessage("a: navigationOnly: only a home-page column can be navigation-only, not an account");
        assertThatThrownBy(() -> Registry.parse(registry(SITE_JSON, HOME_JSON.formatted(",\"navigationOnly\":\"yes\""))))
                .hasMessage("h: navigationOnly: expected true or false, got \"yes\"");
    }

    @Test
    void appliesUpsertsAndRemoves() {
        MonitoredTarget kuaishou = account("kuaishou:示范市发布", Platform.KUAISHOU);
        Registry added = demo.apply(RegistryChange.upsert(kuaishou, AT));
        assertThat(added.size()).isEqualTo(demo.size() + 1);
        assertThat(added.get(kuaishou.id())).contains(kuaishou);
        assertThat(demo.get(kuaishou.id())).isEmpty(); // the old registry is untouched

        MonitoredTarget weekly = column(SITE + "/sfyw", ColumnType.NEWS);
        weekly = new MonitoredTarget(weekly.id(), "示范要闻", weekly.kind(), weekly.siteId(), weekly.ownerUnit(), null, weekly.columnType(),
                weekly.region(), null, Span.ofDays(7), false);
        Registry replaced = added.apply(RegistryChange.upsert(weekly, AT));
        assertThat(replaced.get(weekly.id()).orElseThrow().updatePeriod()).isEqualTo(Span.ofDays(7));
        assertThat(replaced.size()).isEqualTo(added.size());
        assertThat(replaced.apply(RegistryChange.upsert(weekly, AT))).isSameAs(replaced);

        Registry removed = replaced.apply(RegistryChange.remove(kuaishou.id(), AT));
        assertThat(removed.get(kuaishou.id())).isEmpty();
        // Delivered twice: the second remove changes nothing.
        assertThat(removed.apply(RegistryChange.remove(kuaishou.id(), AT))).isSameAs(removed);
    }

    @Test
    void refusesAChangeThatWouldBreakTheRegistryAndKeepsTheOldOne() {
        assertThatThrownBy(() -> demo.apply(RegistryChange.remove(SITE, AT)))
                .isInstanceOfSatisfying(InvalidRegistryException.class, e -> {
                    assertThat(e.entry()).isEqualTo(SITE);
                    assertThat(e.reason()).contains("still has columns").contains(SITE + "/tzgg").contains("remove them first");
                });
        MonitoredTarget orphan = new MonitoredTarget("site:other/news", "新闻", TargetKind.COLUMN, "site:other", "办公室", null,
                ColumnType.NEWS, null, null, null, false);
        assertThatThrownBy(() -> demo.apply(RegistryChange.upsert(orphan, AT))).hasMessage("site:other/news: siteId: no site 'site:other' in the registry");
        MonitoredTarget secondHome = column(SITE + "/home2", ColumnType.HOME_PAGE);
        assertThatThrownBy(() -> demo.apply(RegistryChange.upsert(secondHome, AT))).hasMessageContaining("already has home page");
        assertThat(demo.size()).isEqualTo(Registry.demo().size());

        // Columns first, then the site: allowed.
        Registry r = demo;
        for (MonitoredTarget c : demo.columnsOf(SITE)) {
            r = r.apply(RegistryChange.remove(c.id(), AT));
        }
        assertThat(r.apply(RegistryChange.remove(SITE, AT)).get(SITE)).isEmpty();
    }

    @Test
    void changesTravelAsJsonAndAreReadStrictly() {
        RegistryChange upsert = RegistryChange.upsert(demo.get(SITE + "/rsxx").orElseThrow(), AT);
        String json = new String(upsert.toJson(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"op\":\"upsert\"", "\"updatePeriod\":\"P3M\"", "\"at\":\"2026-11-20T02:00:00Z\"");
        assertThat(RegistryChange.fromJson(upsert.toJson())).isEqualTo(upsert);
        assertThat(new String(upsert.key(), StandardCharsets.UTF_8)).isEqualTo(SITE + "/rsxx");

        RegistryChange remove = RegistryChange.remove("weibo:南湖区发布", null);
        assertThat(new String(remove.toJson(), StandardCharsets.UTF_8)).isEqualTo("{\"op\":\"remove\",\"id\":\"weibo:南湖区发布\"}");
        assertThat(RegistryChange.fromJson(remove.toJson())).isEqualTo(remove);

        assertThatThrownBy(() -> RegistryChange.fromJson(bytes("{\"op\":\"delete\",\"id\":\"x\"}")))
                .isInstanceOfSatisfying(InvalidRegistryException.class, e -> assertThat(e.field()).isEqualTo("op"));
        assertThatThrownBy(() -> RegistryChange.fromJson(bytes("{\"op\":\"remove\"}")))
                .isInstanceOfSatisfying(InvalidRegistryException.class, e -> assertThat(e.field()).isEqualTo("id"));
        assertThatThrownBy(() -> RegistryChange.fromJson(bytes("{\"op\":\"upsert\",\"id\":\"x\"}")))
                .isInstanceOfSatisfying(InvalidRegistryException.class, e -> assertThat(e.field()).isEqualTo("target"));
        assertThatThrownBy(() -> RegistryChange.fromJson(bytes("{\"op\":\"upsert\",\"id\":\"x\",\"target\":" + SITE_JSON + "}")))
                .hasMessage("x: id: differs from the target's id 's'");
        assertThatThrownBy(() -> RegistryChange.fromJson(bytes("{\"op\":\"remove\",\"id\":\"x\",\"by\":\"me\"}")))
                .isInstanceOfSatisfying(InvalidRegistryException.class, e -> assertThat(e.field()).isEqualTo("by"));
        assertThatThrownBy(() -> RegistryChange.fromJson(bytes("{\"op\":\"upsert\",\"target\":{\"id\":\"t\",\"name\":\"n\",\"kind\":\"account\",\"ownerUnit\":\"u\"}}")))
                .hasMessage("t: platform: required for an account (site, weibo, wechat, douyin, toutiao, kuaishou, other)");
        assertThatThrownBy(() -> RegistryChange.fromJson(bytes("not json"))).hasMessageContaining("change: record: the change is not JSON");
    }

    @Test
    void findsWhichTargetAPostIsAPublicationOf() {
        assertThat(demo.publisherOf(post("p1", SourceType.SITE_PAGE, SITE + "/tzgg", null))).map(MonitoredTarget::name).contains("通知公告");
        assertThat(demo.publisherOf(post("p2", SourceType.WEIBO, "weibo:示范市发布", null))).isPresent();
        // Visitors' comments and citizens' messages are not publications of the site.
        assertThat(demo.publisherOf(post("p3", SourceType.SITE_COMMENT, SITE, null))).isEmpty();
        assertThat(demo.publisherOf(post("p4", SourceType.CITIZEN_MESSAGE, SITE + "/zmhd", null))).isEmpty();
        // An official reply keeps the interaction column up.
        assertThat(demo.publisherOf(post("p5", SourceType.CITIZEN_MESSAGE, SITE + "/zmhd", "msg-1"))).isPresent();
        // A post under a registered id from the wrong platform, and an unregistered account.
        assertThat(demo.publisherOf(post("p6", SourceType.WECHAT, "weibo:示范市发布", null))).isEmpty();
        assertThat(demo.publisherOf(post("p7", SourceType.WEIBO, "weibo:网友1234", null))).isEmpty();
    }

    private static Post post(String id, SourceType source, String account, String replyTo) {
        return new Post(id, source, account, null, null, null, "正文", AT, null, null, replyTo, replyTo, Engagement.NONE);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
