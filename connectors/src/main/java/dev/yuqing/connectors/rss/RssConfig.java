package dev.yuqing.connectors.rss;

import dev.yuqing.connectors.connect.CommonSourceConfig;
import dev.yuqing.connectors.connect.ConfigValidators;
import dev.yuqing.connectors.http.Charsets;
import dev.yuqing.connectors.http.HttpKeys;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of {@link RssSourceConnector}: one feed per connector. */
public final class RssConfig extends CommonSourceConfig {
    public static final String FEED_URL = "feed.url";
    public static final String FEED_ACCOUNT = "feed.account";
    public static final String FEED_REGION = "feed.region";
    public static final String FEED_CHARSET = "feed.charset";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String HTTP_TIMEOUT_MS = HttpKeys.HTTP_TIMEOUT_MS;
    public static final String HTTP_USER_AGENT = HttpKeys.HTTP_USER_AGENT;
    public static final String RETRY_MAX_ATTEMPTS = HttpKeys.RETRY_MAX_ATTEMPTS;
    public static final String RETRY_BACKOFF_INITIAL_MS = HttpKeys.RETRY_BACKOFF_INITIAL_MS;
    public static final String RETRY_BACKOFF_MAX_MS = HttpKeys.RETRY_BACKOFF_MAX_MS;

    private static final long HOUR_MS = 3_600_000;

    public static ConfigDef definition() {
        ConfigDef def = CommonSourceConfig.define()
                .define(FEED_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.httpUrl("https://www.example.gov.cn/sfyw/rss.xml"),
                        Importance.HIGH, "the RSS 2.0, RSS 1.0 or Atom feed to read, an absolute http(s) URL")
                .define(FEED_ACCOUNT, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.identifier("site:www.example.gov.cn/sfyw"),
                        Importance.HIGH, "the account of the posts: the site or column id as registered for inspection, "
                                + "such as site:www.example.gov.cn/sfyw; every post id starts with it")
                .define(FEED_REGION, Type.STRING, "", ConfigValidators.optionalName(64), Importance.MEDIUM,
                        "the region of the posts, such as 南湖区; empty for none")
                .define(FEED_CHARSET, Type.STRING, "", ConfigValidators.charsetOrEmpty(), Importance.LOW,
                        "read the feed in this charset (for a site that declares a wrong one); empty: from a byte-order mark, "
                                + "the Content-Type header or the XML declaration, whichever decodes, else UTF-8, else GB18030")
                .define(POLL_INTERVAL_MS, Type.LONG, 300_000L, Range.between(100L, 24 * HOUR_MS), Importance.MEDIUM,
                        "milliseconds between two fetches of the feed; a 304 Not Modified answer costs the site almost nothing");
        return HttpKeys.define(def, "Yuqing (public-opinion monitoring; feed reader)");
    }

    public RssConfig(Map<String, String> props) {
        super(definition(), props);
    }

    public URI feedUrl() {
        return URI.create(getString(FEED_URL).strip());
    }

    public String account() {
        return getString(FEED_ACCOUNT);
    }

    public String region() {
        return getString(FEED_REGION);
    }

    /** The configured charset, or null to detect it. */
    public Charset charset() {
        String label = getString(FEED_CHARSET);
        return label.isEmpty() ? null : Charsets.forLabel(label).orElseThrow();
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
    }

    public HttpKeys.Values http() {
        return HttpKeys.Values.of(this);
    }

    public Duration timeout() {
        return Duration.ofMillis(getLong(HTTP_TIMEOUT_MS));
    }

    public String userAgent() {
        return getString(HTTP_USER_AGENT);
    }

    public int maxAttempts() {
        return getInt(RETRY_MAX_ATTEMPTS);
    }

    public Duration backoffInitial() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_INITIAL_MS));
    }

    public Duration backoffMax() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS));
    }
}
