package dev.yuqing.connectors.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.http.FeedServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RobotsTest {
    @Test
    void theStarGroupAppliesToAnAgentNotNamed() {
        Robots r = Robots.parse(new String(FeedServer.resource("/site/robots.txt"), StandardCharsets.UTF_8));
        assertThat(r.allows("Yuqing", "/tzgg/private/art_4008.html")).isFalse();
        assertThat(r.allows("Yuqing", "/tzgg/2026/05/art_4001.html")).isTrue();
        assertThat(r.allows("Yuqing", "/search?q=停水")).isFalse();
        assertThat(r.allows("BadBot", "/tzgg/2026/05/art_4001.html")).as("its own group, matched without case").isFalse();
        assertThat(r.allows("badbot", "/")).isFalse();
    }

    @Test
    void anAgentsOwnGroupReplacesTheStarGroup() {
        Robots r = Robots.parse("""
                User-agent: *
                Disallow: /

                User-agent: yuqing
                User-agent: other
                Disallow: /admin/
                """);
        assertThat(r.allows("Yuqing", "/tzgg/index.html")).isTrue();
        assertThat(r.allows("Yuqing", "/admin/login")).isFalse();
        assertThat(r.allows("Other", "/x")).isTrue();
        assertThat(r.allows("Someone", "/tzgg/index.html")).isFalse();
    }

    @Test
    void theLongestRuleWinsAllowOnATieWildcardsAndTheEndAnchor() {
        Robots r = Robots.parse("""
                user-agent: *   # lower-case field names, comments
                Disallow: /tzgg/
                Allow: /tzgg/2026/
                Disallow: /*.pdf$
                Disallow: /a
                Allow: /a
                """);
        assertThat(r.allows("Yuqing", "/tzgg/old.html")).isFalse();
        assertThat(r.allows("Yuqing", "/tzgg/2026/05/art_1.html")).isTrue();
        assertThat(r.allows("Yuqing", "/files/plan.pdf")).isFalse();
        assertThat(r.allows("Yuqing", "/files/plan.pdf?download=1")).as("$ anchors the end").isTrue();
        assertThat(r.allows("Yuqing", "/abc")).as("Allow wins a tie").isTrue();
    }

    @Test
    void anEmptyDisallowOrNoGroupAllowsEverything() {
        assertThat(Robots.parse("User-agent: *\nDisallow:\n").allows("Yuqing", "/x")).isTrue();
        assertThat(Robots.parse("Sitemap: https://www.demo.yuqing.invalid/sitemap.xml\n").allows("Yuqing", "/x")).isTrue();
        assertThat(Robots.parse("").allows("Yuqing", "/x")).isTrue();
        assertThat(Robots.parse("<html>not found</html>").allows("Yuqing", "/x")).isTrue();
        assertThat(Robots.disallowAll().allows("Yuqing", "/")).isFalse();
        assertThat(Robots.allowAll().allows("Yuqing", "/private")).isTrue();
    }
}
