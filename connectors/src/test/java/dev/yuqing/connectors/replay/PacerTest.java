package dev.yuqing.connectors.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PacerTest {
    /** A clock that moves only when the test moves it. */
    private long now = 1_000_000;

    private Pacer pacer(double speed) {
        return new Pacer(speed, () -> now);
    }

    @Test
    void recordsAreDueAtTheirPublishedPaceTimesTheSpeed() {
        Pacer p = pacer(60);
        Instant t0 = Instant.parse("2026-11-20T00:00:00Z");
        assertThat(p.delayMillis(t0)).isZero();
        assertThat(p.delayMillis(t0.plusSeconds(60))).isEqualTo(1_000); // a minute of posts takes a second at 60×
        now += 1_000;
        assertThat(p.delayMillis(t0.plusSeconds(60))).isZero();
        now += 5_000; // the pipeline was slow: a record already due leaves at once
        assertThat(p.delayMillis(t0.plusSeconds(120))).isZero();
        assertThat(p.delayMillis(t0.minusSeconds(60))).as("earlier than the origin").isZero();
    }

    @Test
    void speedZeroAndUntimedRecordsNeverWait() {
        Pacer p = pacer(0);
        assertThat(p.delayMillis(Instant.parse("2026-11-20T00:00:00Z"))).isZero();
        assertThat(p.delayMillis(Instant.parse("2026-11-21T00:00:00Z"))).isZero();
        Pacer q = pacer(1);
        assertThat(q.delayMillis(Instant.parse("2026-11-20T00:00:00Z"))).isZero();
        assertThat(q.delayMillis(null)).isZero();
    }

    @Test
    void refusesANegativeSpeed() {
        assertThatThrownBy(() -> pacer(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
