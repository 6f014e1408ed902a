package dev.yuqing.connectors.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The probe times of the sites, from a fixed time. */
class ProbeScheduleTest {
    private static final Instant NOON = Instant.parse("2026-05-15T04:00:00Z"); // noon in China
    private final ProbeSchedule eightADay = new ProbeSchedule(8);

    @Test
    void eachSiteIsProbedPerDayTimesAtEvenIntervalsAtItsOwnOffset() {
        String site = "site:www.demo.yuqing.invalid";
        Instant t = NOON;
        List<Instant> day = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            t = eightADay.after(site, t);
            day.add(t);
        }
        assertThat(day.get(0)).isAfter(NOON).isBeforeOrEqualTo(NOON.plus(Duration.ofHours(3)));
        for (int i = 1; i < day.size(); i++) {
            assertThat(Duration.between(day.get(i - 1), day.get(i))).isEqualTo(Duration.ofHours(3));
        }
        assertThat(eightADay.after(site, day.get(7))).as("the same times the next day").isEqualTo(day.get(0).plus(Duration.ofDays(1)));
        assertThat(Duration.between(Instant.EPOCH, day.get(0)).toMillis() % Duration.ofHours(3).toMillis())
                .isEqualTo(eightADay.offset(site).toMillis());
        assertThat(eightADay.after(site, day.get(0).minusMillis(1))).as("at its time exactly, not later").isEqualTo(day.get(0));
    }

    @Test
    void theSitesTimesSpreadOverTheInterval() {
        List<Long> offsets = IntStream.range(0, 100).mapToObj(i -> eightADay.offset("site:www.s" + i + ".gov.cn").toSeconds()).toList();
        assertThat(offsets).allSatisfy(o -> assertThat(o).isBetween(0L, Duration.ofHours(3).toSeconds() - 1));
        assertThat(offsets.stream().distinct().count()).as("not at the same instant").isGreaterThan(95);
        long inFirstHalf = offsets.stream().filter(o -> o < Duration.ofMinutes(90).toSeconds()).count();
        assertThat(inFirstHalf).as("spread, not bunched").isBetween(30L, 70L);
        assertThat(eightADay.offset("site:www.s1.gov.cn")).as("the same for a site every time").isEqualTo(new ProbeSchedule(8).offset("site:www.s1.gov.cn"));
    }

    @Test
    void aRestartKeepsTheKeptTimeProbesAMissedOneAtOnceAndReschedulesOneTooFarAhead() {
        String site = "site:www.demo.yuqing.invalid";
        Instant kept = NOON.plus(Duration.ofHours(1));
        assertThat(eightADay.resume(site, kept, NOON)).isEqualTo(kept);
        Instant missed = NOON.minus(Duration.ofHours(5));
        assertThat(eightADay.resume(site, missed, NOON)).as("due at once, not skipped").isEqualTo(missed);
        assertThat(eightADay.resume(site, null, NOON)).as("a site never probed: at once").isEqualTo(NOON);
        assertThat(eightADay.resume(site, NOON.plus(Duration.ofHours(20)), NOON)).as("kept by a schedule of once a day")
                .isEqualTo(eightADay.after(site, NOON));
    }

    @Test
    void onceADayAndEveryMinute() {
        assertThat(new ProbeSchedule(1).interval()).isEqualTo(Duration.ofDays(1));
        assertThat(new ProbeSchedule(1440).interval()).isEqualTo(Duration.ofMinutes(1));
    }
}
