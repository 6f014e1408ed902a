package dev.yuqing.connectors.rss;

import dev.yuqing.connectors.connect.PostSourceConnector;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;

/**
 * Reads one RSS or Atom feed into posts ({@code site-page}, the configured account): a
 * conditional GET every poll interval, new items only, HTML reduced to text, items that cannot
 * become posts to the dead-letter topic. Connect keeps the feed's cursor ({@link FeedState}).
 */
public final class RssSourceConnector extends PostSourceConnector {
    @Override
    public ConfigDef config() {
        return RssConfig.definition(); // a new one each time: a ConfigDef can be added to
    }

    @Override
    protected void check(Map<String, String> props, Map<String, ConfigValue> values) {
        RssConfig c = new RssConfig(props);
        c.http().check(values);
        c.http().checkSource(values, RssConfig.FEED_URL, c.feedUrl());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return RssSourceTask.class;
    }
}
