package dev.yuqing.jobs.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.trend.Event;
import dev.yuqing.core.trend.Trend;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Writes each record as one JSON line to {@code <dir>/<name>-<subtask>.jsonl}, or only counts
 * them when {@code dir} is null (throughput runs). The harnesses read the files back after the job.
 */
public final class JsonLinesSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final String dir;
    private final String name;
    private final SerializableFunction<T, byte[]> toJson;

    public JsonLinesSink(String dir, String name, SerializableFunction<T, byte[]> toJson) {
        this.dir = dir;
        this.name = name;
        this.toJson = toJson;
    }

    /** The trend job's trends as {@code <dir>/trends-<subtask>.jsonl}. */
    public static JsonLinesSink<Trend> trends(String dir) {
        return new JsonLinesSink<>(dir, "trends", JsonLinesSink::trendJson);
    }

    /** The trend job's event updates as {@code <dir>/events-<subtask>.jsonl}. */
    public static JsonLinesSink<Event> events(String dir) {
        return new JsonLinesSink<>(dir, "events", JsonLinesSink::eventJson);
    }

    /** Alerts as {@code <dir>/alerts-<subtask>.jsonl}. */
    public static JsonLinesSink<Alert> alerts(String dir) {
        return new JsonLinesSink<>(dir, "alerts", Alert::toJson);
    }

    // One method per type: two serialisable references to one generic method share a deserialiser
    // that casts to the first call site's type.
    private static byte[] trendJson(Trend t) {
        return json(t);
    }

    private static byte[] eventJson(Event e) {
        return json(e);
    }

    private static byte[] json(Object o) {
        try {
            return Json.MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a " + o.getClass().getSimpleName() + " always serialises", e);
        }
    }

    public static Path file(String dir, String name, int subtask) {
        return Paths.get(dir, name + "-" + subtask + ".jsonl");
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        if (dir == null) {
            return new Writer<>(null, toJson);
        }
        Path f = file(dir, name, context.getTaskInfo().getIndexOfThisSubtask());
        Files.createDirectories(f.getParent());
        return new Writer<>(new BufferedOutputStream(Files.newOutputStream(f), 1 << 16), toJson);
    }

    private static final class Writer<T> implements SinkWriter<T> {
        private final OutputStream out;
        private final SerializableFunction<T, byte[]> toJson;

        Writer(OutputStream out, SerializableFunction<T, byte[]> toJson) {
            this.out = out;
            this.toJson = toJson;
        }

        @Override
        public void write(T element, Context context) throws IOException {
            if (out != null) {
                out.write(toJson.apply(element));
                out.write('\n');
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (out != null) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }
    }
}
