package dev.yuqing.jobs.inspection;

import static dev.yuqing.jobs.inspection.InspectionPosts.BOARD;
import static dev.yuqing.jobs.inspection.InspectionPosts.post;
import static dev.yuqing.jobs.inspection.InspectionPosts.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alert.AlertType;
import dev.yuqing.core.inspection.Finding;
import dev.yuqing.core.inspection.FindingKind;
import dev.yuqing.core.inspection.InspectionRules;
import dev.yuqing.core.inspection.WorkingCalendar;
import dev.yuqing.core.post.SourceType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
    void aMessageBeforeTheCalendarsFirstYearGetsNoDeadlineAndIsCountedOnceWhateverFiresAfterIt() throws Exception {
        // The bundled calendar starts with 2011: nothing is known before, so no reply deadline.
        Instant asked = china(2010, 6, 1, 10);
        message("m8", asked);
        Counter uncovered = (Counter) metrics.get("messagesOutsideCalendar");
        assertThat(uncovered.getCount()).isEqualTo(1);
        assertThat(statuses()).singleElement().satisfies(s -> {
            assertThat(s.deadline()).isNull();
            assertThat(s.deadlineEstimated()).isFalse();
        });

        watermark(china(2010, 9, 2, 10)); // past the unanswered limit's warning and breach
        assertThat(findings()).extracting(Finding::kind, Finding::stage).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FindingKind.UNANSWERED, Finding.Stage.WARNING),
                org.assertj.core.groups.Tuple.tuple(FindingKind.UNANSWERED, Finding.Stage.BREACH));
        reply("m8", china(2010, 9, 3, 9));
        assertThat(statuses()).last().satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageStatus.State.ANSWERED);
            assertThat(s.onTime()).as("unknown without the calendar").isNull();
            assertThat(s.workingDays()).isNull();
        });
        assertThat(uncovered.getCount()).as("one message, counted (and logged) once").isEqualTo(1);
    }

    /**
     * Past the calendar's end (it ends with 2026) deadlines do not stop: Monday to Friday count, and
     * the status and the findings say the deadline is an estimate.
     */
    @Test
    void aMessageAfterTheCalendarsEndGetsAnEstimatedDeadlineAndIsJudgedLateByIt() throws Exception {
        Instant asked = china(2027, 3, 1, 10); // a Monday
        message("m9", asked);
        // Tue 2, Wed 3, Thu 4, Fri 5, Mon 8 March: due by the end of Monday 8 March.
        Instant deadline = china(2027, 3, 9, 0);
        assertThat(statuses()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageStatus.State.OPEN);
            assertThat(s.deadline()).isEqualTo(deadline);
            assertThat(s.deadlineEstimated()).isTrue();
        });
        watermark(china(2027, 3, 8, 0)); // one working day before
        assertThat(findings()).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(Finding.Stage.WARNING);
            assertThat(f.detail()).contains("须于2027年3月9日（工作日历未覆盖，按周一至周五估算）前答复");
        });
        watermark(deadline);
        assertThat(findings()).last().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(Finding.Stage.BREACH);
            assertThat(f.kind()).isEqualTo(FindingKind.REPLY_LATE);
            assertThat(f.detail()).contains("按周一至周五估算");
        });
        assertThat(statuses()).last().satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageStatus.State.OVERDUE);
            assertThat(s.deadlineEstimated()).isTrue();
        });

        reply("m9", china(2027, 3, 10, 9));
        assertThat(statuses()).last().satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageStatus.State.ANSWERED);
            assertThat(s.onTime()).isFalse();
            assertThat(s.workingDays()).isEqualTo(7); // 2, 3, 4, 5, 8, 9, 10 March
            assertThat(s.deadlineEstimated()).isTrue();
            assertThat(s.workingDaysEstimated()).isTrue();
        });
        assertThat(findings()).last().satisfies(f -> {
            assertThat(f.resolvedAt()).isEqualTo(china(2027, 3, 10, 9));
            assertThat(f.detail()).contains("用时7个工作日，超过答复期限（工作日历未覆盖，按周一至周五估算）");
        });
        assertThat(((Counter) metrics.get("messagesEstimated")).getCount()).isEqualTo(1);
        assertThat(((Counter) metrics.get("messagesOutsideCalendar")).getCount()).isZero();
    }

    @Test
    void aMessageAfterTheCalendarsEndAnsweredInTimeIsOnTimeByTheEstimate() throws Exception {
        message("m11", china(2027, 3, 1, 10));
        reply("m11", china(2027, 3, 8, 17)); // the fifth working day counted Monday to Friday
        assertThat(statuses()).last().satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageStatus.State.ANSWERED);
            assertThat(s.onTime()).isTrue();
            assertThat(s.workingDays()).isEqualTo(5);
            assertThat(s.workingDaysEstimated()).isTrue();
        });
        assertThat(findings()).isEmpty();
    }

    @Test
    void aDeadlineRunningPastTheEndIsEstimatedButAReplyBeforeTheEndCountsExactly() throws Exception {
        // Monday 28 December 2026: Tue 29, Wed 30, Thu 31 from the calendar, Fri 1 and Mon 4 January guessed.
        message("m12", china(2026, 12, 28, 9));
        reply("m12", china(2026, 12, 30, 16));
        assertThat(statuses()).extracting(MessageStatus::deadline, MessageStatus::deadlineEstimated, MessageStatus::workingDays,
                MessageStatus::workingDaysEstimated).containsExactly(
                org.assertj.core.groups.Tuple.tuple(china(2027, 1, 5, 0), true, null, false),
                org.assertj.core.groups.Tuple.tuple(china(2027, 1, 5, 0), true, 2, false));
        assertThat(statuses()).last().extracting(MessageStatus::onTime).isEqualTo(true);
    }

    /**
     * A message the calendar covers, answered late on a day it does not (the calendar not yet
     * extended into the new year): the verdict is exact, by a deadline within the calendar; the
     * working days taken are estimated. It used to throw, and then to leave them unknown.
     */
    @Test
    void aReplyOnADayBeyondTheCalendarIsRecordedWithEstimatedWorkingDays() throws Exception {
        message("m10", china(2026, 12, 1, 10));
        reply("m10", china(2027, 1, 5, 9));
        assertThat(statuses()).last().satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageStatus.State.ANSWERED);
            assertThat(s.onTime()).as("by the deadline, which fell in the calendar").isFalse();
            assertThat(s.deadlineEstimated()).isFalse();
            // 22 working days in December 2026 after the 1st, then Fri 1, Mon 4 and Tue 5 January 2027 guessed.
            assertThat(s.workingDays()).isEqualTo(25);
            assertThat(s.workingDaysEstimated()).isTrue();
        });
        assertThat(findings()).last().satisfies(f -> assertThat(f.detail()).contains("用时25个工作日，超过答复期限（工作日历未覆盖")
                .doesNotContain("null"));
        assertThat(((Counter) metrics.get("messagesEstimated")).getCount()).isEqualTo(1);
        assertThat(((Counter) metrics.get("messagesOutsideCalendar")).getCount()).isZero();
    }

    /** The statuses as the messages index gets them: the estimate flags are fields of the document. */
    @Test
    void theEstimateIsInTheMessagesDocument() throws Exception {
        message("m13", china(2027, 3, 1, 10));
        var doc = dev.yuqing.core.json.Json.MAPPER.readTree(new InspectionDocuments.Messages("yuqing-messages")
                .toDocument(statuses().get(0)).json());
        assertThat(doc.get("deadlineEstimated").asBoolean()).isTrue();
        assertThat(doc.get("workingDaysEstimated").asBoolean()).isFalse();
        assertThat(doc.has("estimated")).as("a derived accessor, not a field of the index").isFalse();
    }

    /** Two messages past the calendar's end, each with several statuses: one operator alert, also after a restart. */
    @Test
    void messagesPastTheCalendarsEndRaiseOneOperatorAlert() throws Exception {
        message("m14", china(2026, 12, 1, 10)); // within the calendar: no alert
        message("m15", china(2027, 3, 1, 10));
        message("m16", china(2027, 3, 2, 10));
        watermark(china(2027, 3, 20, 0)); // both overdue
        reply("m15", china(2027, 3, 22, 9));
        assertThat(statuses()).filteredOn(MessageStatus::estimated).hasSize(5);

        LocalDate end = WorkingCalendar.standard().coveredUntil();
        org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot;
        try (var alerts = alertHarness(end)) {
            alerts.open();
            for (MessageStatus s : statuses()) {
                alerts.processElement(s, s.at().toEpochMilli());
            }
            assertThat(alerts.extractOutputValues()).singleElement().satisfies(a -> {
                assertThat(a.id()).isEqualTo("operations:calendar-end:2026-12-31");
                assertThat(a.type()).isEqualTo(AlertType.OPERATIONS);
                assertThat(a.level()).isEqualTo(AlertLevel.YELLOW);
                assertThat(a.title()).contains("2026年12月31日", "周一至周五估算");
                assertThat(a.summary()).contains("inspection.calendar.file", "docs/calendar.md#adding-a-year", "2027年部分节假日安排");
                assertThat(a.firstSeen()).isEqualTo(china(2027, 3, 1, 10));
                assertThat(a.evidence().urls()).containsExactly("https://demo.yuqing.invalid/m15");
            });
            snapshot = alerts.snapshot(1, 1);
        }
        try (var restarted = alertHarness(end)) {
            restarted.initializeState(snapshot);
            restarted.open();
            for (MessageStatus s : statuses()) { // replayed after the restart
                restarted.processElement(s, s.at().toEpochMilli());
            }
            assertThat(restarted.extractOutputValues()).as("raised once per job").isEmpty();
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, MessageStatus, Alert> alertHarness(LocalDate end) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new CalendarEndAlert(end, InspectionOptions.CALENDAR_FILE.name())), m -> CalendarEndAlert.key(end), Types.STRING);
    }
}
