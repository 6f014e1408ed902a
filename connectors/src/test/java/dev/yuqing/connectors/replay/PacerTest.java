package dev.yuqing.connectors.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
    /** A clock that moves only when the pacer sleeps. */
    private long now = 1_000_000;
    private final List<Long> sleeps = new ArrayList<>();

    private Pacer pacer(double speed) {
        return new Pacer(speed, () -> now, millis -> {
            sleeps.add(millis);
            now += millis;
        }, () -> true);
    }

    @Test
    void releasesRecordsAtTheirPublishedPaceTimesTheSpeed() throws Exception {
        Pacer p = pacer(60);
        Instant t0 = Instant.parse("2026-11-20T00:00:00Z");
        p.await(t0);
        assertThat(now).isEqualTo(1_000_000);
        p.await(t0.plusSeconds(60)); // a minute of posts takes a second at 60×
        assertThat(now).isEqualTo(1_001_000);
        now += 5_000; // the pipeline was slow: a record already due leaves at once
        p.await(t0.plusSeconds(120));
        assertThat(now).isEqualTo(1_006_000);
        assertThat(sleeps).allMatch(s -> s <= 200);
    }

    @Test
    void speedZeroAndUntimedRecordsNeverWait() throws Exception {
        Pacer p = pacer(0);
        p.await(Instant.parse("2026-11-20T00:00:00Z"));
        p.await(Instant.parse("2026-11-21T00:00:00Z"));
        Pacer q = pacer(1);
        q.await(Instant.parse("2026-11-20T00:00:00Z"));
        q.await(null);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void stopsWaitingWhenStopped() throws Exception {
        Pacer p = new Pacer(1, () -> now, millis -> now += millis, () -> now < 1_000_500);
        p.await(Instant.parse("2026-11-20T00:00:00Z"));
        p.await(Instant.parse("2026-11-20T01:00:00Z"));
        assertThat(now).isLessThan(1_001_000);
    }

    @Test
    void refusesANegativeSpeed() {
        assertThatThrownBy(() -> pacer(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
