package dev.yuqing.connectors.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.rss.RssSourceConnector;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which keys name a topic the connector writes, and the cluster key's own check (the topics themselves: SourceSamplesIT). */
class WrittenTopicsTest {
    @Test
    void theTopicKeysWithAValueAreTheTopicsWritten() {
        Map<String, Object> values = new HashMap<>();
        values.put("topic", "posts.raw");
        values.put("dlq.topic", " posts.dlq ");
        values.put("health.topic", "");
        values.put("links.topic", null);
        values.put("topics.note", "not a topic key");
        values.put("feed.url", "http://127.0.0.1/rss.xml");
        assertThat(WrittenTopics.of(values)).containsExactly(Map.entry("dlq.topic", "posts.dlq"), Map.entry("topic", "posts.raw"));
    }

    @Test
    void theClusterIsHostAndPortOrNothing() {
        Map<String, String> m = new HashMap<>(Map.of("connector.class", RssSourceConnector.class.getName(),
                "key.converter", PostSourceConnector.BYTES_CONVERTER, "value.converter", PostSourceConnector.BYTES_CONVERTER,
                "feed.url", "https://www.example.gov.cn/rss.xml", "feed.account", "site:www.example.gov.cn/rss"));
        RssSourceConnector connector = new RssSourceConnector();
        assertThat(connector.problems(m)).isEmpty();
        m.put(CommonSourceConfig.KAFKA_BOOTSTRAP, "kafka");
        assertThat(connector.problems(m)).containsExactly("Invalid value kafka for configuration kafka.bootstrap.servers: 'kafka' is not host:port;"
                + " give the worker's Kafka as in its bootstrap.servers, such as 127.0.0.1:9092 or kafka:9092");
    }
}
