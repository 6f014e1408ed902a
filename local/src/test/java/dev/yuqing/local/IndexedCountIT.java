package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonData;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local run's status line counts the posts indices every two seconds while the sink creates
 * them: a count that meets an index whose shard is not started yet must wait for it, not fail (it
 * failed once in six README runs, ending the run).
 */
@ExtendWith(LocalStackExtension.class)
class IndexedCountIT {
    private static final String REQUIRE_NODE = "index.routing.allocation.require._name";

    @Test
    void aCountWaitsForAShardStillStarting(LocalStack stack) throws Exception {
        String index = "indexed-count-it-2026.01";
        // The shard cannot be placed until the test lets it: an index as the sink has just created it.
        stack.client().indices().create(c -> c.index(index).waitForActiveShards(w -> w.count(0))
                .settings(s -> s.numberOfReplicas("0").otherSettings(Map.of(REQUIRE_NODE, JsonData.of("no-such-node")))));
        CompletableFuture<Long> count = CompletableFuture.supplyAsync(() -> {
            try {
                return stack.count("indexed-count-it-*");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(1000);
        stack.client().indices().putSettings(p -> p.index(index).settings(s -> s.otherSettings(Map.of(REQUIRE_NODE, JsonData.of("*")))));
        try {
            assertThat(count.get(30, TimeUnit.SECONDS)).isZero();
        } finally {
            stack.client().indices().delete(d -> d.index(index));
        }
    }
}
