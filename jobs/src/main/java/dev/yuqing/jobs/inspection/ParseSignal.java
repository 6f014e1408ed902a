package dev.yuqing.jobs.inspection;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.yuqing.core.deadletter.DeadLetter;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.source.LinkCheck;
import dev.yuqing.core.source.SiteProbe;
import dev.yuqing.core.source.SourceHeartbeat;
import dev.yuqing.jobs.kafka.RawRecord;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reads the connectors' link checks, site probes or source heartbeats into {@link TargetSignal}s;
 * a record that is not JSON of its kind, or lacks what inspection keys and times it by, goes to
 * the dead letters with the field and the reason. Probes also go to {@link #PROBES}, to be indexed.
 */
public final class ParseSignal extends ProcessFunction<RawRecord, TargetSignal> {
    private static final long serialVersionUID = 1L;
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("signal-dead-letters") {};
    public static final OutputTag<SiteProbe> PROBES = new OutputTag<>("site-probes") {};

    /** Which record the topic carries. */
    public enum Kind { LINK, PROBE, HEARTBEAT }

    private final Kind kind;
    private transient Counter invalid;

    public ParseSignal(Kind kind) {
        this.kind = kind;
    }

    /** Why a record cannot be used: the field to blame and the reason. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        final String field;

        Unreadable(String field, String reason) {
            super(reason);
            this.field = field;
        }
    }

    @Override
    public void open(OpenContext openContext) {
        invalid = getRuntimeContext().getMetricGroup().counter("invalidSignals");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<TargetSignal> out) {
        try {
            TargetSignal s = parse(kind, record.value());
            if (s.probe() != null) {
                ctx.output(PROBES, s.probe());
            }
            out.collect(s);
        } catch (Unreadable e) {
            invalid.inc();
            ctx.output(DEAD_LETTERS, DeadLetter.of("inspection-" + kind.name().toLowerCase(java.util.Locale.ROOT), e.field, e.getMessage(),
                    record.origin(), record.key(), record.value(), Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
        }
    }

    static TargetSignal parse(Kind kind, byte[] json) throws Unreadable {
        return switch (kind) {
            case LINK -> {
                LinkCheck l = read(json, LinkCheck.class);
                required("account", l.account());
                required("link", l.link());
                required("checkedAt", l.checkedAt());
                yield TargetSignal.of(l);
            }
            case PROBE -> {
                SiteProbe p = read(json, SiteProbe.class);
                required("siteId", p.siteId());
                required("at", p.at());
                if (p.loadMillis() < 0) {
                    throw new Unreadable("loadMillis", "must be >= 0, was " + p.loadMillis());
                }
                yield TargetSignal.of(p);
            }
            case HEARTBEAT -> {
                SourceHeartbeat h = read(json, SourceHeartbeat.class);
                required("account", h.account());
                required("at", h.at());
                yield TargetSignal.of(h);
            }
        };
    }

    private static <T> T read(byte[] json, Class<T> type) throws Unreadable {
        if (json == null || json.length == 0) {
            throw new Unreadable("record", "no value (a tombstone?)");
        }
        try {
            T t = Json.MAPPER.readValue(json, type);
            if (t == null) {
                throw new Unreadable("record", "JSON null, expected a " + type.getSimpleName());
            }
            return t;
        } catch (JsonProcessingException e) {
            throw new Unreadable("record", "not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Unreadable("record", "unreadable: " + e.getMessage());
        }
    }

    private static void required(String field, Object value) throws Unreadable {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new Unreadable(field, "required");
        }
    }
}
