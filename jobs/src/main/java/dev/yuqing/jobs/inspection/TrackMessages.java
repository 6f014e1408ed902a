package dev.yuqing.jobs.inspection;

import dev.yuqing.core.inspection.DateNotCoveredException;
import dev.yuqing.core.inspection.Finding;
import dev.yuqing.core.inspection.InspectionRules;
import dev.yuqing.core.inspection.MonitoredTarget;
import dev.yuqing.core.inspection.WorkingCalendar;
import dev.yuqing.core.post.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by message thread: a citizen message on a registered board against its reply deadline in
 * working days ({@link WorkingCalendar}, holidays and make-up days included) and against the
 * calendar limit for leaving it unanswered. Timers (event time, and with {@code wallClock} the wall
 * clock when the time lies ahead) raise a warning before each and the breach at it; the reply
 * closes the thread: an open warning is resolved, a late reply keeps its breach as resolved (it
 * still counts for the rule's look-back), and the reply time goes out as a {@link MessageStatus}.
 * A reply seen before its message waits for it. The reply deadline is worked out once, when the
 * thread opens, and kept with it. Past the calendar's end it is estimated, Monday to Friday
 * ({@link WorkingCalendar}): the status says so ({@code deadlineEstimated},
 * {@code workingDaysEstimated}), findings say 估算, and the thread is counted once in
 * {@code messagesEstimated}; {@link CalendarEndAlert} raises the one operator alert. Only a message
 * asked before the calendar's first year gets no deadline: counted in
 * {@code messagesOutsideCalendar} and logged once, not at every timer. When the thread is
 * answered its state is dropped but for a mark, kept for {@code retention}, that ignores the
 * message and reply seen again (the input is at least once); an unanswered thread is dropped
 * after {@code retention}.
 */
public final class TrackMessages extends KeyedProcessFunction<String, BoardMessage, Finding> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TrackMessages.class);
    public static final OutputTag<MessageStatus> STATUS = new OutputTag<>("message-status") {};

    /**
     * A message's reply deadline and when to warn of it, worked out once per thread.
     *
     * @param deadline  null when the working calendar does not cover the day asked (before its first year)
     * @param warnAt    null then too, and when the rule gives no warning
     * @param estimated the deadline counts days past the calendar's end as Monday to Friday
     */
    public record ReplyDue(Instant deadline, Instant warnAt, boolean estimated) {}

    private final InspectionRules rules;
    private final WorkingCalendar calendar;
    private final boolean wallClock;
    private final Duration retention;
    private transient ValueState<BoardMessage> message;
    private transient ValueState<ReplyDue> due;
    private transient ValueState<Long> earlyReply;
    /** Until when an answered thread ignores its message and reply seen again (at-least-once input). */
    private transient ValueState<Long> closedUntil;
    private transient ValueState<Finding> late;
    private transient ValueState<Finding> unanswered;
    private transient Counter uncovered;
    private transient Counter estimated;

    public TrackMessages(InspectionRules rules, WorkingCalendar calendar, boolean wallClock, Duration retention) {
        if (retention == null || retention.compareTo(rules.unanswered().limit().approximate()) <= 0) {
            throw new IllegalArgumentException("message retention " + retention + " must be longer than the unanswered limit "
                    + rules.unanswered().limit());
        }
        this.rules = rules;
        this.calendar = calendar;
        this.wallClock = wallClock;
        this.retention = retention;
    }

    @Override
    public void open(OpenContext openContext) {
        message = getRuntimeContext().getState(new ValueStateDescriptor<>("message", TypeInformation.of(BoardMessage.class)));
        due = getRuntimeContext().getState(new ValueStateDescriptor<>("replyDue", TypeInformation.of(ReplyDue.class)));
        earlyReply = getRuntimeContext().getState(new ValueStateDescriptor<>("earlyReply", Types.LONG));
        closedUntil = getRuntimeContext().getState(new ValueStateDescriptor<>("closedUntil", Types.LONG));
        late = getRuntimeContext().getState(new ValueStateDescriptor<>("replyLate", TypeInformation.of(Finding.class)));
        unanswered = getRuntimeContext().getState(new ValueStateDescriptor<>("unanswered", TypeInformation.of(Finding.class)));
        uncovered = getRuntimeContext().getMetricGroup().counter("messagesOutsideCalendar");
        estimated = getRuntimeContext().getMetricGroup().counter("messagesEstimated");
    }

    /**
     * The reply deadline of the thread's message, from state. Worked out, and a message outside or
     * past the calendar counted, only when the state has none: when the thread opens, or for a
     * thread restored from a savepoint taken before this state existed, at its first timer or reply.
     */
    private ReplyDue due(Instant asked) throws Exception {
        ReplyDue d = due.value();
        if (d == null) {
            d = replyDue(asked);
            due.update(d);
        }
        return d;
    }

    private ReplyDue replyDue(Instant asked) {
        InspectionRules.ReplyDeadline rule = rules.replyDeadline(null);
        try {
            WorkingCalendar.Due d = rule.due(asked, calendar);
            if (d.estimated()) {
                estimated.inc();
            }
            return new ReplyDue(d.at(), rule.warnAt(asked, calendar).orElse(null), d.estimated());
        } catch (DateNotCoveredException e) {
            uncovered.inc();
            LOG.warn("No reply deadline for a message asked {}: {}", asked, e.getMessage());
            return new ReplyDue(null, null, false);
        }
    }

    @Override
    public void processElement(BoardMessage m, Context ctx, Collector<Finding> out) throws Exception {
        if (closedUntil.value() != null) {
            // Answered already: the input is at least once (a restart re-sends), and a message seen
            // again must not reopen its thread nor a reply count twice in the unit's statistics.
            return;
        }
        Instant at = m.post().publishedAt();
        if (m.isReply()) {
            BoardMessage asked = message.value();
            if (asked != null && !at.isBefore(asked.post().publishedAt().plus(retention))) {
                letGo(asked, ctx, out); // whether or not the retention timer has fired yet
                asked = null;
            }
            if (asked == null) {
                Long early = earlyReply.value();
                if (early == null || at.toEpochMilli() < early) {
                    earlyReply.update(at.toEpochMilli());
                    ctx.timerService().registerEventTimeTimer(at.plus(retention).toEpochMilli());
                }
                return;
            }
            close(asked, at, ctx, out);
            return;
        }
        if (message.value() != null) {
            return; // the same message again
        }
        message.update(m);
        Long early = earlyReply.value();
        if (early != null) {
            close(m, Instant.ofEpochMilli(early), ctx, out);
            return;
        }
        ReplyDue d = due(at);
        TimerService timers = ctx.timerService();
        if (d.deadline() != null) {
            register(timers, d.deadline());
        }
        if (d.warnAt() != null) {
            register(timers, d.warnAt());
        }
        register(timers, rules.unanswered().breachAt(at));
        rules.unanswered().warnAt(at).ifPresent(w -> register(timers, w));
        timers.registerEventTimeTimer(at.plus(retention).toEpochMilli());
        ctx.output(STATUS, status(m, MessageStatus.State.OPEN, d, null, null, at));
    }

    private void register(TimerService timers, Instant t) {
        Deadlines.register(timers, t, wallClock);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Finding> out) throws Exception {
        Long closed = closedUntil.value();
        if (closed != null) {
            if (timestamp >= closed) {
                closedUntil.clear();
            }
            return;
        }
        Instant now = Instant.ofEpochMilli(timestamp);
        BoardMessage m = message.value();
        if (m == null) {
            Long early = earlyReply.value();
            if (early != null && !now.isBefore(Instant.ofEpochMilli(early).plus(retention))) {
                earlyReply.clear(); // its message never came
            }
            return;
        }
        if (!now.isBefore(m.post().publishedAt().plus(retention))) {
            letGo(m, ctx, out);
            return;
        }
        judge(m, now, ctx, out);
    }

    /**
     * Past the retention: whatever fell due by then is raised (a sparse stream may not have moved
     * event time past the deadlines yet), then the thread is dropped.
     */
    private void letGo(BoardMessage m, Context ctx, Collector<Finding> out) throws Exception {
        judge(m, m.post().publishedAt().plus(retention).minusMillis(1), ctx, out);
        message.clear();
        due.clear();
        late.clear();
        unanswered.clear();
    }

    /** Raises the warnings and breaches due at {@code now}. */
    private void judge(BoardMessage m, Instant now, Context ctx, Collector<Finding> out) throws Exception {
        Instant asked = m.post().publishedAt();
        ReplyDue d = due(asked);
        Optional<Instant> deadline = Optional.ofNullable(d.deadline());
        Optional<Instant> warnAt = Optional.ofNullable(d.warnAt());
        String rule = rules.replyDeadline(null).ruleId();
        Finding f = late.value();
        if (deadline.isPresent() && !now.isBefore(deadline.get())) {
            if (Finding.breachDue(f)) {
                String detail = "留言" + quote(m) + "于" + Deadlines.DAY.format(asked) + "提交，答复期限" + Deadlines.day(deadline.get(), d.estimated())
                        + "已过，尚未答复";
                Finding breach = Finding.breach(f, rules.rule(rule), m.board(), m.thread(), detail, evidence(m), deadline.get());
                late.update(breach);
                out.collect(breach);
                ctx.output(STATUS, status(m, MessageStatus.State.OVERDUE, d, null, null, deadline.get()));
            }
        } else if (f == null && warnAt.isPresent() && !now.isBefore(warnAt.get())) {
            Finding warning = Finding.of(rules.rule(rule), m.board(), Finding.Stage.WARNING, m.thread(),
                    "留言" + quote(m) + "须于" + Deadlines.day(deadline.orElseThrow(), d.estimated()) + "前答复", evidence(m), warnAt.get());
            late.update(warning);
            out.collect(warning);
        }
        Instant breachAt = rules.unanswered().breachAt(asked);
        Optional<Instant> unansweredWarn = rules.unanswered().warnAt(asked);
        String limitRule = rules.unanswered().ruleId();
        Finding u = unanswered.value();
        if (!now.isBefore(breachAt)) {
            if (Finding.breachDue(u)) {
                String detail = "留言" + quote(m) + "于" + Deadlines.DAY.format(asked) + "提交，超过" + rules.unanswered().limit().toChinese() + "未回应";
                Finding breach = Finding.breach(u, rules.rule(limitRule), m.board(), m.thread(), detail, evidence(m), breachAt);
                unanswered.update(breach);
                out.collect(breach);
                ctx.output(STATUS, status(m, MessageStatus.State.UNANSWERED, d, null, null, breachAt));
            }
        } else if (u == null && unansweredWarn.isPresent() && !now.isBefore(unansweredWarn.get())) {
            Finding warning = Finding.of(rules.rule(limitRule), m.board(), Finding.Stage.WARNING, m.thread(),
                    "留言" + quote(m) + "将于" + Deadlines.DAY.format(breachAt) + "超过" + rules.unanswered().limit().toChinese() + "未回应",
                    evidence(m), unansweredWarn.get());
            unanswered.update(warning);
            out.collect(warning);
        }
    }

    /** The reply: resolves what is open and reports the reply time. */
    private void close(BoardMessage m, Instant replied, Context ctx, Collector<Finding> out) throws Exception {
        Instant asked = m.post().publishedAt();
        if (replied.isBefore(asked)) {
            replied = asked; // clocks of two systems: a reply cannot precede its message
        }
        ReplyDue d = due(asked);
        Optional<Instant> deadline = Optional.ofNullable(d.deadline());
        WorkingCalendar.Count taken = null;
        Boolean onTime = null;
        if (deadline.isPresent()) {
            // The day asked is covered, so the reply's is too, or estimated past the calendar's end.
            onTime = replied.isBefore(deadline.get());
            taken = calendar.count(asked, replied);
            if (taken.estimated() && !d.estimated()) {
                estimated.inc(); // a deadline within the calendar, answered past its end
            }
        }
        Integer days = taken == null ? null : taken.days();
        String when = "已于" + Deadlines.DAY.format(replied) + "答复";
        Finding f = late.value();
        if (Boolean.FALSE.equals(onTime)) {
            String rule = rules.replyDeadline(null).ruleId();
            String detail = "留言" + quote(m) + "于" + Deadlines.DAY.format(asked) + "提交，" + Deadlines.DAY.format(replied) + "答复，"
                    + (days == null ? "" : "用时" + days + "个工作日，") + "超过答复期限"
                    + (d.estimated() || taken.estimated() ? Deadlines.ESTIMATED : "");
            Finding breach = Finding.breach(f, rules.rule(rule), m.board(), m.thread(), detail, evidence(m), deadline.get());
            out.collect(breach.resolved(replied, detail));
        } else if (f != null) {
            out.collect(f.resolved(replied, when + "，未超期"));
        }
        Finding u = unanswered.value();
        Instant breachAt = rules.unanswered().breachAt(asked);
        if (!replied.isBefore(breachAt) && Finding.breachDue(u)) {
            // Answered past the limit before the watermark got there: the breach happened all the same.
            String detail = "留言" + quote(m) + "于" + Deadlines.DAY.format(asked) + "提交，" + Deadlines.DAY.format(replied) + "才答复，超过"
                    + rules.unanswered().limit().toChinese() + "未回应";
            u = Finding.breach(u, rules.rule(rules.unanswered().ruleId()), m.board(), m.thread(), detail, evidence(m), breachAt);
        }
        if (u != null) {
            out.collect(u.resolved(replied, when));
        }
        ctx.output(STATUS, status(m, MessageStatus.State.ANSWERED, d, replied, taken, replied).withOnTime(onTime));
        message.clear();
        due.clear();
        earlyReply.clear();
        late.clear();
        unanswered.clear();
        long until = replied.plus(retention).toEpochMilli();
        closedUntil.update(until);
        ctx.timerService().registerEventTimeTimer(until);
    }

    private static String quote(BoardMessage m) {
        Post p = m.post();
        String subject = p.title() != null && !p.title().isBlank() ? p.title() : p.text();
        if (subject == null) {
            return "";
        }
        return "“" + (subject.length() > 30 ? subject.substring(0, 30) + "…" : subject) + "”";
    }

    private static Finding.Evidence evidence(BoardMessage m) {
        Post p = m.post();
        return new Finding.Evidence(List.of(p.id()), p.url() == null ? List.of() : List.of(p.url()), List.of(), p.title());
    }

    private static MessageStatus status(BoardMessage m, MessageStatus.State state, ReplyDue due, Instant replied, WorkingCalendar.Count taken,
                                        Instant at) {
        MonitoredTarget b = m.board();
        Post p = m.post();
        return new MessageStatus(m.thread(), b.id(), b.name(), b.ownerUnit(), p.region() != null ? p.region() : b.region(), p.title(),
                p.url(), state, p.publishedAt(), due.deadline(), due.estimated(), replied, taken == null ? null : taken.days(),
                taken != null && taken.estimated(), null, at);
    }
}
