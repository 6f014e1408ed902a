package dev.yuqing.local;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
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
        this.status = new PipelineStatus(rig.bootstrapServers(), admin, client);
    }

    /** compose's setup service, its own command: templates, topics, the demo registry. */
    String setup() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(rig.serviceEnvironment());
        env.put("YUQING_SETUP_REGISTRY_FILE", rig.build().demoRegistry().toString());
        return rig.runOnce("setup", ComposeServices.command("setup"), env);
    }

    /** compose's submit service, its own command: the four jobs from the job jar, over REST. */
    String submit(String name, Map<String, String> extra) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of("YUQING_FLINK_REST_URL", rig.flinkRestUrl().toString(),
                "YUQING_SUBMIT_JAR", rig.build().jobsJar().toString()));
        env.putAll(extra);
        return rig.runOnce(name, ComposeServices.command("submit"), env);
    }

    /** @param speed 0 as fast as possible, N at N times real time by published time */
    FileReplayConnector replay(Path file, double speed) throws IOException {
        return FileReplayConnector.create(rig.connectClient(), CONNECTOR, file, speed, rig.bootstrapServers(), Topics.POSTS_RAW, Topics.POSTS_DLQ);
    }

    /** How often each dead letter (its stage, reason and raw bytes: a malformed line may have no key) is in the dead-letter topic. */
    Map<String, Long> deadLetters() throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        for (var d : TopicReader.deadLetters(rig.bootstrapServers(), Topics.POSTS_DLQ, Duration.ofMinutes(1))) {
            counts.merge(d.stage() + " | " + d.reason() + " | " + d.raw(), 1L, Long::sum);
        }
        return counts;
    }

    /** How often each key occurs among the committed records of {@code topic}. */
    Map<String, Long> keyCounts(String topic) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        for (var r : TopicReader.readAll(rig.bootstrapServers(), topic, Duration.ofMinutes(1))) {
            counts.merge(r.key() == null ? "" : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8), 1L, Long::sum);
        }
        return counts;
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

    /** Every document of an index family by id, without the fields that record when it was written; fails beyond 10,000 (the search window). */
    Map<String, JsonNode> documents(String family, List<String> volatileFields) throws IOException {
        var r = client.search(s -> s.index(family + "-*").allowNoIndices(true).size(10_000).trackTotalHits(t -> t.enabled(true)), ObjectNode.class);
        if (r.hits().total() != null && r.hits().total().value() > 10_000) {
            throw new IllegalStateException(family + " holds " + r.hits().total().value() + " documents, more than one search returns");
        }
        Map<String, JsonNode> docs = new TreeMap<>();
        for (var h : r.hits().hits()) {
            ObjectNode source = h.source();
            if (source != null) {
                volatileFields.forEach(source::remove);
            }
            docs.put(h.index() + "/" + h.id(), source);
        }
        return docs;
    }

    long enrichLag() throws IOException {
        return status.lag(EnrichOptions.GROUP_ID.defaultValue(), Topics.POSTS_RAW);
    }

    @Override
    public void close() throws Exception {
        status.close();
        admin.close(Duration.ofSeconds(5));
        EsConnection.close(client);
        rig.close();
    }
}
