package dev.yuqing.connectors.probe;

import dev.yuqing.connectors.connect.HttpSourceKeys;
import static dev.yuqing.connectors.http.FeedServer.page;
import static dev.yuqing.connectors.http.FeedServer.stalled;
import static dev.yuqing.connectors.http.FeedServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.connectors.connect.StartedTasks;
import dev.yuqing.connectors.http.FeedServer;
import dev.yuqing.core.Topics;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.source.SiteProbe;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task driven by hand against a real HTTP server on loopback, committing offsets as the worker would. */
class SiteProbeSourceTaskTest {
    private FeedServer server;
    private final StartedTasks<SiteProbeSourceTask> tasks = new StartedTasks<>(SiteProbeSourceTask::new);

    @BeforeEach
    void start() throws Exception {
        server = FeedServer.start();
        server.serve("/fast/", page("<html>首页</html>".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
        server.serve("/slow/", stalled(Duration.ofSeconds(6), page("<html>慢</html>".getBytes(StandardCharsets.UTF_8), "text/html")));
        server.serve("/error/", status(500));
    }

    @AfterEach
    void stop() {
        tasks.stopAll();
        server.close();
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The offset a site's time missed while the task was down leaves: due at once. */
    private static SourceRecord due(String siteId) {
        return new SourceRecord(Map.of("site", siteId), Map.of("next", "2026-01-01T00:00:00Z"), "x", null, Schema.BYTES_SCHEMA, new byte[0]);
    }

    /** A 3 s timeout and a 6 s delay: the fast page loads within the timeout even on a busy machine. */
    @Test
    void probesEachSiteOnceWithStatusLoadTimeAndErrorAndKeepsTheNextTimes() throws Exception {
        String sites = "site:fast=" + server.uri("/fast/") + ",site:slow=" + server.uri("/slow/") + ",site:error=" + server.uri("/error/")
                + ",site:closed=http://127.0.0.1:" + closedPort() + "/";
        Map<String, String> props = new HashMap<>(Map.of(ProbeConfig.SITES, sites, ProbeConfig.TIMEOUT_MS, "3000",
                HttpSourceKeys.HTTP_ALLOWED_HOSTS, "127.0.0.1"));
        tasks.context().commit(List.of(due("site:fast"), due("site:slow"), due("site:error"), due("site:closed")));
        SiteProbeSourceTask task = tasks.start(props);

        Instant before = Instant.now();
        List<SourceRecord> records = task.poll();
        assertThat(records).hasSize(4).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo(Topics.SITE_PROBES);
            assertThat(r.sourcePartition()).isEqualTo(Map.of("site", new String((byte[]) r.key(), StandardCharsets.UTF_8)));
        });
        Map<String, SiteProbe> probes = records.stream().map(r -> read(r.value())).collect(Collectors.toMap(SiteProbe::siteId, Function.identity()));
        assertThat(probes.get("site:fast")).satisfies(p -> {
            assertThat(p.url()).isEqualTo(server.uri("/fast/").toString());
            assertThat(p.status()).isEqualTo(200);
            assertThat(p.failed()).isFalse();
            assertThat(p.loadMillis()).isLessThan(3000);
            assertThat(p.at()).isBetween(before.minusMillis(1), Instant.now());
        });
        assertThat(probes.get("site:slow")).as("no answer within the timeout").satisfies(p -> {
            assertThat(p.status()).isZero();
            assertThat(p.error()).contains("no answer within 3000 ms");
            assertThat(p.loadMillis()).isBetween(3000L, 5900L);
        });
        assertThat(probes.get("site:error")).satisfies(p -> {
            assertThat(p.status()).isEqualTo(500);
            assertThat(p.error()).contains("500");
        });
        assertThat(probes.get("site:closed")).satisfies(p -> {
            assertThat(p.status()).isZero();
            assertThat(p.failed()).isTrue();
            assertThat(p.error()).contains("ConnectException");
        });
        assertThat(server.requests("/error/")).as("a probe measures one load: no retry").hasSize(1);
        assertThat(server.requests("/fast/").get(0).headers().get("user-agent")).contains("availability probe");

        // Each record carries its site's next time: a probe interval ahead at most.
        Map<String, Instant> next = task.nextTimes();
        for (SourceRecord r : records) {
            String site = new String((byte[]) r.key(), StandardCharsets.UTF_8);
            assertThat(r.sourceOffset()).isEqualTo(Map.of("next", next.get(site).toString()));
            assertThat(next.get(site)).isAfter(before).isBeforeOrEqualTo(Instant.now().plus(Duration.ofHours(3)));
        }
        tasks.context().commit(records);
        task.stop();
        tasks.restart();

        // After a restart no site is probed before its time.
        SiteProbeSourceTask again = tasks.start(props);
        assertThat(again.nextTimes()).isEqualTo(next);
        assertThat(again.poll()).isNull();
        assertThat(server.requests("/fast/")).hasSize(1);
    }

    /** A home page sent on to an address citizens cannot reach is down for them: a failed probe, never a request there. */
    @Test
    void aHomePageRedirectedToARefusedAddressIsAFailedProbe() throws Exception {
        server.serve("/moved/", FeedServer.redirect(302, "http://127.0.0.2:9/"));
        SiteProbeSourceTask task = tasks.start(Map.of(ProbeConfig.SITES, "site:moved=" + server.uri("/moved/"),
                HttpSourceKeys.HTTP_ALLOWED_HOSTS, "127.0.0.1"));
        List<SourceRecord> records = task.poll();
        assertThat(records).singleElement().satisfies(r -> {
            SiteProbe p = read(r.value());
            assertThat(p.failed()).isTrue();
            assertThat(p.status()).isZero();
            assertThat(p.error()).startsWith("not fetched: ").contains("redirects to http://127.0.0.2:9/", "loopback");
        });
    }

    @Test
    void aNewSiteIsProbedAtOnceThenAtItsOwnTimeOfDay() throws Exception {
        Instant before = Instant.now();
        SiteProbeSourceTask task = tasks.start(Map.of(ProbeConfig.SITES, "site:fast=" + server.uri("/fast/"), ProbeConfig.PER_DAY, "1",
                HttpSourceKeys.HTTP_ALLOWED_HOSTS, "127.0.0.1"));
        assertThat(task.nextTimes().get("site:fast")).as("never probed: due now").isBetween(before, Instant.now());
        List<SourceRecord> first = task.poll();
        assertThat(first).singleElement().satisfies(r -> assertThat(read(r.value()).status()).isEqualTo(200));
        assertThat(server.requests("/fast/")).hasSize(1);
        Instant next = task.nextTimes().get("site:fast");
        assertThat(next).as("then its own time of day, within a day").isAfter(before).isBeforeOrEqualTo(before.plus(Duration.ofDays(1)))
                .isEqualTo(new ProbeSchedule(1).after("site:fast", next.minus(Duration.ofDays(1))));
    }

    private static SiteProbe read(Object value) {
        try {
            return Json.MAPPER.readValue((byte[]) value, SiteProbe.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
