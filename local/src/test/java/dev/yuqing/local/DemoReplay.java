package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.replay.FileReplay;
import dev.yuqing.connectors.replay.ReplayOptions;
import dev.yuqing.core.config.CommonOptions;
import dev.yuqing.local.demo.DemoLine;
import dev.yuqing.local.demo.DemoScenario;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The demo scenario written to a file and replayed to the end into a test's own topics. */
final class DemoReplay {
    private DemoReplay() {}

    /** Generates {@code posts} demo posts (seed 11, nothing malformed), replays them, and returns the lines. */
    static List<DemoLine> replay(LocalStack stack, Path dir, int posts, String rawTopic, String dlqTopic) throws Exception {
        Path file = dir.resolve("demo.jsonl");
        List<DemoLine> lines = DemoScenario.generate(posts, 0, 11L);
        DemoScenario.write(file, lines);
        Map<String, String> m = new HashMap<>();
        m.put(CommonOptions.KAFKA_BOOTSTRAP.name(), stack.bootstrapServers());
        m.put(ReplayOptions.FILE.name(), file.toString());
        m.put(ReplayOptions.TOPIC.name(), rawTopic);
        m.put(ReplayOptions.DLQ_TOPIC.name(), dlqTopic);
        try (FileReplay replay = new FileReplay(ReplayOptions.DEF.resolve(m, Map.of()))) {
            assertThat(replay.run().completed()).isTrue();
        }
        return lines;
    }
}
