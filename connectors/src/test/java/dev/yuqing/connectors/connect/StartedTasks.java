package dev.yuqing.connectors.connect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * The tasks a unit test starts by hand, as a worker would: each initialized with the current
 * {@link TestTaskContext} and started, all stopped by {@link #stopAll()} after the test (a
 * restart in a test stops the old task itself, which a second stop does no harm to).
 */
public final class StartedTasks<T extends SourceTask> {
    private final Supplier<T> newTask;
    private final List<T> started = new ArrayList<>();
    private TestTaskContext context = new TestTaskContext();

    public StartedTasks(Supplier<T> newTask) {
        this.newTask = newTask;
    }

    /** A new task in the current context, started with {@code props}; one whose start throws is not kept. */
    public T start(Map<String, String> props) {
        T task = newTask.get();
        task.initialize(context);
        task.start(props);
        started.add(task);
        return task;
    }

    /** The task started first. */
    public T first() {
        return started.get(0);
    }

    public TestTaskContext context() {
        return context;
    }

    /** The tasks started from now on run as after a restart: the committed offsets stay, the metrics start anew. */
    public void restart() {
        context = context.restarted();
    }

    /** The tasks started from now on run as a new connector: no committed offsets. */
    public void forgetOffsets() {
        context = new TestTaskContext();
    }

    public void stopAll() {
        started.forEach(SourceTask::stop);
    }

    /** A record's key as text, null when it has none (a dead letter). */
    public static String key(SourceRecord r) {
        return r.key() == null ? null : new String((byte[]) r.key(), StandardCharsets.UTF_8);
    }
}
