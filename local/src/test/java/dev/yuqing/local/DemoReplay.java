package dev.yuqing.local;

import dev.yuqing.local.demo.DemoLine;
import dev.yuqing.local.connect.FileReplayConnector;
import dev.yuqing.local.demo.DemoScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The demo scenario written to a file and replayed to the end into a test's own topics. */
final class DemoReplay {
    private DemoReplay() {}

    /** Generates {@code posts} demo posts (seed 11, nothing malformed), replays them to the end, and returns the lines. */
    static List<DemoLine> replay(LocalStack stack, Path dir, int posts, String rawTopic, String dlqTopic) throws Exception {
        Path file = dir.resolve("demo.jsonl");
        List<DemoLine> lines = DemoScenario.generate(posts, 0, 11L);
        DemoScenario.write(file, lines);
        FileReplayConnector replay = stack.replay("demo-" + rawTopic, file, 0, rawTopic, dlqTopic);
        try {
            replay.awaitDone(Duration.ofMinutes(2));
        } finally {
            replay.stop();
        }
        return lines;
    }
}
