package dev.yuqing.connectors.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.yuqing.connectors.connect.ConnectorVersion;
import dev.yuqing.connectors.connect.HttpSourceKeys;
import dev.yuqing.connectors.connect.WrittenTopics;
import dev.yuqing.connectors.connect.StopSignal;
import dev.yuqing.connectors.http.HttpFetcher;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.source.SiteProbe;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes each site when its time comes ({@link ProbeSchedule}): one GET of the home page, no
 * retry (a probe measures one load), timed to the whole body. The sites due together are probed
 * at the same time, a few at once. Each probe is a {@link SiteProbe} record keyed by the site id,
 * in the site's own source partition with the site's next probe time as its offset, so that a
 * restart neither probes every site at once nor skips one: a time missed while the task was down
 * is probed at once.
 */
public final class SiteProbeSourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(SiteProbeSourceTask.class);
    private static final String ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";
    static final String NEXT = "next";
    /** Probes at once at most: sites due together are few, since their times spread. */
    private static final int CONCURRENCY = 4;
    /** The longest a poll waits for the next probe time, so that it hands control back to the worker. */
    private static final Duration MAX_IDLE = Duration.ofSeconds(1);
    /** Beyond the timeout, how long a body still arriving is waited for before the probe is cut off. */
    private static final Duration BODY_GRACE = Duration.ofMillis(500);

    private final StopSignal stop = new StopSignal();
    private final Clock clock;
    private String topic;
    private Duration timeout;
    private ProbeSchedule schedule;
    private HttpFetcher fetcher;
    private ExecutorService pool;
    /** The sites and their next probe times. */
    private final Map<String, Site> sites = new LinkedHashMap<>();

    /** A site to probe. */
    private static final class Site {
        final String id;
        final URI url;
        final Map<String, String> partition;
        Instant next;

        Site(String id, URI url, Instant next) {
            this.id = id;
            this.url = url;
            this.partition = Map.of("site", id);
            this.next = next;
        }
    }

    public SiteProbeSourceTask() {
        this(Clock.systemUTC());
    }

    SiteProbeSourceTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return ConnectorVersion.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        ProbeConfig config = new ProbeConfig(props);
        WrittenTopics.require(config);
        topic = config.topic();
        timeout = config.timeout();
        schedule = config.schedule();
        fetcher = HttpSourceKeys.singleLoadFetcher(timeout, config.userAgent(), ACCEPT, stop, clock, config.policy());
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(CONCURRENCY, r -> {
            Thread t = new Thread(r, "yuqing-site-probe-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Instant now = clock.instant();
        config.sites().forEach((id, url) -> {
            Map<String, Object> offset = context.offsetStorageReader().offset(Map.of("site", id));
            sites.put(id, new Site(id, url, schedule.resume(id, kept(offset), now)));
        });
        LOG.info("Probing {} sites {} times a day (every {}), timeout {} ms; first probe at {}", sites.size(),
                Duration.ofDays(1).dividedBy(schedule.interval()), schedule.interval(), timeout.toMillis(),
                sites.values().stream().map(s -> s.next).min(Comparator.naturalOrder()).orElseThrow());
    }

    private static Instant kept(Map<String, Object> offset) {
        if (offset != null && offset.get(NEXT) instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (DateTimeException e) {
                LOG.warn("Offset {} is not a time; the site gets its next time from the schedule", s);
            }
        }
        return null;
    }

    /** The sites' next probe times, for tests. */
    Map<String, Instant> nextTimes() {
        Map<String, Instant> m = new LinkedHashMap<>();
        sites.forEach((id, s) -> m.put(id, s.next));
        return m;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        Instant now = clock.instant();
        List<Site> due = sites.values().stream().filter(s -> !s.next.isAfter(now)).toList();
        if (due.isEmpty()) {
            Instant first = sites.values().stream().map(s -> s.next).min(Comparator.naturalOrder()).orElseThrow();
            Duration wait = Duration.between(now, first);
            stop.await(wait.compareTo(MAX_IDLE) < 0 ? wait : MAX_IDLE);
            return null;
        }
        List<Future<SiteProbe>> probes = new ArrayList<>();
        for (Site s : due) {
            probes.add(pool.submit(() -> probe(s)));
        }
        List<SourceRecord> out = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            Site s = due.get(i);
            SiteProbe p = stop.isStopped() ? null : result(s, probes.get(i), now);
            if (p == null) {
                return null; // probes cut short measure nothing; the sites keep their times
            }
            s.next = schedule.after(s.id, clock.instant());
            LOG.info("Probe of {} {}: {}{} in {} ms; next at {}", s.id, s.url, p.status(), p.failed() ? " (" + p.error() + ")" : "",
                    p.loadMillis(), s.next);
            out.add(record(s, p));
        }
        return out;
    }

    /** One load of the home page, timed to its whole body. */
    private SiteProbe probe(Site s) throws InterruptedException {
        Instant at = clock.instant();
        long start = System.nanoTime();
        HttpFetcher.Result result = fetcher.get(s.url, null, null);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        if (result instanceof HttpFetcher.Failed failed) {
            return new SiteProbe(s.id, s.url.toString(), at, failed.status(), millis, failed.reason());
        }
        if (result instanceof HttpFetcher.Refused refused) {
            // A home page on (or sent on to) an address the public cannot reach is down for citizens; an intranet
            // site meant to be probed goes into http.allowed.hosts.
            return new SiteProbe(s.id, s.url.toString(), at, 0, millis, "not fetched: " + refused.reason());
        }
        // A 2xx (the fetcher does not say which), or a 304, which nothing asked for.
        int status = result instanceof HttpFetcher.NotModified ? 304 : 200;
        if (millis >= timeout.toMillis()) {
            return new SiteProbe(s.id, s.url.toString(), at, status, millis, "the page took " + millis + " ms, more than " + timeout.toMillis() + " ms");
        }
        return new SiteProbe(s.id, s.url.toString(), at, status, millis, "");
    }

    /**
     * The probe's result, null when the task stopped under it; a body still arriving after the timeout (the fetcher's timeout covers the
     * connection and the headers) is cut off and the probe fails.
     */
    private SiteProbe result(Site s, Future<SiteProbe> probe, Instant submitted) throws InterruptedException {
        try {
            return probe.get(timeout.plus(BODY_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            probe.cancel(true);
            return new SiteProbe(s.id, s.url.toString(), submitted, 0, timeout.plus(BODY_GRACE).toMillis(),
                    s.url + ": the whole page did not arrive within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (stop.isStopped()) {
                return null; // stop() interrupted the probe
            }
            throw new ConnectException("probing " + s.url + " failed unexpectedly", e.getCause());
        }
    }

    private SourceRecord record(Site s, SiteProbe p) {
        byte[] value;
        try {
            value = Json.MAPPER.writeValueAsBytes(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a SiteProbe always serialises", e);
        }
        return new SourceRecord(s.partition, Map.of(NEXT, s.next.toString()), topic, null, Schema.OPTIONAL_BYTES_SCHEMA,
                s.id.getBytes(StandardCharsets.UTF_8), Schema.BYTES_SCHEMA, value, null);
    }

    @Override
    public void stop() {
        stop.stop();
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
