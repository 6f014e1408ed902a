package dev.yuqing.connectors.connect;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells a task's waits (poll interval, retry backoff, pacing) that the worker asked the task to
 * stop. Connect calls {@code stop()} from another thread while {@code poll()} may be waiting; a
 * latch ends the wait at once instead of after the next sleep.
 */
public final class StopSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);

    public void stop() {
        stopped.countDown();
    }

    public boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /** Waits for {@code duration} or until stopped; true when stopped. */
    public boolean await(Duration duration) throws InterruptedException {
        return stopped.await(Math.max(0, duration.toNanos()), TimeUnit.NANOSECONDS);
    }
}
