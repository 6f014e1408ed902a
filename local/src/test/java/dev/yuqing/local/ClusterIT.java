package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.Topics;
import dev.yuqing.local.cluster.ClusterBuild;
import dev.yuqing.local.cluster.ClusterRig;
import dev.yuqing.local.connect.FileReplayConnector;
import dev.yuqing.local.demo.DemoLine;
import dev.yuqing.local.demo.DemoScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo through every service as its own process, started as compose starts them (see
 * {@link ClusterRig}): what lands in Elasticsearch and Kafka is what the embedded stack produces.
 */
class ClusterIT {
    @TempDir
    Path dir;

    @Test
    void theDemoRunsThroughTheDeployedServices() throws Exception {
        List<DemoLine> lines = DemoScenario.generate(2000, 16, 20261127L);
        Path file = dir.resolve("demo.jsonl");
        DemoScenario.write(file, lines);
        long valid = lines.stream().filter(DemoLine::valid).map(DemoLine::id).distinct().count();
        long invalid = lines.stream().filter(l -> !l.valid()).count();
        long started = System.nanoTime();
        try (ClusterReplay run = new ClusterReplay(ClusterRig.start(ClusterBuild.fromEnvironment(), dir.resolve("rig"), ClusterRig.Settings.defaults()))) {
            System.out.printf("rig up in %.1f s%n", (System.nanoTime() - started) / 1e9);
            System.out.println(run.setup());
            System.out.println(run.submit(Map.of()));
            FileReplayConnector replay = run.replay(file);
            PipelineStatus.Summary s = run.awaitSettled(replay, Duration.ofMinutes(8), Duration.ofSeconds(20));
            System.out.printf("settled in %.1f s: %s %s%n", (System.nanoTime() - started) / 1e9, s, run.counts());
            assertThat(s.indexed()).isEqualTo(valid);
            assertThat(s.deadLetters()).isEqualTo(invalid);
            assertThat(run.status.topicSize(Topics.POSTS_DLQ)).isEqualTo(invalid);
        }
    }
}
