package dev.yuqing.connectors.probe;

import dev.yuqing.connectors.connect.ConfigValidators;
import dev.yuqing.connectors.connect.HttpSourceKeys;
import dev.yuqing.connectors.connect.WrittenTopics;
import dev.yuqing.connectors.http.AddressPolicy;
import dev.yuqing.core.Topics;
import dev.yuqing.core.inspection.InvalidRegistryException;
import dev.yuqing.core.inspection.MonitoredTarget;
import dev.yuqing.core.inspection.Registry;
import dev.yuqing.core.inspection.TargetKind;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** Settings of {@link SiteProbeSourceConnector}: the sites to probe, how often, how long a load may take. */
public final class ProbeConfig extends AbstractConfig {
    public static final String SITES = "probe.sites";
    public static final String REGISTRY_FILE = "probe.registry.file";
    public static final String PER_DAY = "probe.per.day";
    public static final String TIMEOUT_MS = "probe.timeout.ms";
    public static final String TOPIC = "probe.topic";
    static final String SITES_EXAMPLE = "site:www.example.gov.cn=https://www.example.gov.cn/";

    public static ConfigDef definition() {
        ConfigDef def = new ConfigDef()
                .define(SITES, Type.LIST, "", new SitesValidator(), Importance.HIGH,
                        "the sites to probe, as siteId=home page URL entries separated by commas, such as " + SITES_EXAMPLE
                                + " (the site id as registered for inspection); with probe.registry.file, or instead of it")
                .define(REGISTRY_FILE, Type.STRING, "", ConfigValidators.optionalName(4096), Importance.HIGH,
                        "a registry JSON file on the worker, as the inspection job reads it: every target of kind site that has a url "
                                + "is probed at that url; read when the task starts (restart the connector after changing it); empty: none")
                .define(PER_DAY, Type.INT, 8, Range.between(1, 1440), Importance.MEDIUM,
                        "probes of each site per day, at even intervals from midnight UTC, each site at an offset of its own within "
                                + "the interval (from its id) so that the sites are not probed at the same instant")
                .define(TIMEOUT_MS, Type.LONG, 30_000L, Range.between(1_000L, 600_000L), Importance.MEDIUM,
                        "milliseconds a probe waits for the whole home page before it counts as failed; keep it above 15000: the "
                                + "national rule counts loads of 15 s or more as failures, which inspection judges from the load time recorded")
                .define(TOPIC, Type.STRING, Topics.SITE_PROBES, ConfigValidators.topicName(), Importance.LOW,
                        "topic for the probes, as JSON SiteProbe keyed by the site id");
        HttpSourceKeys.defineHosts(def);
        WrittenTopics.define(def);
        return HttpSourceKeys.defineUserAgent(def, "Yuqing (public-opinion monitoring; site availability probe)");
    }

    public ProbeConfig(Map<String, String> props) {
        super(definition(), props);
    }

    /**
     * Every site to probe, id → home page, those of probe.sites first.
     *
     * @throws ConfigException naming the key to blame and the fix, when the registry file cannot be
     *                         read, a site is named twice, or there is no site at all
     */
    public Map<String, URI> sites() {
        Map<String, URI> sites = new LinkedHashMap<>();
        for (String entry : getList(SITES)) {
            Site s = Site.parse(entry);
            if (sites.put(s.id(), s.url()) != null) {
                throw new ConfigException(SITES + " names " + s.id() + " twice; name each site once");
            }
        }
        String file = getString(REGISTRY_FILE);
        if (!file.isEmpty()) {
            Registry registry;
            try {
                registry = Registry.fromFile(Path.of(file));
            } catch (IOException | InvalidRegistryException e) {
                throw new ConfigException(REGISTRY_FILE + " " + file + " cannot be read as a registry (" + e.getMessage()
                        + "); give a registry JSON file on the worker, as the inspection job reads it");
            }
            int before = sites.size();
            for (MonitoredTarget t : registry.targets()) {
                if (t.kind() != TargetKind.SITE || t.url() == null) {
                    continue;
                }
                if (sites.put(t.id(), URI.create(t.url())) != null) {
                    throw new ConfigException(SITES + " names " + t.id() + ", which " + REGISTRY_FILE + " holds too; name each site once");
                }
            }
            if (sites.size() == before) {
                throw new ConfigException(REGISTRY_FILE + " " + file + " holds no target of kind site with a url; add the sites' home pages to it");
            }
        }
        if (sites.isEmpty()) {
            throw new ConfigException(SITES + " or " + REGISTRY_FILE + " is required: name the sites to probe, such as " + SITES_EXAMPLE
                    + ", or a registry file whose sites have a url");
        }
        return sites;
    }

    public ProbeSchedule schedule() {
        return new ProbeSchedule(getInt(PER_DAY));
    }

    public Duration timeout() {
        return Duration.ofMillis(getLong(TIMEOUT_MS));
    }

    public String topic() {
        return getString(TOPIC);
    }

    /** The hosts the probe may reach (a site on a private address needs http.allowed.hosts). */
    public AddressPolicy policy() {
        return AddressPolicy.of(getString(HttpSourceKeys.HTTP_ALLOWED_HOSTS), getString(HttpSourceKeys.HTTP_DENIED_HOSTS));
    }

    public String userAgent() {
        return getString(HttpSourceKeys.HTTP_USER_AGENT);
    }

    /** One entry of probe.sites. */
    record Site(String id, URI url) {
        /** @throws ConfigException saying what is wrong with the entry and how to write it */
        static Site parse(String entry) {
            int eq = entry.indexOf('=');
            String id = eq < 0 ? "" : entry.substring(0, eq).strip();
            if (id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
                throw new ConfigException("entry '" + entry + "' is not siteId=url; write such as " + SITES_EXAMPLE);
            }
            String url = entry.substring(eq + 1).strip();
            String problem;
            try {
                URI uri = new URI(url);
                if (uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                        && uri.getHost() != null) {
                    return new Site(id, uri);
                }
                problem = "is not an absolute http(s) URL";
            } catch (URISyntaxException e) {
                problem = "is not a URL (" + e.getReason() + ")";
            }
            throw new ConfigException("entry '" + entry + "': '" + url + "' " + problem + "; write such as " + SITES_EXAMPLE);
        }
    }

    /** Each entry of probe.sites is siteId=url. */
    private static final class SitesValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value instanceof List<?> entries) {
                for (Object entry : entries) {
                    try {
                        Site.parse(entry.toString());
                    } catch (ConfigException e) {
                        throw new ConfigException(name, value, e.getMessage());
                    }
                }
            }
        }

        @Override
        public String toString() {
            return "siteId=url entries separated by commas, such as " + SITES_EXAMPLE;
        }
    }
}
