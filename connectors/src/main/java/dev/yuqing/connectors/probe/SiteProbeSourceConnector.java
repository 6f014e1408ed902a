package dev.yuqing.connectors.probe;

import dev.yuqing.connectors.connect.YuqingSourceConnector;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;

/**
 * Probes registered sites' home pages on a schedule (站点无法访问): each site {@code probe.per.day}
 * times a day at spread times, one GET without retries, its status and the time to the whole page
 * written as a {@link dev.yuqing.core.source.SiteProbe} for inspection. Connect keeps each site's
 * next probe time ({@link SiteProbeSourceTask}).
 */
public final class SiteProbeSourceConnector extends YuqingSourceConnector {
    @Override
    public ConfigDef config() {
        return ProbeConfig.definition();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SiteProbeSourceTask.class;
    }

    /** The sites: the list's entries and the registry file together, each once, at least one. */
    @Override
    protected void check(Map<String, String> props, Map<String, ConfigValue> values) {
        try {
            new ProbeConfig(props).sites();
        } catch (ConfigException e) {
            String key = e.getMessage().startsWith(ProbeConfig.REGISTRY_FILE) ? ProbeConfig.REGISTRY_FILE : ProbeConfig.SITES;
            values.get(key).addErrorMessage(e.getMessage());
        }
    }
}
