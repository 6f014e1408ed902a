package dev.yuqing.connectors.rss;

import dev.yuqing.connectors.connect.ConnectorVersion;
import dev.yuqing.connectors.connect.PollSchedule;
import dev.yuqing.connectors.connect.PostRecords;
import dev.yuqing.connectors.connect.SourceHealth;
import dev.yuqing.connectors.connect.SourceMetrics;
import dev.yuqing.connectors.connect.StopSignal;
import dev.yuqing.connectors.connect.WrittenTopics;
import dev.yuqing.connectors.http.Charsets;
import dev.yuqing.connectors.http.HttpFetcher;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the feed when its poll interval is up and returns the records of the items not seen
 * before, oldest first. Every record but the last carries the cursor as it was before the fetch,
 * the last one the new cursor (the document's validators and item keys): Connect commits a
 * cursor only once every record before it is written, so a crash in the middle of a fetch sends
 * that fetch again (the posts keep their ids and the job drops the repeats) and loses nothing.
 */
public final class RssSourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(RssSourceTask.class);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    private final StopSignal stop = new StopSignal();
    private final Clock clock = Clock.systemUTC();
    private URI feed;
    private Map<String, String> partition;
    private HttpFetcher fetcher;
    /** The configured charset, or null to detect it. */
    private Charset charset;
    private FeedParser parser;
    private FeedMapper mapper;
    private PostRecords records;
    private SourceMetrics metrics;
    private FeedState state;
    private PollSchedule schedule;
    private SourceHealth health;

    @Override
    public String version() {
        return ConnectorVersion.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        RssConfig config = new RssConfig(props);
        WrittenTopics.require(config);
        feed = config.feedUrl();
        partition = Map.of("feed", feed.toString());
        schedule = new PollSchedule(config.http().pollInterval(), stop, clock);
        fetcher = config.http().fetcher(ACCEPT, Map.of(), stop, clock);
        charset = config.charset();
        parser = new FeedParser();
        mapper = new FeedMapper(feed, config.account(), config.region());
        metrics = new SourceMetrics(context.pluginMetrics());
        records = new PostRecords(config.topic(), config.dlqTopic(), metrics, clock);
        Map<String, Object> offset = context.offsetStorageReader().offset(partition);
        state = FeedState.of(offset);
        health = new SourceHealth(SourceHealth.topic(config), config.account(), SourceHealth.connectorName(props, "rss:" + feed), offset, clock);
        LOG.info("Reading feed {} for {} every {} ms ({} items seen before{})", feed, config.account(), config.http().pollInterval().toMillis(),
                state.seen().size(), state.etag() != null || state.lastModified() != null ? ", conditional GET" : "");
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (!schedule.due()) {
            return null;
        }
        HttpFetcher.Result result = fetcher.get(feed, state.etag(), state.lastModified());
        schedule.asked();
        metrics.fetched(result);
        if (stop.isStopped()) {
            return null; // a fetch cut short says nothing of the source
        }
        if (result instanceof HttpFetcher.Refused refused) {
            LOG.warn("Feed {} not fetched: {}; next try at {}; {}", feed, refused.reason(), schedule.next(), metrics);
            return health.after(null, refused.reason(), partition, state.toOffset());
        }
        if (result instanceof HttpFetcher.NotModified) {
            metrics.notModified();
            LOG.debug("Feed {} not modified; {}", feed, metrics);
            return health.after(null, null, partition, state.toOffset());
        }
        if (result instanceof HttpFetcher.Failed failed) {
            metrics.failure();
            schedule.notBefore(failed.notBefore());
            LOG.warn("Feed {} not fetched: {}; next try at {}; {}", feed, failed.reason(), schedule.next(), metrics);
            return health.after(null, failed.reason(), partition, state.toOffset());
        }
        return read((HttpFetcher.Fetched) result);
    }

    private List<SourceRecord> read(HttpFetcher.Fetched fetched) {
        Charsets.Decoded decoded = Charsets.decode(fetched.body(), fetched.contentType(), charset, Charsets.Declaration.XML);
        if (decoded.lossy()) {
            LOG.warn("Feed {} is not valid {} (nor in any charset it declares); undecodable bytes were replaced. Set feed.charset if the site declares a wrong one",
                    feed, decoded.charset());
        }
        List<FeedEntry> entries;
        try {
            entries = new ArrayList<>(parser.parse(decoded.text()));
        } catch (FeedException e) {
            metrics.failure();
            LOG.warn("Feed {} is unreadable ({} bytes read as {}): {}; {}", feed, fetched.body().length, decoded.charset(), e.getMessage(), metrics);
            return health.after(null, "the feed is unreadable: " + e.getMessage(), partition, state.toOffset());
        }
        // Feeds list the newest first; sending the oldest first keeps a source's posts in time order.
        Collections.reverse(entries);
        Instant fetchedAt = clock.instant();
        Map<String, Object> before = state.toOffset();
        Set<String> keys = new LinkedHashSet<>();
        List<FeedEntry> fresh = new ArrayList<>();
        for (FeedEntry e : entries) {
            metrics.item();
            String key = FeedState.key(e);
            // Seen before, or twice in this document (CMSs repeat pinned items): sent once.
            if (!keys.add(key) || state.seen().contains(key)) {
                metrics.duplicate();
            } else {
                fresh.add(e);
            }
        }
        FeedState after = new FeedState(fetched.etag(), fetched.lastModified(), keys);
        List<SourceRecord> out = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            FeedEntry e = fresh.get(i);
            var position = new PostRecords.Position(partition, i == fresh.size() - 1 ? after.toOffset() : before);
            String origin = feed + "#item-" + e.position();
            byte[] raw = e.xml().getBytes(StandardCharsets.UTF_8);
            FeedMapper.Mapped mapped = mapper.map(e, fetchedAt);
            if (mapped instanceof FeedMapper.Fields f) {
                out.add(records.post(f.fields(), origin, raw, position));
            } else if (mapped instanceof FeedMapper.Unmappable u) {
                out.add(records.deadLetter(u.field(), u.reason(), origin, u.postId(), raw, position));
            }
        }
        // Without a record to carry it (no post, heartbeats off), a cursor that changed (new validators,
        // items gone) stays in memory: after a restart the full fetch finds every item seen and sends nothing.
        state = after;
        LOG.info("Feed {}: {} items, {} new; {}", feed, entries.size(), fresh.size(), metrics);
        return health.after(out, null, partition, after.toOffset());
    }

    @Override
    public void stop() {
        stop.stop();
    }
}
