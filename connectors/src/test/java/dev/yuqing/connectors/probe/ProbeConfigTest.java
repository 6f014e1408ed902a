package dev.yuqing.connectors.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.connect.ConfigProblems;
import dev.yuqing.core.inspection.Registry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each configuration error gives one message that names the key and says how to fix it. */
class ProbeConfigTest {
    private final SiteProbeSourceConnector connector = new SiteProbeSourceConnector();
    private final ConfigProblems problems = new ConfigProblems(connector, ProbeConfigTest::valid);

    @TempDir
    Path dir;

    private static Map<String, String> valid() {
        return ConfigProblems.base(SiteProbeSourceConnector.class, Map.of(
                ProbeConfig.SITES, "site:www.a.gov.cn=https://www.a.gov.cn/, site:www.b.gov.cn=http://www.b.gov.cn/index.html"));
    }

    @Test
    void aValidConfigurationHasNoProblems() {
        assertThat(connector.problems(valid())).isEmpty();
        connector.start(valid());
        assertThat(connector.taskConfigs(4)).containsExactly(valid());
        ProbeConfig config = new ProbeConfig(valid());
        assertThat(config.sites()).containsExactly(Map.entry("site:www.a.gov.cn", URI.create("https://www.a.gov.cn/")),
                Map.entry("site:www.b.gov.cn", URI.create("http://www.b.gov.cn/index.html")));
        assertThat(config.schedule().interval()).hasHours(3);
        assertThat(config.timeout()).hasSeconds(30);
    }

    @Test
    void theSitesOfARegistryFileWithAUrl() throws Exception {
        Path file = Files.write(dir.resolve("registry.json"), Registry.demo().toJson());
        Map<String, String> props = ConfigProblems.base(SiteProbeSourceConnector.class, Map.of(ProbeConfig.REGISTRY_FILE, file.toString()));
        assertThat(connector.problems(props)).isEmpty();
        assertThat(new ProbeConfig(props).sites()).containsEntry("site:www.demo.yuqing.invalid", URI.create("https://www.demo.yuqing.invalid/"))
                .allSatisfy((id, url) -> assertThat(Registry.demo().get(id).orElseThrow().kind().code()).isEqualTo("site"));

        props.put(ProbeConfig.SITES, "site:www.demo.yuqing.invalid=https://www.demo.yuqing.invalid/");
        assertThat(connector.problems(props)).containsExactly("probe.sites names site:www.demo.yuqing.invalid, which probe.registry.file "
                + "holds too; name each site once");
    }

    @Test
    void noSites() {
        assertThat(problems.with(ProbeConfig.SITES, null)).containsExactly("probe.sites or probe.registry.file is required: name the sites "
                + "to probe, such as site:www.example.gov.cn=https://www.example.gov.cn/, or a registry file whose sites have a url");
    }

    @Test
    void anEntryThatIsNotSiteIdEqualsUrl() {
        assertThat(problems.with(ProbeConfig.SITES, "https://www.a.gov.cn/")).containsExactly("Invalid value [https://www.a.gov.cn/] for "
                + "configuration probe.sites: entry 'https://www.a.gov.cn/' is not siteId=url; write such as "
                + "site:www.example.gov.cn=https://www.example.gov.cn/");
        assertThat(problems.with(ProbeConfig.SITES, "site:www.a.gov.cn=ftp://www.a.gov.cn/")).containsExactly("Invalid value "
                + "[site:www.a.gov.cn=ftp://www.a.gov.cn/] for configuration probe.sites: entry 'site:www.a.gov.cn=ftp://www.a.gov.cn/': "
                + "'ftp://www.a.gov.cn/' is not an absolute http(s) URL; write such as site:www.example.gov.cn=https://www.example.gov.cn/");
        assertThat(problems.with(ProbeConfig.SITES, "site:a=https://www.a.gov.cn/,site:a=https://www.a.gov.cn/b")).containsExactly(
                "probe.sites names site:a twice; name each site once");
    }

    @Test
    void aRegistryFileThatCannotBeRead() throws Exception {
        Path missing = dir.resolve("none.json");
        assertThat(problems.with(ProbeConfig.REGISTRY_FILE, missing.toString())).containsExactly("probe.registry.file " + missing
                + " cannot be read as a registry (" + missing + "); give a registry JSON file on the worker, as the inspection job reads it");
        Path noSites = Files.writeString(dir.resolve("empty.json"), "{\"targets\": []}");
        assertThat(problems.with(ProbeConfig.REGISTRY_FILE, noSites.toString())).containsExactly("probe.registry.file " + noSites
                + " holds no target of kind site with a url; add the sites' home pages to it");
    }

    @Test
    void probesPerDayAndTimeout() {
        assertThat(problems.with(ProbeConfig.PER_DAY, "0")).containsExactly("Invalid value 0 for configuration probe.per.day: Value must be at least 1");
        assertThat(problems.with(ProbeConfig.TIMEOUT_MS, "500")).containsExactly(
                "Invalid value 500 for configuration probe.timeout.ms: Value must be at least 1000");
    }
}
