package dev.yuqing.connectors.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SiteTimesTest {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final SiteTimes found = new SiteTimes(null, CHINA);

    @Test
    void withoutAPatternTheFirstDateInTheTextIsChinaTime() {
        assertThat(found.parse("发布时间：2026-05-15 09:30 来源：示范市办公室")).contains(Instant.parse("2026-05-15T01:30:00Z"));
        assertThat(found.parse("2026年5月15日 9时30分")).contains(Instant.parse("2026-05-15T01:30:00Z"));
        assertThat(found.parse("[2026/05/15]")).as("a date alone is midnight").contains(Instant.parse("2026-05-14T16:00:00Z"));
        assertThat(found.parse("2026-05-15T09:30:00+08:00")).contains(Instant.parse("2026-05-15T01:30:00Z"));
        assertThat(found.parse("时间：2026.05.15 09:30:45")).contains(Instant.parse("2026-05-15T01:30:45Z"));
    }

    @Test
    void textWithoutADateOrAnImpossibleDateIsNoTime() {
        assertThat(found.parse("星期五 上午")).isEmpty();
        assertThat(found.parse("2026-02-30")).isEmpty();
        assertThat(found.parse("  ")).isEmpty();
        assertThat(found.expected()).contains("item.time.pattern");
    }

    @Test
    void aPatternMustMatchTheWholeText() {
        SiteTimes p = new SiteTimes("'发布日期：'yyyy年MM月dd日", CHINA);
        assertThat(p.parse("发布日期：2026年05月15日")).contains(Instant.parse("2026-05-14T16:00:00Z"));
        assertThat(p.parse("2026年05月15日")).isEmpty();
        SiteTimes withTime = new SiteTimes("dd/MM/yyyy HH:mm", ZoneId.of("UTC"));
        assertThat(withTime.parse("15/05/2026 09:30")).contains(Instant.parse("2026-05-15T09:30:00Z"));
        assertThat(withTime.expected()).isEqualTo("expected the pattern 'dd/MM/yyyy HH:mm' (item.time.pattern)");
    }
}
