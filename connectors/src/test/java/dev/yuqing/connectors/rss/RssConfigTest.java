package dev.yuqing.connectors.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.connectors.connect.ConfigProblems;
import dev.yuqing.connectors.connect.HttpSourceKeys;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

/** Each configuration error gives one message that names the key and says how to fix it. */
class RssConfigTest {
    private final RssSourceConnector connector = new RssSourceConnector();
    private final ConfigProblems problems = new ConfigProblems(connector, RssConfigTest::valid);

    private static Map<String, String> valid() {
        return ConfigProblems.base(RssSourceConnector.class, Map.of(
                RssConfig.FEED_URL, "https://www.demo.yuqing.invalid/sfyw/rss.xml",
                RssConfig.FEED_ACCOUNT, "site:www.demo.yuqing.invalid/sfyw"));
    }

    @Test
    void aValidConfigurationHasNoProblems() {
        assertThat(connector.problems(valid())).isEmpty();
        connector.start(valid());
        assertThat(connector.taskConfigs(4)).containsExactly(valid());
    }

    @Test
    void aMissingFeedUrl() {
        assertThat(problems.with(RssConfig.FEED_URL, null)).containsExactly(
                "feed.url is required: the RSS 2.0, RSS 1.0 or Atom feed to read, an absolute http(s) URL");
    }

    @Test
    void aFeedUrlThatIsNotHttp() {
        assertThat(problems.with(RssConfig.FEED_URL, "ftp://www.demo.yuqing.invalid/rss.xml")).containsExactly(
                "Invalid value ftp://www.demo.yuqing.invalid/rss.xml for configuration feed.url: "
                        + "must be an absolute http(s) URL with a host, such as https://www.example.gov.cn/sfyw/rss.xml");
        assertThat(problems.with(RssConfig.FEED_URL, "https://www.demo.yuqing.invalid/新闻 中心/rss.xml")).singleElement()
                .asString().contains("for configuration feed.url: is not a URL (Illegal character in path");
    }

    @Test
    void aMissingOrSpacedAccount() {
        assertThat(problems.with(RssConfig.FEED_ACCOUNT, null)).singleElement().asString().startsWith("feed.account is required: the account of the posts");
        assertThat(problems.with(RssConfig.FEED_ACCOUNT, "示范 要闻")).containsExactly("Invalid value 示范 要闻 for configuration feed.account: "
                + "must not contain white space (it is part of every post id); for example site:www.example.gov.cn/sfyw");
        assertThat(problems.with(RssConfig.FEED_ACCOUNT, "x".repeat(129))).singleElement().asString().contains("is longer than 128 characters");
    }

    @Test
    void anUnknownCharset() {
        assertThat(problems.with(RssConfig.FEED_CHARSET, "GBK2")).containsExactly("Invalid value GBK2 for configuration feed.charset: "
                + "is not a charset this JVM knows; use a name such as UTF-8, GBK, GB18030 or Big5, or leave it empty to detect it");
    }

    @Test
    void aRegionTooLong() {
        assertThat(problems.with(RssConfig.FEED_REGION, "区".repeat(65))).containsExactly(
                "Invalid value " + "区".repeat(65) + " for configuration feed.region: is longer than 64 characters; shorten it");
    }

    @Test
    void aPollIntervalOutOfRangeOrNotANumber() {
        assertThat(problems.with(RssConfig.POLL_INTERVAL_MS, "10")).containsExactly(
                "Invalid value 10 for configuration poll.interval.ms: Value must be at least 100");
        assertThat(problems.with(RssConfig.POLL_INTERVAL_MS, "5m")).containsExactly(
                "Invalid value 5m for configuration poll.interval.ms: Not a number of type LONG");
    }

    @Test
    void allowedAndDeniedHostsAreNamesAddressesOrRanges() {
        assertThat(problems.with(HttpSourceKeys.HTTP_ALLOWED_HOSTS, "127.0.0.1, ::1, 10.1.0.0/16, fd00::/8, intranet.example.gov.cn, *.example.gov.cn"))
                .isEmpty();
        assertThat(problems.with(HttpSourceKeys.HTTP_ALLOWED_HOSTS, "127.0.0.1, 10.1.0.0/8")).containsExactly(
                "Invalid value 127.0.0.1, 10.1.0.0/8 for configuration http.allowed.hosts: "
                        + "entry '10.1.0.0/8' has bits set after its /8 prefix; the range is written 10.0.0.0/8");
        assertThat(problems.with(HttpSourceKeys.HTTP_ALLOWED_HOSTS, "192.168.1.300")).containsExactly(
                "Invalid value 192.168.1.300 for configuration http.allowed.hosts: entry '192.168.1.300' is not an IPv4 address: "
                        + "write four numbers from 0 to 255 separated by dots, such as 127.0.0.1");
        assertThat(problems.with(HttpSourceKeys.HTTP_ALLOWED_HOSTS, "http://127.0.0.1:8080/")).containsExactly(
                "Invalid value http://127.0.0.1:8080/ for configuration http.allowed.hosts: "
                        + "entry 'http://127.0.0.1:8080/' is a URL; give its host alone, such as www.example.gov.cn or 127.0.0.1");
        assertThat(problems.with(HttpSourceKeys.HTTP_DENIED_HOSTS, "10.0.0.0/40")).containsExactly(
                "Invalid value 10.0.0.0/40 for configuration http.denied.hosts: "
                        + "entry '10.0.0.0/40' has prefix length '40'; it must be a number from 0 to 32");
        assertThat(problems.with(HttpSourceKeys.HTTP_DENIED_HOSTS, "内网.example")).containsExactly(
                "Invalid value 内网.example for configuration http.denied.hosts: entry '内网.example' is not a host name, IP address or CIDR range; "
                        + "write www.example.gov.cn, *.example.gov.cn, 127.0.0.1, ::1 or 10.1.0.0/16 (non-ASCII names in their xn-- form)");
    }

    @Test
    void aFeedOnAnAddressTheConnectorRefusesIsSaidAtValidation() {
        Map<String, String> m = valid();
        m.put(RssConfig.FEED_URL, "http://127.0.0.1:8080/rss.xml");
        assertThat(connector.problems(m)).containsExactly("feed.url http://127.0.0.1:8080/rss.xml would never be fetched: "
                + "127.0.0.1 is a loopback address (127.0.0.0/8); add 127.0.0.1 to http.allowed.hosts if the connector must read it");
        m.put(HttpSourceKeys.HTTP_ALLOWED_HOSTS, "127.0.0.1");
        assertThat(connector.problems(m)).isEmpty();
        m.put(RssConfig.FEED_URL, "http://[fd00::7]/rss.xml");
        assertThat(connector.problems(m)).containsExactly("feed.url http://[fd00::7]/rss.xml would never be fetched: "
                + "fd00::7 is a unique-local address (fc00::/7); add [fd00::7] to http.allowed.hosts if the connector must read it");
    }

    @Test
    void aBackoffMaximumBelowTheInitialBackoff() {
        Map<String, String> m = valid();
        m.put(RssConfig.RETRY_BACKOFF_INITIAL_MS, "5000");
        m.put(RssConfig.RETRY_BACKOFF_MAX_MS, "1000");
        assertThat(connector.problems(m)).containsExactly(
                "retry.backoff.max.ms (1000) is below retry.backoff.initial.ms (5000); raise it or lower the initial backoff");
    }

    @Test
    void aTopicNameKafkaRefuses() {
        assertThat(problems.with("topic", "posts raw")).containsExactly("Invalid value posts raw for configuration topic: "
                + "is not a Kafka topic name; use letters, digits, '.', '_' and '-' only, such as posts.raw");
    }

    @Test
    void aMisspeltKey() {
        assertThat(problems.with("feed.acount", "x")).singleElement().asString()
                .startsWith("unknown key feed.acount for RssSourceConnector; known keys: breaker.failure.threshold, breaker.open.ms, dlq.topic, feed.account, feed.charset");
    }

    @Test
    void aConverterThatWouldMangleTheJson() {
        assertThat(problems.with("value.converter", "org.apache.kafka.connect.json.JsonConverter")).containsExactly(
                "value.converter must be set to org.apache.kafka.connect.converters.ByteArrayConverter in the connector's configuration "
                        + "(it is org.apache.kafka.connect.json.JsonConverter): the connector writes finished JSON bytes, "
                        + "which any other converter would wrap or re-encode");
        assertThat(problems.with("key.converter", null)).singleElement().asString()
                .startsWith("key.converter must be set to org.apache.kafka.connect.converters.ByteArrayConverter in the connector's configuration (it is not set)");
    }

    @Test
    void startRefusesAnInvalidConfigurationWithEveryProblem() {
        Map<String, String> m = valid();
        m.remove(RssConfig.FEED_URL);
        m.put(RssConfig.RETRY_MAX_ATTEMPTS, "0");
        assertThatThrownBy(() -> connector.start(m)).isInstanceOf(ConnectException.class)
                .hasMessageContaining("RssSourceConnector configuration is invalid:")
                .hasMessageContaining("feed.url is required")
                .hasMessageContaining("Invalid value 0 for configuration retry.max.attempts: Value must be at least 1");
    }
}
