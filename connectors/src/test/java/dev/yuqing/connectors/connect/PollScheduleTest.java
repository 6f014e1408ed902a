package dev.yuqing.connectors.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-05-15T01:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    private final ManualClock clock = new ManualClock();
    private final StopSignal stop = new StopSignal();
    private final PollSchedule schedule = new PollSchedule(Duration.ofSeconds(10), stop, clock);

    @Test
    void dueAtOnceThenOneIntervalAfterTheSourceWasAsked() throws Exception {
        assertThat(schedule.due()).isTrue();
        clock.advance(Duration.ofSeconds(3)); // the request took 3 s
        schedule.asked();
        assertThat(schedule.next()).isEqualTo(clock.instant().plusSeconds(10));
        stop.stop(); // so that the wait for a source not yet due returns at once
        assertThat(schedule.due()).isFalse();
    }

    @Test
    void aLaterTimeTheSourceAskedForWinsWhicheverComesFirst() {
        schedule.notBefore(clock.instant().plusSeconds(120)); // a long Retry-After in the middle of a walk
        schedule.asked();
        assertThat(schedule.next()).isEqualTo(clock.instant().plusSeconds(120));
        schedule.notBefore(clock.instant().plusSeconds(5)); // earlier than planned: ignored
        schedule.notBefore(null);
        assertThat(schedule.next()).isEqualTo(clock.instant().plusSeconds(120));
    }

    @Test
    void aStoppedTaskIsNeverDue() throws Exception {
        stop.stop();
        assertThat(schedule.due()).isFalse();
    }
}
