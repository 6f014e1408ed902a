package dev.yuqing.jobs.inspection;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alert.AlertType;
import dev.yuqing.core.inspection.Finding;
import dev.yuqing.core.inspection.InspectionRule;
import dev.yuqing.core.inspection.InspectionRules;
import dev.yuqing.core.inspection.Scorecard;
import dev.yuqing.core.post.PostTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by scored target (a site with its columns, or an account): its findings in force and its
 * running {@link Scorecard}, emitted after every change, and again when a resolved finding stops
 * counting (an event-time timer at the end of its rule's look-back). A target that goes from
 * passing to failing raises {@code inspection:score:<id>} (red); passing again, its
 * {@code …:resolved} notice. Findings that no longer count are dropped, so state holds what is
 * in force.
 */
public final class ScoreTargets extends KeyedProcessFunction<String, Finding, Scorecard> {
    private static final long serialVersionUID = 1L;
    public static final OutputTag<Alert> ALERTS = new OutputTag<>("score-alerts") {};

    private final InspectionRules rules;
    private transient MapState<String, Finding> findings;
    private transient ValueState<Long> clock;
    private transient ValueState<Boolean> passed;

    public ScoreTargets(InspectionRules rules) {
        this.rules = rules;
    }

    @Override
    public void open(OpenContext openContext) {
        findings = getRuntimeContext().getMapState(new MapStateDescriptor<>("findings", Types.STRING, TypeInformation.of(Finding.class)));
        clock = getRuntimeContext().getState(new ValueStateDescriptor<>("clock", Types.LONG));
        passed = getRuntimeContext().getState(new ValueStateDescriptor<>("passed", Types.BOOLEAN));
    }

    @Override
    public void processElement(Finding f, Context ctx, Collector<Scorecard> out) throws Exception {
        Instant seen = f.resolvedAt() != null && f.resolvedAt().isAfter(f.lastSeen()) ? f.resolvedAt() : f.lastSeen();
        Long c = clock.value();
        long now = c == null ? seen.toEpochMilli() : Math.max(c, seen.toEpochMilli());
        clock.update(now);
        findings.put(f.id(), f);
        Optional<InspectionRule> rule = rules.find(f.ruleId());
        if (f.resolvedAt() != null && rule.isPresent() && rule.get().countsFor() != null) {
            ctx.timerService().registerEventTimeTimer(rule.get().countsFor().addTo(f.firstSeen(), PostTimes.CHINA).toEpochMilli());
        }
        score(ctx.getCurrentKey(), Instant.ofEpochMilli(now), ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Scorecard> out) throws Exception {
        Long c = clock.value();
        long now = c == null ? timestamp : Math.max(c, timestamp);
        clock.update(now);
        score(ctx.getCurrentKey(), Instant.ofEpochMilli(now), ctx, out);
    }

    private void score(String id, Instant at, Context ctx, Collector<Scorecard> out) throws Exception {
        List<String> gone = new ArrayList<>();
        List<Finding> all = new ArrayList<>();
        for (Map.Entry<String, Finding> e : findings.entries()) {
            Optional<InspectionRule> r = rules.find(e.getValue().ruleId());
            if (r.isEmpty() || !e.getValue().countsAt(at, r.get())) {
                gone.add(e.getKey());
            } else {
                all.add(e.getValue());
            }
        }
        for (String g : gone) {
            findings.remove(g);
        }
        Scorecard card = Scorecard.compute(id, all, rules, at);
        out.collect(card);
        Boolean before = passed.value();
        if (!card.passed() && (before == null || before)) {
            String why = card.vetoed() ? "单项否决：" + String.join("、", vetoTitles(card)) : "得分" + card.score() + "，低于" + card.passMark() + "分";
            ctx.output(ALERTS, new Alert(AlertType.INSPECTION.code() + ":score:" + id, AlertType.INSPECTION, AlertLevel.RED,
                    "巡检评分不合格：" + id, why + "。", new Alert.Evidence(findingIds(card), List.of(), List.of()), null, id, at, at, 1));
        } else if (card.passed() && Boolean.FALSE.equals(before)) {
            ctx.output(ALERTS, new Alert(AlertType.INSPECTION.code() + ":score:" + id + ":resolved", AlertType.INSPECTION, AlertLevel.BLUE,
                    "巡检评分恢复合格：" + id, "得分" + card.score() + "。", new Alert.Evidence(List.of(), List.of(), List.of()), null, id, at, at, 1));
        }
        passed.update(card.passed());
    }

    private static List<String> vetoTitles(Scorecard card) {
        return card.lines().stream().filter(Scorecard.Line::veto).map(Scorecard.Line::title).toList();
    }

    private static List<String> findingIds(Scorecard card) {
        List<String> ids = new ArrayList<>();
        card.lines().forEach(l -> ids.addAll(l.findingIds()));
        return ids;
    }
}
