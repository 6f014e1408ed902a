package dev.yuqing.connectors.site;

import dev.yuqing.connectors.connect.PostSourceConnector;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;

/**
 * Reads one column or message board of a site's HTML pages: list pages (with their next-page
 * links) give the item links, each new item page gives a post by CSS selectors ({@code site-page}
 * in a column; in a board, the {@code citizen-message} and its official reply, one thread).
 * robots.txt is honoured, requests to a host are spaced and bounded, and the links of the list
 * pages are checked for dead ones. Connect keeps the items read ({@link SiteState}).
 */
public final class HtmlSiteSourceConnector extends PostSourceConnector {
    @Override
    public ConfigDef config() {
        return SiteConfig.definition(); // a new one each time: a ConfigDef can be added to
    }

    @Override
    protected void check(Map<String, String> props, Map<String, ConfigValue> values) {
        SiteConfig c = new SiteConfig(props);
        c.http().check(values);
        c.http().checkSource(values, SiteConfig.LIST_URL, c.listUrl());
        if (c.mode() == SiteConfig.Mode.BOARD) {
            for (String key : new String[] {SiteConfig.REPLY_SELECTOR, SiteConfig.REPLY_TIME_SELECTOR}) {
                String v = c.getString(key);
                if (v == null || v.isBlank()) {
                    values.get(key).addErrorMessage(key + " is required when " + SiteConfig.MODE + " is board: "
                            + SiteConfig.definition().configKeys().get(key).documentation);
                }
            }
        }
    }

    @Override
    public Class<? extends Task> taskClass() {
        return HtmlSiteSourceTask.class;
    }
}
