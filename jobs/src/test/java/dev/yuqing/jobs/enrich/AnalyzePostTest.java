package dev.yuqing.jobs.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzePostTest {
    @TempDir
    Path dir;

    private static boolean gambling(EnrichedPost p) {
        return p.analysis().harmful().verdicts().stream().anyMatch(v -> v.category().code().equals("gambling"));
    }

    @Test
    void reloadsEditedLexiconsWithoutARestartAndKeepsTheLastGoodOnes() throws Exception {
        Path gambling = Files.writeString(dir.resolve("gambling.txt"), "线上牌局\n");
        try (var harness = new OneInputStreamOperatorTestHarness<Post, EnrichedPost>(new StreamMap<>(new AnalyzePost(dir.toString(), Duration.ZERO)))) {
            harness.open();
            Post post = TestPosts.post("p1", "今晚斗地主赢钱，速来");
            harness.processElement(post, 1);

            Files.writeString(gambling, "线上牌局\n斗地主赢钱\n");
            Files.setLastModifiedTime(gambling, FileTime.from(Instant.now().plusSeconds(5)));
            harness.processElement(post, 2);

            Files.writeString(dir.resolve("evidence.properties"), "gambling=not-a-number\n"); // a broken edit
            harness.processElement(post, 3);

            assertThat(harness.extractOutputValues()).extracting(AnalyzePostTest::gambling).containsExactly(false, true, true);
        }
    }

    @Test
    void theShippedLexiconsAreUsedWithoutADirectory() throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<Post, EnrichedPost>(new StreamMap<>(new AnalyzePost()))) {
            harness.open();
            harness.processElement(TestPosts.post("p1", "网上赌场百家乐，首充送彩金"), 1);
            assertThat(harness.extractOutputValues()).singleElement().matches(AnalyzePostTest::gambling);
        }
    }
}
