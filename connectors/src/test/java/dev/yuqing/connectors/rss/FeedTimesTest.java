package dev.yuqing.connectors.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedTimesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Fri, 15 May 2026 09:30:00 +0800 | 2026-05-15T01:30:00Z",
            "Fri, 15 May 2026 01:30:00 GMT   | 2026-05-15T01:30:00Z",
            "15 May 2026 01:30 UT            | 2026-05-15T01:30:00Z",
            "Fri, 5 May 2026 09:30:00 +08:00 | 2026-05-05T01:30:00Z",
            "11 May 26 09:00 GMT             | 2026-05-11T09:00:00Z",
            "Sat, 07 Sep 02 00:00:01 EDT     | 2002-09-07T04:00:01Z",
            "Mon, 11 May 2026 10:00:00 CST   | 2026-05-11T02:00:00Z",
            "Fri, 15 May 2026 09:30:00       | 2026-05-15T01:30:00Z",
            "Tue Jun 03 11:05:30 CST 2008    | 2008-06-03T03:05:30Z",
            "2026-05-12T08:00:00+08:00       | 2026-05-12T00:00:00Z",
            "2026-05-10T09:00:00Z            | 2026-05-10T09:00:00Z",
            "2026-05-13 08:00:00             | 2026-05-13T00:00:00Z",
            "2026年5月13日 08:00             | 2026-05-13T00:00:00Z",
    })
    void readsTheFormsFeedsUse(String text, String expected) {
        assertThat(FeedTimes.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @ValueSource(strings = {"星期四 下午三点", "Fri, 31 Feb 2026 09:30:00 +0800", "Fri, 15 Mai 2026 09:30:00 +0800",
            "Fri, 15 May 2026 09:30:00 XYZ", "", "yesterday"})
    void refusesWhatIsNotATime(String text) {
        assertThat(FeedTimes.parse(text)).isEmpty();
    }
}
