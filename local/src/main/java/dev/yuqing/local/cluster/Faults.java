package dev.yuqing.local.cluster;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The faults a deployment meets, injected into a {@link ClusterRig}'s processes the way they
 * happen: a TaskManager's host dies ({@code kill -9}, then the restart policy starts it again),
 * Elasticsearch is away for a while (stopped, then started on its data), the broker restarts,
 * the Connect worker dies ({@code kill -9}, restarted).
 */
public final class Faults {
    /** One injected fault: when it struck and when the service answered again. */
    public record Fault(String name, Instant struck, Instant serviceBack) {
        public Duration outage() {
            return Duration.between(struck, serviceBack);
        }
    }

    private final ClusterRig rig;

    public Faults(ClusterRig rig) {
        this.rig = rig;
    }

    /** {@code kill -9} of the first TaskManager; started again after {@code down}. */
    public Fault killTaskManager(Duration down) throws IOException, InterruptedException {
        ServiceProcess tm = rig.taskManagers().get(0);
        Instant struck = Instant.now();
        tm.kill();
        Thread.sleep(down.toMillis());
        tm.start();
        rig.awaitTaskManagers(rig.taskManagers().size());
        return new Fault("kill -9 of a TaskManager", struck, Instant.now());
    }

    /** Elasticsearch stopped (SIGTERM) for {@code down}, then started on its data. */
    public Fault stopElasticsearch(Duration down) throws IOException, InterruptedException {
        Instant struck = Instant.now();
        rig.elasticsearch().stop(30);
        Thread.sleep(down.toMillis());
        rig.elasticsearch().start();
        rig.awaitElasticsearch();
        return new Fault("Elasticsearch stopped for " + down.toSeconds() + " s", struck, Instant.now());
    }

    /** The broker stopped (SIGTERM, a controlled shutdown) and started again. */
    public Fault restartKafka() throws IOException, InterruptedException {
        Instant struck = Instant.now();
        rig.kafka().stop(30);
        rig.kafka().start();
        rig.awaitKafka();
        return new Fault("Kafka broker restarted", struck, Instant.now());
    }

    /** {@code kill -9} of the Connect worker, started again at once. */
    public Fault killConnect() throws IOException, InterruptedException {
        Instant struck = Instant.now();
        rig.connect().kill();
        rig.connect().start();
        rig.awaitConnect();
        return new Fault("kill -9 of the Connect worker", struck, Instant.now());
    }
}
