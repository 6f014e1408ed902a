package dev.yuqing.connectors.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.connect.ConfigProblems;
import dev.yuqing.connectors.connect.HttpSourceKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each configuration error gives a message that names the key and says how to fix it. */
class HttpApiConfigTest {
    private final HttpApiSourceConnector connector = new HttpApiSourceConnector();
    private final ConfigProblems problems = new ConfigProblems(connector, HttpApiConfigTest::valid);

    private static Map<String, String> valid() {
        return ConfigProblems.base(HttpApiSourceConnector.class, Map.of(
                HttpApiConfig.API_URL, "https://api.demo.yuqing.invalid/messages?page={page}&size=50",
                HttpApiConfig.API_ACCOUNT, "board:www.demo.yuqing.invalid/zmhd",
                HttpApiConfig.API_ITEMS_POINTER, "/data/items",
                HttpApiConfig.API_MAPPING, "id=/mid,text=/content,publishedAt=/created_at,author=/user/name"));
    }

    @Test
    void aValidConfigurationHasNoProblems() {
        assertThat(connector.problems(valid())).isEmpty();
        Map<String, String> cursor = valid();
        cursor.put(HttpApiConfig.API_URL, "https://api.demo.yuqing.invalid/messages?cursor={cursor}");
        cursor.put(HttpApiConfig.API_PAGING, "cursor");
        cursor.put(HttpApiConfig.API_CURSOR_POINTER, "/data/next");
        cursor.put(HttpApiConfig.HTTP_HEADERS, "Authorization: Bearer s3cret|X-Api-Key: k1\nX-Client: yuqing");
        assertThat(connector.problems(cursor)).isEmpty();
        assertThat(new HttpApiConfig(cursor).headers()).containsExactly(
                Map.entry("Authorization", "Bearer s3cret"), Map.entry("X-Api-Key", "k1"), Map.entry("X-Client", "yuqing"));
    }

    @Test
    void aMissingOrBadUrl() {
        assertThat(problems.with(HttpApiConfig.API_URL, null)).singleElement().asString().startsWith("api.url is required: the API listing to read");
        assertThat(problems.with(HttpApiConfig.API_URL, "ftp://api.demo.yuqing.invalid/{page}")).containsExactly(
                "Invalid value ftp://api.demo.yuqing.invalid/{page} for configuration api.url: must be an absolute http(s) URL with a host, "
                        + "with {page}, {cursor} or {since} where the paging value goes, such as https://api.example.gov.cn/messages?page={page}&size=50");
        assertThat(problems.with(HttpApiConfig.API_URL, "http://169.254.169.254/latest/{page}")).containsExactly(
                "api.url http://169.254.169.254/latest/1 would never be fetched: 169.254.169.254 is a link-local address (169.254.0.0/16); "
                        + "add 169.254.169.254 to http.allowed.hosts if the connector must read it");
    }

    @Test
    void aUrlWithoutThePlaceholderOfItsPaging() {
        assertThat(problems.with(HttpApiConfig.API_URL, "https://api.demo.yuqing.invalid/messages")).containsExactly(
                "api.url has no {page} for api.paging page; put it where the API takes the page number, such as ?page={page}");
        Map<String, String> since = valid();
        since.put(HttpApiConfig.API_PAGING, "since-id");
        assertThat(connector.problems(since)).containsExactly(
                "api.url has no {since} for api.paging since-id; put it where the API takes the lowest id to list, such as ?since_id={since}");
    }

    @Test
    void anUnknownPagingMode() {
        assertThat(problems.with(HttpApiConfig.API_PAGING, "offset")).singleElement().asString()
                .startsWith("Invalid value offset for configuration api.paging: String must be one of: page, cursor, since-id");
    }

    @Test
    void cursorPagingWithoutAPointerToTheNextCursor() {
        Map<String, String> m = valid();
        m.put(HttpApiConfig.API_URL, "https://api.demo.yuqing.invalid/messages?cursor={cursor}");
        m.put(HttpApiConfig.API_PAGING, "cursor");
        assertThat(connector.problems(m)).containsExactly("api.cursor.pointer is required for api.paging cursor: "
                + "give the JSON Pointer of the next cursor in an answer, such as /data/next_cursor");
    }

    @Test
    void aPointerThatIsNotOne() {
        assertThat(problems.with(HttpApiConfig.API_ITEMS_POINTER, "data.items")).singleElement().asString()
                .startsWith("Invalid value data.items for configuration api.items.pointer: is not a JSON Pointer (")
                .endsWith("); write it as /data/items");
    }

    @Test
    void aMappingWithoutIdOrWithAccountOrUnknownField() {
        assertThat(problems.with(HttpApiConfig.API_MAPPING, "text=/content,publishedAt=/created_at")).containsExactly(
                "Invalid value text=/content,publishedAt=/created_at for configuration api.mapping: must map id, the item's native id, such as id=/mid");
        assertThat(problems.with(HttpApiConfig.API_MAPPING, "id=/mid,account=/uid")).containsExactly(
                "Invalid value id=/mid,account=/uid for configuration api.mapping: must not map account or source; set api.account and api.source instead");
        assertThat(problems.with(HttpApiConfig.API_MAPPING, "id=/mid,body=/content")).singleElement().asString()
                .contains("for configuration api.mapping: mapping names unknown post field 'body'");
    }

    @Test
    void anUnknownSource() {
        assertThat(problems.with(HttpApiConfig.API_SOURCE, "twitter")).containsExactly("Invalid value twitter for configuration api.source: "
                + "is not a source; use one of weibo, wechat, douyin, site-comment, citizen-message, site-page");
    }

    @Test
    void badHeadersAreNamedWithoutShowingTheSecret() {
        assertThat(problems.with(HttpApiConfig.HTTP_HEADERS, "Authorization Bearer s3cret")).containsExactly(
                "Invalid value [hidden] for configuration http.headers: entry 1 is not 'Name: value' (such as Authorization: Bearer TOKEN)");
        assertThat(problems.with(HttpApiConfig.HTTP_HEADERS, "X-Api-Key: k1|User-Agent: me")).containsExactly(
                "Invalid value [hidden] for configuration http.headers: entry 2 sets User-Agent, which the connector sets itself; "
                        + "use http.user.agent; remove it");
    }

    @Test
    void aBackoffMaximumBelowTheInitialBackoffAndAMisspeltKey() {
        Map<String, String> m = valid();
        m.put(HttpSourceKeys.RETRY_BACKOFF_INITIAL_MS, "5000");
        m.put(HttpSourceKeys.RETRY_BACKOFF_MAX_MS, "1000");
        assertThat(connector.problems(m)).containsExactly(
                "retry.backoff.max.ms (1000) is below retry.backoff.initial.ms (5000); raise it or lower the initial backoff");
        assertThat(problems.with("api.item.pointer", "/data")).singleElement().asString().startsWith("unknown key api.item.pointer for HttpApiSourceConnector");
    }
}
