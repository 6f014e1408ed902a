package dev.yuqing.connectors.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.http.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-05-15T01:00:00Z"));
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
