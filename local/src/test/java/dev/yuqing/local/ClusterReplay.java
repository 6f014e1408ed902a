package dev.yuqing.local;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.Topics;
import dev.yuqing.dashboards.EsConnection;
import dev.yuqing.dashboards.IndexTemplates;
import dev.yuqing.jobs.enrich.EnrichOptions;
import dev.yuqing.local.cluster.ClusterRig;
import dev.yuqing.local.connect.FileReplayConnector;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;

/**
 * The demo replayed through a {@link ClusterRig} as a user of compose would run it: setup, the
 * jobs submitted from the job jar, the replay connector created over the worker's REST API; then
 * what landed, per index, for comparison between runs.
 */
final class ClusterReplay implements AutoCloseable {
    static final String CONNECTOR = "demo-replay";

    final ClusterRig rig;
    final Admin admin;
    final ElasticsearchClient client;
    final PipelineStatus status;

    ClusterReplay(ClusterRig rig) {
        this.rig = rig;
        this.admin = rig.admin();
        this.client = rig.esConnection().open();
        this.status = new PipelineStatus(admin, client);
    }

    /** compose's setup service: templates, topics, the demo registry. */
    String setup() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(rig.serviceEnvironment());
        env.put("YUQING_SETUP_REGISTRY_FILE", rig.build().demoRegistry().toString());
        return rig.runTool("setup", "dev.yuqing.jobs.Setup", env, List.of());
    }

    /** compose's submit service: the four jobs from the job jar, over REST. */
    String submit(Map<String, String> extra) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of("YUQING_FLINK_REST_URL", rig.flinkRestUrl().toString(),
                "YUQING_SUBMIT_JAR", rig.build().jobsJar().toString()));
        env.putAll(extra);
        return rig.runTool("submit", "dev.yuqing.jobs.Submit", env, List.of());
    }

    FileReplayConnector replay(Path file) throws IOException {
        return FileReplayConnector.create(rig.connectClient(), CONNECTOR, file, 0, rig.bootstrapServers(), Topics.POSTS_RAW, Topics.POSTS_DLQ);
    }

    /** Waits until the file is in Kafka and the enrichment has checkpointed all of it, then until nothing changes for {@code quiet}. */
    PipelineStatus.Summary awaitSettled(FileReplayConnector replay, Duration timeout, Duration quiet) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        PipelineStatus.Summary last = null;
        Map<String, Long> lastCounts = null;
        long stableSince = System.nanoTime();
        while (true) {
            PipelineStatus.Summary s;
            Map<String, Long> counts;
            try {
                status.refresh();
                client.indices().refresh(r -> r.index("yuqing-*").allowNoIndices(true));
                s = status.summary();
                counts = counts();
            } catch (IOException | RuntimeException notNow) {
                // a service is down (a fault test): keep waiting
                s = null;
                counts = null;
            }
            boolean done = s != null && replay.done() && s.behind() == 0;
            if (done && s.equals(last) && counts.equals(lastCounts)) {
                if (System.nanoTime() - stableSince > quiet.toNanos()) {
                    return s;
                }
            } else {
                stableSince = System.nanoTime();
            }
            last = s;
            lastCounts = counts;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not settled within " + timeout + ": " + s + " " + counts);
            }
            Thread.sleep(2000);
        }
    }

    /** Documents per index family. */
    Map<String, Long> counts() throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        for (String index : IndexTemplates.ALL) {
            counts.put(index, client.count(c -> c.index(index + "-*").allowNoIndices(true).ignoreUnavailable(true)).count());
        }
        return counts;
    }

    /** Every document of an index family by id, without the fields that record when it was written. */
    Map<String, JsonNode> documents(String family, List<String> volatileFields) throws IOException {
        Map<String, JsonNode> docs = new TreeMap<>();
        List<co.elastic.clients.elasticsearch._types.FieldValue> after = null;
        while (true) {
            final List<co.elastic.clients.elasticsearch._types.FieldValue> from = after;
            var r = client.search(s -> {
                s.index(family + "-*").allowNoIndices(true).size(1000).sort(o -> o.field(f -> f.field("_id").order(SortOrder.Asc)));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, ObjectNode.class);
            var hits = r.hits().hits();
            for (var h : hits) {
                ObjectNode source = h.source();
                if (source != null) {
                    volatileFields.forEach(source::remove);
                }
                docs.put(h.id(), source);
            }
            if (hits.size() < 1000) {
                return docs;
            }
            after = new ArrayList<>(hits.get(hits.size() - 1).sort());
        }
    }

    long enrichLag() throws IOException {
        return status.lag(EnrichOptions.GROUP_ID.defaultValue(), Topics.POSTS_RAW);
    }

    @Override
    public void close() throws Exception {
        admin.close(Duration.ofSeconds(5));
        EsConnection.close(client);
        rig.close();
    }
}
