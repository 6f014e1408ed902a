package dev.yuqing.connectors.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.yuqing.connectors.connect.ConfigProblems;
import dev.yuqing.core.json.Json;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Properties;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

/** Each configuration error gives one message that names the key and says how to fix it. */
class SiteConfigTest {
    private final HtmlSiteSourceConnector connector = new HtmlSiteSourceConnector();
    private final ConfigProblems problems = new ConfigProblems(connector, SiteConfigTest::valid);

    private static Map<String, String> valid() {
        return ConfigProblems.base(HtmlSiteSourceConnector.class, Map.of(
                SiteConfig.LIST_URL, "https://www.demo.yuqing.invalid/tzgg/index.html",
                SiteConfig.ACCOUNT, "site:www.demo.yuqing.invalid/tzgg",
                SiteConfig.LIST_ITEM_SELECTOR, "ul.list li a",
                SiteConfig.TIME_SELECTOR, "span.pubtime",
                SiteConfig.BODY_SELECTOR, "div.content"));
    }

    private static Map<String, String> board() {
        Map<String, String> m = valid();
        m.put(SiteConfig.MODE, "board");
        m.put(SiteConfig.REPLY_SELECTOR, "div.reply");
        m.put(SiteConfig.REPLY_TIME_SELECTOR, ".time");
        return m;
    }

    @Test
    void validColumnAndBoardConfigurationsHaveNoProblems() {
        assertThat(connector.problems(valid())).isEmpty();
        assertThat(connector.problems(board())).isEmpty();
        connector.start(board());
        assertThat(connector.taskConfigs(3)).containsExactly(board());
        SiteConfig c = new SiteConfig(board());
        assertThat(c.mode()).isEqualTo(SiteConfig.Mode.BOARD);
        assertThat(c.selectors().reply()).isEqualTo("div.reply");
        assertThat(c.selectors().listNext()).as("optional and empty").isNull();
        assertThat(c.linksTopic()).isEqualTo("site.links");
    }

    @Test
    void aMissingListUrlOrOneThatIsNotHttp() {
        assertThat(problems.with(SiteConfig.LIST_URL, null)).containsExactly(
                "site.list.url is required: the first list page of the column or message board, an absolute http(s) URL");
        assertThat(problems.with(SiteConfig.LIST_URL, "/tzgg/index.html")).containsExactly(
                "Invalid value /tzgg/index.html for configuration site.list.url: "
                        + "must be an absolute http(s) URL with a host, such as https://www.example.gov.cn/sfyw/index.html");
        assertThat(problems.with(SiteConfig.LIST_URL, "http://10.20.0.5/tzgg/index.html")).containsExactly(
                "site.list.url http://10.20.0.5/tzgg/index.html would never be fetched: 10.20.0.5 is a private address (10.0.0.0/8); "
                        + "add 10.20.0.5 to http.allowed.hosts if the connector must read it");
    }

    @Test
    void aMissingOrSpacedAccount() {
        assertThat(problems.with(SiteConfig.ACCOUNT, null)).singleElement().asString().startsWith("site.account is required: the account of the posts");
        assertThat(problems.with(SiteConfig.ACCOUNT, "示范 通知")).singleElement().asString()
                .contains("for configuration site.account: must not contain white space");
    }

    @Test
    void anUnknownMode() {
        assertThat(problems.with(SiteConfig.MODE, "forum")).containsExactly("Invalid value forum for configuration site.mode: "
                + "must be column (pages of a news or policy column, posts site-page) or board "
                + "(a message board: citizen messages and their official replies, posts citizen-message)");
    }

    @Test
    void aSelectorJsoupCannotReadOrAnEmptyRequiredOne() {
        assertThat(problems.with(SiteConfig.LIST_ITEM_SELECTOR, "ul.list li[")).singleElement().asString()
                .startsWith("Invalid value ul.list li[ for configuration list.item.selector: is not a CSS selector jsoup can read (")
                .endsWith("); write one such as ul.list li a");
        assertThat(problems.with(SiteConfig.BODY_SELECTOR, "")).containsExactly(
                "Invalid value  for configuration item.body.selector: must not be empty; give a CSS selector such as div.article-content");
        assertThat(problems.with(SiteConfig.TIME_SELECTOR, null)).singleElement().asString()
                .startsWith("item.time.selector is required: CSS selector of the published time");
        assertThat(problems.with(SiteConfig.LIST_NEXT_SELECTOR, "a.next::")).singleElement().asString()
                .contains("for configuration list.next.selector: is not a CSS selector jsoup can read");
    }

    @Test
    void aTimePatternOrZoneThatIsNone() {
        assertThat(problems.with(SiteConfig.TIME_PATTERN, "yyyy-MM-dd HH:mm bb")).singleElement().asString()
                .startsWith("Invalid value yyyy-MM-dd HH:mm bb for configuration item.time.pattern: is not a java.time pattern (")
                .endsWith("); write one such as yyyy-MM-dd HH:mm, literal text in quotes");
        assertThat(problems.with(SiteConfig.TIME_ZONE, "China")).singleElement().asString()
                .startsWith("Invalid value China for configuration item.time.zone: is not a time-zone id (")
                .endsWith("); use a region id such as Asia/Shanghai");
    }

    @Test
    void aBoardWithoutItsReplySelectors() {
        Map<String, String> m = valid();
        m.put(SiteConfig.MODE, "board");
        assertThat(connector.problems(m)).containsExactlyInAnyOrder(
                "board.reply.selector is required when site.mode is board: board mode: CSS selector of the official reply block on an item page; "
                        + "a page without it is an unanswered message, fetched again on later polls until the reply appears",
                "board.reply.time.selector is required when site.mode is board: board mode: CSS selector of the reply time inside the reply block "
                        + "(read as item.time.pattern says)");
    }

    @Test
    void limitsOutOfRange() {
        assertThat(problems.with(SiteConfig.LIST_MAX_PAGES, "0")).containsExactly(
                "Invalid value 0 for configuration list.max.pages: Value must be at least 1");
        assertThat(problems.with(SiteConfig.HOST_MAX_CONCURRENCY, "64")).containsExactly(
                "Invalid value 64 for configuration http.host.max.concurrency: Value must be no more than 16");
        assertThat(problems.with(SiteConfig.LINKS_CHECK_MAX, "-1")).containsExactly(
                "Invalid value -1 for configuration links.check.max: Value must be at least 0");
        assertThat(problems.with("breaker.failure.threshold", "0")).containsExactly(
                "Invalid value 0 for configuration breaker.failure.threshold: Value must be at least 1");
        assertThat(problems.with(SiteConfig.LINKS_TOPIC, "site links")).singleElement().asString()
                .contains("for configuration links.topic: is not a Kafka topic name");
    }

    @Test
    void attachmentKeys() {
        Attachments.Settings defaults = new SiteConfig(valid()).attachments();
        assertThat(defaults.extensions()).containsExactlyInAnyOrder("pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "rtf");
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.maxBytes()).isEqualTo(20 * 1024 * 1024);
        assertThat(defaults.selector()).isNull();
        Map<String, String> m = valid();
        m.put(SiteConfig.ATTACHMENTS_EXTENSIONS, " PDF, .docx ,xls");
        assertThat(connector.problems(m)).containsExactly("Invalid value PDF, .docx ,xls for configuration attachments.extensions: "
                + "'.docx' is not a file extension; write letters and digits without the dot, separated by commas, such as pdf,doc,docx,xls,xlsx");
        m.put(SiteConfig.ATTACHMENTS_EXTENSIONS, " PDF, Docx ");
        assertThat(new SiteConfig(m).attachments().extensions()).containsExactlyInAnyOrder("pdf", "docx");
        m.put(SiteConfig.ATTACHMENTS_EXTENSIONS, "");
        assertThat(new SiteConfig(m).attachments().enabled()).as("empty: off").isFalse();
        assertThat(problems.with(SiteConfig.ATTACHMENTS_MAX_PER_ITEM, "0")).isEmpty();
        assertThat(problems.with(SiteConfig.ATTACHMENTS_MAX_BYTES, "40000000")).containsExactly(
                "Invalid value 40000000 for configuration attachments.max.bytes: Value must be no more than 33554432");
        assertThat(problems.with(SiteConfig.ATTACHMENTS_TEXT_MAX_CHARS, "300000")).containsExactly(
                "Invalid value 300000 for configuration attachments.text.max.chars: Value must be no more than 200000");
        assertThat(problems.with(SiteConfig.ATTACHMENTS_PARSE_TIMEOUT_MS, "10")).containsExactly(
                "Invalid value 10 for configuration attachments.parse.timeout.ms: Value must be at least 1000");
        assertThat(problems.with(SiteConfig.ATTACHMENTS_SELECTOR, "div.fj[")).singleElement().asString()
                .startsWith("Invalid value div.fj[ for configuration attachments.selector: is not a CSS selector jsoup can read (");
    }

    @Test
    void aBackoffMaximumBelowTheInitialBackoff() {
        Map<String, String> m = valid();
        m.put("retry.backoff.initial.ms", "5000");
        m.put("retry.backoff.max.ms", "1000");
        assertThat(connector.problems(m)).containsExactly(
                "retry.backoff.max.ms (1000) is below retry.backoff.initial.ms (5000); raise it or lower the initial backoff");
    }

    @Test
    void aMisspeltKey() {
        assertThat(problems.with("item.titel.selector", "h1")).singleElement().asString()
                .startsWith("unknown key item.titel.selector for HtmlSiteSourceConnector; known keys: attachments.extensions");
    }

    /** The samples in connectors/config read as meant (ConfigSamplesTest validates them; the build runs in the module's directory). */
    @Test
    void theSampleConfigurationsReadAsMeant() throws Exception {
        Properties column = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("config/site-column.properties"), StandardCharsets.ISO_8859_1)) {
            column.load(in);
        }
        Map<String, String> columnProps = new HashMap<>();
        column.forEach((k, v) -> columnProps.put((String) k, (String) v));
        assertThat(new SiteConfig(columnProps).region()).isEqualTo("示范市");

        Map<String, String> board = Json.MAPPER.readValue(Files.readString(Path.of("config/site-board.json")), new TypeReference<>() {});
        assertThat(new SiteConfig(board).mode()).isEqualTo(SiteConfig.Mode.BOARD);
    }

    @Test
    void startRefusesAnInvalidConfigurationWithEveryProblem() {
        Map<String, String> m = valid();
        m.remove(SiteConfig.LIST_URL);
        m.put(SiteConfig.SEEN_MAX, "10");
        assertThatThrownBy(() -> connector.start(m)).isInstanceOf(ConnectException.class)
                .hasMessageContaining("HtmlSiteSourceConnector configuration is invalid:")
                .hasMessageContaining("site.list.url is required")
                .hasMessageContaining("Invalid value 10 for configuration seen.max: Value must be at least 100");
    }
}
