package dev.yuqing.core.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostJsonTest {
    private final PostJson json = new PostJson();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAFullPostAndWritesItBack() throws Exception {
        Post p = json.read(bytes("""
                {"id":"weibo-1","source":"weibo","account":"weibo:示范市发布","author":"示范市发布",
                 "url":"https://weibo.example/1","title":"标题","text":"南湖区供水管网改造完成",
                 "publishedAt":"2026-11-20T08:00:00+08:00","fetchedAt":"2026-11-20T00:05:00Z","region":"南湖区",
                 "replyTo":"weibo-0","threadId":"t-1","engagement":{"likes":3,"comments":"4","shares":5,"views":6}}
                """));
        assertThat(p.id()).isEqualTo("weibo-1");
        assertThat(p.source()).isEqualTo(SourceType.WEIBO);
        assertThat(p.publishedAt()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(p.engagement()).isEqualTo(new Engagement(3, 4, 5, 6));
        assertThat(json.read(json.write(p))).isEqualTo(p);
    }

    @Test
    void readsLocalTimesInChinaTimeAndEpochNumbers() throws Exception {
        String base = "{\"id\":\"a\",\"source\":\"wechat\",\"account\":\"w\",\"text\":\"t\",\"publishedAt\":";
        Instant expected = Instant.parse("2019-04-25T01:32:09Z");
        assertThat(json.read(bytes(base + "\"2019/4/25 9:32:09\"}")).publishedAt()).isEqualTo(expected);
        assertThat(json.read(bytes(base + "\"2019-04-25 09:32:09\"}")).publishedAt()).isEqualTo(expected);
        assertThat(json.read(bytes(base + "\"2019-04-25T09:32:09\"}")).publishedAt()).isEqualTo(expected);
        assertThat(json.read(bytes(base + expected.getEpochSecond() + "}")).publishedAt()).isEqualTo(expected);
        assertThat(json.read(bytes(base + expected.toEpochMilli() + "}")).publishedAt()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json            | {\"id\":                                                                              | record",
            "array               | [1,2]                                                                                   | record",
            "missing id          | {\"source\":\"weibo\",\"account\":\"a\",\"text\":\"t\",\"publishedAt\":\"2026-01-01T00:00:00Z\"} | id",
            "blank text          | {\"id\":\"x\",\"source\":\"weibo\",\"account\":\"a\",\"text\":\"  \",\"publishedAt\":\"2026-01-01T00:00:00Z\"} | text",
            "unknown source      | {\"id\":\"x\",\"source\":\"tiktok\",\"account\":\"a\",\"text\":\"t\",\"publishedAt\":\"2026-01-01T00:00:00Z\"} | source",
            "bad time            | {\"id\":\"x\",\"source\":\"weibo\",\"account\":\"a\",\"text\":\"t\",\"publishedAt\":\"昨天\"} | publishedAt",
            "no time             | {\"id\":\"x\",\"source\":\"weibo\",\"account\":\"a\",\"text\":\"t\"} | publishedAt",
            "id with space       | {\"id\":\"x y\",\"source\":\"weibo\",\"account\":\"a\",\"text\":\"t\",\"publishedAt\":\"2026-01-01T00:00:00Z\"} | id",
            "unknown field       | {\"id\":\"x\",\"source\":\"weibo\",\"account\":\"a\",\"content\":\"t\",\"text\":\"t\",\"publishedAt\":\"2026-01-01T00:00:00Z\"} | content",
            "bad url             | {\"id\":\"x\",\"source\":\"weibo\",\"account\":\"a\",\"text\":\"t\",\"url\":\"javascript:alert(1)\",\"publishedAt\":\"2026-01-01T00:00:00Z\"} | url",
            "negative count      | {\"id\":\"x\",\"source\":\"weibo\",\"account\":\"a\",\"text\":\"t\",\"publishedAt\":\"2026-01-01T00:00:00Z\",\"engagement\":{\"likes\":-1}} | engagement.likes",
            "text is an object   | {\"id\":\"x\",\"source\":\"weibo\",\"account\":\"a\",\"text\":{},\"publishedAt\":\"2026-01-01T00:00:00Z\"} | text",
    })
    void rejectsWithTheFieldAndAReason(String name, String record, String field) {
        assertThatThrownBy(() -> json.read(bytes(record)))
                .isInstanceOfSatisfying(InvalidPostException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).isNotBlank();
                });
    }

    @Test
    void rejectsEmptyAndOverlongRecords() {
        assertThatThrownBy(() -> json.read(new byte[0])).hasMessage("record: empty");
        String longText = "长".repeat(PostJson.MAX_TEXT_LENGTH + 1);
        assertThatThrownBy(() -> json.read(bytes("{\"id\":\"x\",\"source\":\"weibo\",\"account\":\"a\",\"text\":\"" + longText
                + "\",\"publishedAt\":\"2026-01-01T00:00:00Z\"}"))).hasMessageStartingWith("text: longer than");
    }
}
