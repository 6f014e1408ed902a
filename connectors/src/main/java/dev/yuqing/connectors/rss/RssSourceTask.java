package dev.yuqing.connectors.rss;

import dev.yuqing.connectors.connect.ConnectorVersion;
import dev.yuqing.connectors.connect.PostRecords;
import dev.yuqing.connectors.connect.SourceMetrics;
import dev.yuqing.connectors.connect.StopSignal;
import dev.yuqing.connectors.http.Backoff;
import dev.yuqing.connectors.http.CircuitBreaker;
import dev.yuqing.connectors.http.HttpFetcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
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
    /** The longest poll() waits before handing control back to the worker (pause, offset commits). */
    private static final Duration MAX_IDLE = Duration.ofSeconds(1);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    private final StopSignal stop = new StopSignal();
    private final Clock clock = Clock.systemUTC();
    private URI feed;
    private Map<String, String> partition;
    private Duration pollInterval;
    private HttpFetcher fetcher;
    private FeedDecoder decoder;
    private FeedParser parser;
    private FeedMapper mapper;
    private PostRecords records;
    private SourceMetrics metrics;
    private FeedState state;
    private Instant nextFetch;

    @Override
    public String version() {
        return ConnectorVersion.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        RssConfig config = new RssConfig(props);
        feed = config.feedUrl();
        partition = Map.of("feed", feed.toString());
        pollInterval = config.pollInterval();
        fetcher = new HttpFetcher(new HttpFetcher.Settings(config.timeout(), config.userAgent(), ACCEPT, config.maxAttempts()),
                new Backoff(config.backoffInitial(), config.backoffMax(), new SplittableRandom()), stop, clock,
                new CircuitBreaker(config.http().breaker(), clock));
        decoder = new FeedDecoder(config.charset());
        parser = new FeedParser();
        mapper = new FeedMapper(feed, config.account(), config.region());
        metrics = new SourceMetrics(context.pluginMetrics());
        records = new PostRecords(config.topic(), config.dlqTopic(), metrics, clock);
        state = FeedState.of(context.offsetStorageReader().offset(partition));
        nextFetch = clock.instant();
        LOG.info("Reading feed {} for {} every {} ms ({} items seen before{})", feed, config.account(), pollInterval.toMillis(),
                state.seen().size(), state.etag() != null || state.lastModified() != null ? ", conditional GET" : "");
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        Duration wait = Duration.between(clock.instant(), nextFetch);
        if (!wait.isNegative() && !wait.isZero()) {
            stop.await(wait.compareTo(MAX_IDLE) < 0 ? wait : MAX_IDLE);
            return null;
        }
        if (stop.isStopped()) {
            return null;
        }
        HttpFetcher.Result result = fetcher.get(feed, state.etag(), state.lastModified());
        nextFetch = clock.instant().plus(pollInterval);
        metrics.fetch();
        if (result instanceof HttpFetcher.NotModified) {
            metrics.notModified();
            LOG.debug("Feed {} not modified; {}", feed, metrics);
            return null;
        }
        if (result instanceof HttpFetcher.Failed failed) {
            metrics.failure();
            if (failed.notBefore() != null && failed.notBefore().isAfter(nextFetch)) {
                nextFetch = failed.notBefore();
            }
            LOG.warn("Feed {} not fetched: {}; next try at {}; {}", feed, failed.reason(), nextFetch, metrics);
            return null;
        }
        return read((HttpFetcher.Fetched) result);
    }

    private List<SourceRecord> read(HttpFetcher.Fetched fetched) {
        FeedDecoder.Decoded decoded = decoder.decode(fetched.body(), fetched.contentType());
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
            return null;
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
        // Without a record to carry it, a cursor that changed (new validators, items gone) stays in
        // memory: after a restart the full fetch finds every item seen and sends nothing.
        state = after;
        LOG.info("Feed {}: {} items, {} new; {}", feed, entries.size(), fresh.size(), metrics);
        return out.isEmpty() ? null : out;
    }

    @Override
    public void stop() {
        stop.stop();
    }
}
