package dev.yuqing.local;

import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * One quiet console for the whole JVM. The embedded Elasticsearch node reconfigures log4j when it
 * starts, so the levels are set again afterwards; one logger context for all class loaders keeps
 * Flink's task threads under the same levels.
 */
final class LocalLogging {
    private static final Map<String, Level> LEVELS = Map.ofEntries(
            // Start-up notes that are no concern of a local run: no Kerberos tokens, no log file for
            // the web UI, long operator names, the first controller activation.
            Map.entry("org.apache.flink.runtime.security.token", Level.ERROR),
            Map.entry("org.apache.flink.runtime.webmonitor.WebMonitorUtils", Level.ERROR),
            Map.entry("org.apache.flink.runtime.metrics.util.MetricUtils", Level.ERROR),
            Map.entry("org.apache.kafka.controller.QuorumController", Level.ERROR),
            Map.entry("org.apache.flink", Level.WARN),
            Map.entry("org.apache.pekko", Level.WARN),
            Map.entry("org.apache.kafka", Level.WARN),
            Map.entry("kafka", Level.WARN),
            Map.entry("org.elasticsearch", Level.WARN),
            // The Kafka 4 client's metric names collide in Flink's metric groups, hundreds of times.
            Map.entry("org.apache.flink.runtime.metrics.groups", Level.ERROR),
            Map.entry("org.apache.flink.metrics.MetricGroup", Level.ERROR),
            // Logs each closed client twice at shutdown.
            Map.entry("org.apache.kafka.clients.NetworkClient", Level.ERROR));

    private LocalLogging() {}

    /** Before anything logs: a single logger context. */
    static void useOneContext() {
        System.setProperty("log4j2.contextSelector", "org.apache.logging.log4j.core.selector.BasicContextSelector");
    }

    /** After Elasticsearch configured log4j. */
    static void quiet() {
        Configurator.setRootLevel(Level.WARN);
        LEVELS.forEach(Configurator::setLevel);
    }
}
