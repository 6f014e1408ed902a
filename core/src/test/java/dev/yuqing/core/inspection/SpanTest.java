package dev.yuqing.core.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.PostTimes;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpanTest {
    @Test
    void readsWeeksDaysMonthsAndHoursAndWritesThemBack() {
        assertThat(Span.parse("P2W")).isEqualTo(Span.ofDays(14));
        assertThat(Span.parse("p14d")).isEqualTo(Span.ofDays(14));
        assertThat(Span.parse("P6M")).isEqualTo(Span.ofMonths(6));
        assertThat(Span.parse("P1Y")).isEqualTo(Span.ofMonths(12));
        assertThat(Span.parse("PT12H")).isEqualTo(new Span(0, 0, 43_200));
        assertThat(Span.parse("P1M2DT3H")).isEqualTo(new Span(1, 2, 10_800));
        for (String s : new String[] {"P14D", "P6M", "P1Y", "PT12H", "P1M2DT3H", "P1DT30M"}) {
            assertThat(Span.parse(s).toString()).isEqualTo(s);
        }
    }

    @Test
    void addsMonthsOnTheChinaCalendar() {
        // Six months from the last day of August ends on the last day of February, not 183 days later.
        Instant lastUpdate = Instant.parse("2025-08-31T02:00:00Z"); // 10:00 China time
        assertThat(Span.ofMonths(6).addTo(lastUpdate, PostTimes.CHINA)).isEqualTo(Instant.parse("2026-02-28T02:00:00Z"));
        assertThat(Span.ofDays(14).subtractFrom(Instant.parse("2026-02-28T02:00:00Z"), PostTimes.CHINA))
                .isEqualTo(Instant.parse("2026-02-14T02:00:00Z"));
        assertThat(Span.ofMonths(6).isLongerThan(Span.ofDays(14))).isTrue();
        assertThat(Span.ofDays(14).isLongerThan(Span.ofDays(14))).isFalse();
    }

    @Test
    void refusesEmptyNegativeAndMalformedSpans() {
        assertThatThrownBy(() -> Span.parse("P0D")).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> Span.parse("P-3D")).hasMessageContaining("P-3D");
        assertThatThrownBy(() -> Span.parse("14 days")).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> Span.parse(" ")).hasMessageContaining("empty");
    }

    @Test
    void travelsAsItsIsoText() throws Exception {
        assertThat(Json.MAPPER.writeValueAsString(Span.ofMonths(6))).isEqualTo("\"P6M\"");
        assertThat(Json.MAPPER.readValue("\"P2W\"", Span.class)).isEqualTo(Span.ofDays(14));
    }

    @Test
    void readsInChineseForHandlers() {
        assertThat(Span.parse("P6M").toChinese()).isEqualTo("6个月");
        assertThat(Span.parse("P14D").toChinese()).isEqualTo("14天");
        assertThat(Span.parse("P1M3D").toChinese()).isEqualTo("1个月零3天");
        assertThat(Span.parse("PT12H").toChinese()).isEqualTo("12小时");
    }
}
