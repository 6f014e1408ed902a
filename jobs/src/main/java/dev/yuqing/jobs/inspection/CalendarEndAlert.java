package dev.yuqing.jobs.inspection;

import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.OperatorAlerts;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by the working calendar's last day ({@link #key}): the one operator alert when a message
 * status first rests on days past it ({@link MessageStatus#estimated()}), however many messages
 * follow. The mark that it was raised is keyed state, so a restart from a checkpoint does not raise
 * it again; a replay without state raises it under the same id, which updates the one alert. A
 * newer calendar file has another last day, hence a key and an alert of its own when it runs out.
 */
public final class CalendarEndAlert extends KeyedProcessFunction<String, MessageStatus, Alert> {
    private static final long serialVersionUID = 1L;
    private final LocalDate end;
    private final String calendarKey;
    private transient ValueState<Boolean> raised;

    /**
     * @param end         the calendar's last day ({@code WorkingCalendar.coveredUntil()})
     * @param calendarKey the configuration key that loads a newer calendar file, for the alert's wording
     */
    public CalendarEndAlert(LocalDate end, String calendarKey) {
        this.end = end;
        this.calendarKey = calendarKey;
    }

    /** The key every status goes under: one calendar, one alert. */
    public static String key(LocalDate end) {
        return end.toString();
    }

    @Override
    public void open(OpenContext openContext) {
        raised = getRuntimeContext().getState(new ValueStateDescriptor<>("calendarEndAlerted", Types.BOOLEAN));
    }

    @Override
    public void processElement(MessageStatus s, Context ctx, Collector<Alert> out) throws Exception {
        if (!s.estimated() || raised.value() != null) {
            return;
        }
        raised.update(true);
        Alert.Evidence evidence = new Alert.Evidence(List.of(), s.url() == null ? List.of() : List.of(s.url()), List.of());
        out.collect(OperatorAlerts.calendarEnded(end, calendarKey, evidence, s.at() != null ? s.at() : s.askedAt()));
    }
}
