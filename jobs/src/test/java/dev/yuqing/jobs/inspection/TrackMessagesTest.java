package dev.yuqing.jobs.inspection;

import static dev.yuqing.jobs.inspection.InspectionPosts.BOARD;
import static dev.yuqing.jobs.inspection.InspectionPosts.post;
import static dev.yuqing.jobs.inspection.InspectionPosts.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.inspection.Finding;
import dev.yuqing.core.inspection.FindingKind;
import dev.yuqing.core.inspection.InspectionRules;
import dev.yuqing.core.inspection.WorkingCalendar;
import dev.yuqing.core.post.SourceType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrackMessagesTest {
    /** Friday 26 September 2025, 10:00 China time: the National Day holiday (1–8 October) lies ahead. */
    private static final Instant ASKED = china(2025, 9, 26, 10);
    private KeyedOneInputStreamOperatorTestHarness<String, BoardMessage, Finding> harness;
    /** The operator's metrics as it registers them, so that a test can read its counters. */
    private final InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
    private MockEnvironment environment;

    private static Instant china(int y, int m, int d, int h) {
        return OffsetDateTime.of(y, m, d, h, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
    }

    @BeforeEach
    void open() throws Exception {
        environment = dev.yuqing.jobs.MetricsEnvironment.keeping(metrics);
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new TrackMessages(InspectionRules.standard(), WorkingCalendar.standard(), false, Duration.ofDays(400))),
                BoardMessage::thread, Types.STRING, environment);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
        environment.close(); // given to the harness, so not closed by it
    }

    private void message(String thread, Instant at) throws Exception {
        harness.processElement(new BoardMessage(post(thread, SourceType.CITIZEN_MESSAGE, BOARD, "小区路灯不亮", "路灯坏了一个月", at, null, thread)
                .post(), target(BOARD)), at.toEpochMilli());
    }

    private void reply(String thread, Instant at) throws Exception {
        harness.processElement(new BoardMessage(post(thread + "-r", SourceType.CITIZEN_MESSAGE, BOARD, null, "已转交城管部门处理", at, thread, thread)
                .post(), target(BOARD)), at.toEpochMilli());
    }

    private void watermark(Instant at) throws Exception {
        harness.processWatermark(at.toEpochMilli());
    }

    private List<Finding> findings() {
        return harness.extractOutputValues();
    }

    private List<MessageStatus> statuses() {
        var out = harness.getSideOutput(TrackMessages.STATUS);
        return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList(); // null until the first
    }

    @Test
    void theNationalDayHolidayMovesTheDeadlineAndTheBreachComesExactlyAtIt() throws Exception {
        message("m1", ASKED);
        // Working days after Friday 26 Sep: Sun 28 (a make-up day), Mon 29, Tue 30, then 1–8 Oct off, Thu 9, Fri 10.
        Instant deadline = china(2025, 10, 11, 0);
        assertThat(statuses()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageStatus.State.OPEN);
            assertThat(s.deadline()).isEqualTo(deadline);
        });
        watermark(china(2025, 10, 3, 0)); // where weekends alone would put it
        assertThat(findings()).isEmpty();
        watermark(china(2025, 10, 10, 0)); // one working day before
        assertThat(findings()).singleElement().extracting(Finding::stage).isEqualTo(Finding.Stage.WARNING);
        watermark(deadline.minusMillis(1));
        assertThat(findings()).hasSize(1);
        watermark(deadline);
        assertThat(findings()).hasSize(2).last().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(Finding.Stage.BREACH);
            assertThat(f.kind()).isEqualTo(FindingKind.REPLY_LATE);
            assertThat(f.id()).isEqualTo(findings().get(0).id());
        });

        reply("m1", china(2025, 10, 13, 9));
        assertThat(findings()).last().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(Finding.Stage.BREACH);
            assertThat(f.resolvedAt()).isEqualTo(china(2025, 10, 13, 9));
        });
        assertThat(statuses()).last().satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageStatus.State.ANSWERED);
            assertThat(s.workingDays()).isEqualTo(7); // 28, 29, 30 Sep, 9, 10, 11 (make-up Saturday), 13 Oct
            assertThat(s.onTime()).isFalse();
        });
        assertThat(harness.numKeyedStateEntries()).as("only the mark that it was answered").isEqualTo(1);
    }

    @Test
    void aReplyInTimeClosesTheMessageAndItsWarning() throws Exception {
        message("m2", ASKED);
        watermark(china(2025, 10, 10, 0));
        reply("m2", china(2025, 10, 10, 15));
        assertThat(findings()).extracting(Finding::stage, f -> f.resolvedAt() != null)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Stage.WARNING, false),
                        org.assertj.core.groups.Tuple.tuple(Finding.Stage.WARNING, true));
        assertThat(statuses()).last().satisfies(s -> {
            assertThat(s.onTime()).isTrue();
            assertThat(s.workingDays()).isEqualTo(5);
        });
        watermark(china(2026, 6, 1, 0));
        assertThat(findings()).as("nothing fires for an answered message").hasSize(2);
    }

    @Test
    void aReplySeenBeforeItsMessageStillClosesIt() throws Exception {
        reply("m3", china(2025, 9, 29, 9));
        assertThat(statuses()).isEmpty();
        message("m3", ASKED);
        assertThat(statuses()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageStatus.State.ANSWERED);
            assertThat(s.workingDays()).isEqualTo(2);
        });
        assertThat(findings()).isEmpty();
    }

    @Test
    void aMessageLeftThreeMonthsWithoutAnswerFailsTheSite() throws Exception {
        message("m4", ASKED);
        watermark(china(2025, 12, 26, 10));
        assertThat(findings()).filteredOn(f -> f.kind() == FindingKind.UNANSWERED).extracting(Finding::stage)
                .containsExactly(Finding.Stage.WARNING, Finding.Stage.BREACH);
        assertThat(findings()).filteredOn(f -> f.kind() == FindingKind.UNANSWERED).last()
                .satisfies(f -> assertThat(f.veto()).isTrue());
        assertThat(statuses()).extracting(MessageStatus::state)
                .containsExactly(MessageStatus.State.OPEN, MessageStatus.State.OVERDUE, MessageStatus.State.UNANSWERED);
    }

    @Test
    void aReplyPastTheLimitIsABreachEvenBeforeTheWatermarkGotThere() throws Exception {
        message("m5", ASKED);
        reply("m5", china(2026, 1, 5, 9)); // more than three months later, no watermark since
        assertThat(findings()).filteredOn(f -> f.kind() == FindingKind.UNANSWERED).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(Finding.Stage.BREACH);
            assertThat(f.firstSeen()).isEqualTo(china(2025, 12, 26, 10));
            assertThat(f.resolvedAt()).isEqualTo(china(2026, 1, 5, 9));
        });
        assertThat(findings()).filteredOn(f -> f.kind() == FindingKind.REPLY_LATE).singleElement()
                .satisfies(f -> assertThat(f.stage()).isEqualTo(Finding.Stage.BREACH));
    }

    @Test
    void aReplyAfterTheRetentionIsNotMatchedEvenBeforeTheTimerFires() throws Exception {
        message("m6", ASKED);
        reply("m6", ASKED.plus(Duration.ofDays(400)));
        // Nothing moved event time in between (a sparse stream): what fell due is raised, then the thread is let go.
        assertThat(statuses()).extracting(MessageStatus::state)
                .containsExactly(MessageStatus.State.OPEN, MessageStatus.State.OVERDUE, MessageStatus.State.UNANSWERED);
        assertThat(findings()).extracting(Finding::kind).containsExactly(FindingKind.REPLY_LATE, FindingKind.UNANSWERED);
        assertThat(harness.numKeyedStateEntries()).as("only the late reply, kept until its own retention").isEqualTo(1);
    }

    @Test
    void aMessageAndReplySeenAgainAfterTheAnswerChangeNothing() throws Exception {
        message("m7", ASKED);
        reply("m7", china(2025, 9, 29, 9));
        int statuses = statuses().size();
        int findings = findings().size();
        message("m7", ASKED); // replayed after a restart
        reply("m7", china(2025, 9, 29, 9));
        watermark(china(2026, 1, 5, 0));
        assertThat(statuses()).as("not reopened, not answered twice").hasSize(statuses);
        assertThat(findings()).hasSize(findings);
        watermark(china(2026, 11, 5, 0)); // past the retention: the mark goes
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aMessageOutsideTheCalendarIsCountedOnceWhateverFiresAfterIt() throws Exception {
        // The bundled calendar ends with 2026: no reply deadline for a message asked in 2027.
        Instant asked = china(2027, 3, 1, 10);
        message("m8", asked);
        Counter uncovered = (Counter) metrics.get("messagesOutsideCalendar");
        assertThat(uncovered.getCount()).isEqualTo(1);
        assertThat(statuses()).singleElement().satisfies(s -> assertThat(s.deadline()).isNull());

        watermark(china(2027, 6, 1, 10)); // past the unanswered limit's warning and breach
        assertThat(findings()).extracting(Finding::kind, Finding::stage).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FindingKind.UNANSWERED, Finding.Stage.WARNING),
                org.assertj.core.groups.Tuple.tuple(FindingKind.UNANSWERED, Finding.Stage.BREACH));
        watermark(asked.plus(Duration.ofDays(400))); // the retention: the thread is let go
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(uncovered.getCount()).as("one message, counted (and logged) once").isEqualTo(1);
    }

    @Test
    void aMessageOutsideTheCalendarAnsweredIsCountedOnce() throws Exception {
        message("m9", china(2027, 3, 1, 10));
        reply("m9", china(2027, 3, 2, 9));
        assertThat(statuses()).last().satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageStatus.State.ANSWERED);
            assertThat(s.onTime()).as("unknown without the calendar").isNull();
        });
        assertThat(((Counter) metrics.get("messagesOutsideCalendar")).getCount()).isEqualTo(1);
    }

    /**
     * A message the calendar covers, answered late on a day it does not (the calendar not yet
     * extended into the new year): the answer is recorded, late by its deadline, with the working
     * days unknown. It used to throw, and the replayed reply threw again after every restart.
     */
    @Test
    void aReplyOnADayBeyondTheCalendarIsRecordedWithoutItsWorkingDays() throws Exception {
        message("m10", china(2026, 12, 1, 10));
        reply("m10", china(2027, 1, 5, 9));
        assertThat(statuses()).last().satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageStatus.State.ANSWERED);
            assertThat(s.onTime()).as("by the deadline, which fell in the calendar").isFalse();
            assertThat(s.workingDays()).isNull();
        });
        assertThat(findings()).last().satisfies(f -> assertThat(f.detail()).contains("超过答复期限").doesNotContain("null"));
        assertThat(((Counter) metrics.get("messagesOutsideCalendar")).getCount()).isEqualTo(1);
    }
}
