package dev.yuqing.connectors.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.connectors.connect.ConnectorVersion;
import dev.yuqing.connectors.connect.HttpSourceKeys;
import dev.yuqing.connectors.connect.PollSchedule;
import dev.yuqing.connectors.connect.PostRecords;
import dev.yuqing.connectors.connect.SourceHealth;
import dev.yuqing.connectors.connect.SourceMetrics;
import dev.yuqing.connectors.connect.StopSignal;
import dev.yuqing.connectors.connect.WrittenTopics;
import dev.yuqing.connectors.http.AddressPolicy;
import dev.yuqing.connectors.http.Charsets;
import dev.yuqing.connectors.http.CircuitBreaker;
import dev.yuqing.connectors.http.HostLimiter;
import dev.yuqing.connectors.http.HttpFetcher;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.PostJson;
import dev.yuqing.core.source.LinkCheck;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the column every poll interval: robots.txt of each host once per poll; the list pages
 * (following the next-page link while a page still lists a new item, up to the maximum); the new
 * item pages, several at a time but spaced per host; then a bounded number of the list pages'
 * other links, for the dead-link check. Records come oldest item first, after the dead links;
 * every record but the last carries the cursor as it was before the poll, the last the new one,
 * so that a crash in the middle sends the poll again (same post ids) and loses nothing. An item
 * page that fails (5xx, no answer, open circuit) is not marked read and is tried again next poll.
 * A URL the task's {@link AddressPolicy} refuses (a link to a private address, a redirect there)
 * is never requested, nor its host's robots.txt: a refused list page is not read, a refused item
 * goes to the dead-letter topic, a refused link is not checked (and not reported dead).
 */
public final class HtmlSiteSourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(HtmlSiteSourceTask.class);
    private static final String ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";
    /** The page bytes a dead letter carries at most: enough to see what the selectors met. */
    private static final int MAX_RAW = 64 * 1024;

    /** An item page's fetch, in list order. */
    private record ItemFetch(URI url, URI listPage, HttpFetcher.Result result) {}

    /**
     * An item page fetched and read.
     *
     * @param awaiting a board message sent on an earlier poll, read again for its reply
     */
    private record ItemPage(ItemFetch fetch, String html, SiteExtractor.Item item, boolean awaiting) {}

    /** One GET, by whichever fetcher and limit suit the resource. */
    @FunctionalInterface
    private interface Fetch {
        HttpFetcher.Result get(URI uri) throws InterruptedException;
    }

    private final StopSignal stop = new StopSignal();
    private final Clock clock = Clock.systemUTC();
    private URI listUrl;
    private String account;
    private Map<String, String> partition;
    private PollSchedule schedule;
    private int maxPages;
    private int linksCheckMax;
    private int seenMax;
    private String linksTopic;
    /** Item pages refused by the address policy and dead-lettered in this run of the task. */
    private final Set<URI> refusedItems = new HashSet<>();
    private String robotsAgent;
    private HttpFetcher fetcher;
    private HttpFetcher linkFetcher;
    private HostLimiter limiter;
    /** Shared by the fetchers and the robots.txt check, so that each refused host is logged once. */
    private AddressPolicy policy;
    private ExecutorService pool;
    /** The configured charset, or null to detect it. */
    private Charset charset;
    private SiteExtractor extractor;
    private Attachments.Settings attachments;
    /** Null when attachments are not read. */
    private AttachmentText attachmentText;
    private PostRecords records;
    private SourceMetrics metrics;
    private SiteMetrics siteMetrics;
    private SiteState state;
    private SourceHealth health;
    /** The cursor before the poll under way, as the offset its records but the last carry (built once: it can be long). */
    private Map<String, Object> beforeOffset;
    /** robots.txt per scheme://host:port, read anew every poll. */
    private final Map<String, Robots> robots = new HashMap<>();
    /** When each link was last checked, so that a bounded check goes round all of them over the polls. */
    private final Map<URI, Instant> linkChecked = new HashMap<>();

    @Override
    public String version() {
        return ConnectorVersion.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        SiteConfig config = new SiteConfig(props);
        WrittenTopics.require(config);
        listUrl = config.listUrl();
        account = config.account();
        partition = Map.of("site", listUrl.toString());
        maxPages = config.maxPages();
        linksCheckMax = config.linksCheckMax();
        seenMax = config.seenMax();
        linksTopic = config.linksTopic();
        robotsAgent = config.robotsUserAgent();
        HttpSourceKeys.Values http = config.http();
        CircuitBreaker breaker = new CircuitBreaker(http.breaker(), clock);
        policy = http.policy();
        fetcher = http.fetcher(ACCEPT, Map.of(), stop, clock, breaker, policy);
        // A link check asks once: a link that fails is reported, not retried into the next poll.
        linkFetcher = http.singleAttempt().fetcher(ACCEPT, Map.of(), stop, clock, breaker, policy);
        limiter = new HostLimiter(config.hostMinDelay(), config.hostMaxConcurrency(), clock, stop::await);
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(config.hostMaxConcurrency(), r -> {
            Thread t = new Thread(r, "yuqing-site-fetch-" + account + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        charset = config.charset();
        attachments = config.attachments();
        attachmentText = attachments.enabled() ? new AttachmentText(attachments.textMaxChars(), attachments.parseTimeout(), account) : null;
        extractor = new SiteExtractor(config.selectors(), config.mode(), config.times(), account, config.region(), attachments);
        metrics = new SourceMetrics(context.pluginMetrics());
        siteMetrics = new SiteMetrics(context.pluginMetrics());
        records = new PostRecords(config.topic(), config.dlqTopic(), metrics, clock);
        Map<String, Object> offset = context.offsetStorageReader().offset(partition);
        state = SiteState.of(offset);
        health = new SourceHealth(SourceHealth.topic(config), account, SourceHealth.connectorName(props, "site:" + listUrl), offset, clock);
        if (state.newest() != null) {
            siteMetrics.latestUpdate(state.newest());
        }
        schedule = new PollSchedule(config.http().pollInterval(), stop, clock);
        LOG.info("Reading {} {} for {} every {} ms ({} items read before)", config.mode().name().toLowerCase(), listUrl, account,
                config.http().pollInterval().toMillis(), state.items().size());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (!schedule.due()) {
            return null;
        }
        schedule.asked();
        robots.clear();
        return read();
    }

    private List<SourceRecord> read() throws InterruptedException {
        SiteState before = state;
        beforeOffset = before.toOffset();
        SiteState.Builder after = before.toBuilder(seenMax);
        List<ItemFetch> toFetch = new ArrayList<>();
        Set<URI> listed = new LinkedHashSet<>();
        Map<URI, URI> links = new LinkedHashMap<>(); // link → the list page it is on
        Set<URI> visited = new LinkedHashSet<>();
        Set<String> pagesRead = new HashSet<>();
        URI page = listUrl;
        // The column counts as read when its first list page was: why not, else null.
        String problem = null;
        while (page != null && visited.size() < maxPages && !stop.isStopped()) {
            if (!allowed(page)) {
                siteMetrics.robotsSkipped();
                LOG.warn("List page {} is disallowed by robots.txt for {}; not read", page, robotsAgent);
                if (visited.isEmpty()) {
                    problem = page + " is disallowed by robots.txt for " + robotsAgent + ", or robots.txt could not be read";
                }
                break;
            }
            visited.add(page);
            HttpFetcher.Result result = fetchLimited(page, u -> fetcher.get(u, null, null));
            metrics.fetched(result);
            if (result instanceof HttpFetcher.Refused refused) {
                if (visited.size() == 1) {
                    problem = refused.reason();
                }
                LOG.warn("List page {} not read: {}; next poll at {}", page, refused.reason(), schedule.next());
                break;
            }
            if (!(result instanceof HttpFetcher.Fetched fetched)) {
                metrics.failure();
                String why = result instanceof HttpFetcher.Failed failed ? failed.reason() : page + " answered 304 to a request without validators";
                if (visited.size() == 1) {
                    if (result instanceof HttpFetcher.Failed failed) {
                        schedule.notBefore(failed.notBefore());
                    }
                    problem = why;
                }
                LOG.warn("List page {} not read: {}; next poll at {}", page, why, schedule.next());
                break;
            }
            // Relative links resolve against where the page came from: a list URL may redirect.
            SiteExtractor.ListPage list = extractor.list(decode(fetched, page), fetched.uri());
            pagesRead.add(page.toString());
            if (list.items().isEmpty()) {
                LOG.warn("List page {} has no item links by list.item.selector; check the selector against the page", page);
            }
            boolean anyNew = false;
            for (URI item : list.items()) {
                if (!listed.add(item)) {
                    continue; // pinned items are listed on every page
                }
                metrics.item();
                String key = SiteState.key(item);
                Boolean done = before.items().get(key);
                if (Boolean.TRUE.equals(done)) {
                    metrics.duplicate();
                    after.put(key, true);
                } else {
                    toFetch.add(new ItemFetch(item, page, null));
                    anyNew |= done == null;
                }
            }
            URI onPage = page;
            list.links().forEach(l -> links.putIfAbsent(l, onPage));
            page = list.next() == null || visited.contains(list.next()) ? null : list.next();
            if (!anyNew) {
                break; // the pages after one without anything new hold only older items
            }
        }
        if (stop.isStopped()) {
            return null; // a poll cut short says nothing of the column
        }
        if (visited.isEmpty()) {
            return health.after(null, problem, partition, beforeOffset);
        }

        List<ItemFetch> allowedItems = new ArrayList<>();
        for (ItemFetch f : toFetch) {
            if (allowed(f.url())) {
                allowedItems.add(f);
            } else {
                siteMetrics.robotsSkipped();
                LOG.info("Item {} is disallowed by robots.txt for {}; skipped", f.url(), robotsAgent);
            }
        }
        List<ItemFetch> items = fetchAll(fetcher, allowedItems, HttpFetcher.MAX_BODY_BYTES);
        if (stop.isStopped()) {
            return null; // fetches cut short; the state is unchanged and the next run reads these items again
        }
        // Item pages are checked by their own fetch, once; afterwards they are read, not fetched again.
        // A link check reads no body: a file of any size that starts to arrive is alive.
        List<ItemFetch> checks = fetchAll(linkFetcher, linksToCheck(links, listed), 0);

        List<SourceRecord> out = new ArrayList<>();
        Instant checkedAt = clock.instant();
        for (ItemFetch c : checks) {
            if (c.result() instanceof HttpFetcher.Fetched || c.result() instanceof HttpFetcher.Failed f && f.tooLarge()) {
                siteMetrics.linkChecked(false); // answered: a body begun is enough
            }
            // A refused link is not checked: it is neither live nor dead.
            linkCheck(c, checkedAt, after).ifPresent(out::add);
        }
        Set<String> present = new HashSet<>();
        links.keySet().forEach(l -> present.add(l.toString()));
        listed.forEach(l -> present.add(l.toString()));
        out.addAll(goneLinks(pagesRead, present, checkedAt, after));
        // Lists show the newest first; sending the oldest first keeps the column's posts in time order.
        List<ItemPage> pages = new ArrayList<>();
        for (int i = items.size() - 1; i >= 0; i--) {
            ItemFetch f = items.get(i);
            boolean awaiting = Boolean.FALSE.equals(before.items().get(SiteState.key(f.url())));
            linkCheck(f, checkedAt, after).ifPresent(out::add);
            if (f.result() instanceof HttpFetcher.Fetched fetched) {
                String html = decode(fetched, f.url());
                pages.add(new ItemPage(f, html, extractor.item(html, f.url(), clock.instant()), awaiting));
            } else {
                pages.add(new ItemPage(f, null, null, awaiting));
            }
        }
        Map<URI, List<Attachments.Outcome>> files = readAttachments(pages);
        if (stop.isStopped()) {
            return null; // as above: nothing is sent, the next run reads these items again
        }
        int posted = 0;
        for (ItemPage p : pages) {
            ItemFetch f = p.fetch();
            String key = SiteState.key(f.url());
            if (p.item() != null) {
                siteMetrics.linkChecked(false);
                for (SiteExtractor.Out o : p.item().outputs()) {
                    if (p.awaiting() && !isReply(o)) {
                        continue; // the message went out on an earlier poll; only its reply is new
                    }
                    if (o instanceof SiteExtractor.Fields post && !post.reply()) {
                        out.addAll(addAttachments(post, files.getOrDefault(f.url(), List.of())));
                    }
                    out.add(record(o, f.url(), p.html(), after));
                    posted++;
                }
                after.put(key, !p.item().awaitingReply());
            } else if (f.result() instanceof HttpFetcher.Refused refused) {
                // Not read while the policy stands, and read once http.allowed.hosts lets it: dead-lettered once per run of the task.
                if (refusedItems.add(f.url())) {
                    out.add(records.deadLetter("url", "not fetched: " + refused.reason(), f.url().toString(), null,
                            f.url().toString().getBytes(StandardCharsets.UTF_8), new PostRecords.Position(partition, beforeOffset)));
                }
            } else if (f.result() instanceof HttpFetcher.NotModified) {
                LOG.warn("Item {} not read: it answered 304 to a request without validators; tried again next poll", f.url());
            } else {
                HttpFetcher.Failed failed = (HttpFetcher.Failed) f.result();
                metrics.failure();
                boolean gone = failed.status() >= 400 && failed.status() < 500 && failed.status() != 429;
                if (gone) {
                    after.put(key, true); // 404, 410: reported as a dead link, not asked for again
                }
                LOG.warn("Item {} not read: {}{}", f.url(), failed.reason(), gone ? "" : "; tried again next poll");
            }
        }
        SiteState next = after.build();
        if (next.newest() != null && !next.newest().equals(before.newest())) {
            siteMetrics.latestUpdate(next.newest());
        }
        LOG.info("{} {}: latest update {}; {} list pages, {} items listed, {} fetched, {} records; {}; {}", account, listUrl,
                next.newest(), visited.size(), listed.size(), items.size(), posted, metrics, siteMetrics);
        state = next;
        // Without a record to carry it (nothing new, heartbeats off), the new cursor stays in memory; a
        // restart reads the pages again and finds them read.
        if (!out.isEmpty()) {
            SourceRecord last = out.get(out.size() - 1);
            out.set(out.size() - 1, new SourceRecord(last.sourcePartition(), next.toOffset(), last.topic(), last.kafkaPartition(),
                    last.keySchema(), last.key(), last.valueSchema(), last.value(), last.timestamp()));
        }
        return health.after(out, problem, partition, next.toOffset());
    }

    /**
     * Reads the attachments of the items whose post goes out in this poll, robots.txt permitting,
     * at most http.host.max.concurrency at a time; the outcomes by item page, in page order.
     */
    private Map<URI, List<Attachments.Outcome>> readAttachments(List<ItemPage> pages) throws InterruptedException {
        List<URI> owners = new ArrayList<>();
        List<Callable<Attachments.Outcome>> calls = new ArrayList<>();
        for (ItemPage p : pages) {
            if (p.item() == null || p.awaiting()) {
                continue;
            }
            for (Attachments.Link link : p.item().attachments()) {
                if (!allowed(link.url())) {
                    siteMetrics.robotsSkipped();
                    LOG.info("Attachment {} of {} is disallowed by robots.txt for {}; not read", link.url(), p.fetch().url(), robotsAgent);
                    continue;
                }
                owners.add(p.fetch().url());
                calls.add(() -> readAttachment(link));
            }
        }
        List<Attachments.Outcome> outcomes = runAll(calls);
        Map<URI, List<Attachments.Outcome>> byItem = new HashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            byItem.computeIfAbsent(owners.get(i), k -> new ArrayList<>()).add(outcomes.get(i));
        }
        return byItem;
    }

    /** Downloads the file, no further than attachments.max.bytes, and extracts its text. */
    private Attachments.Outcome readAttachment(Attachments.Link link) throws InterruptedException {
        HttpFetcher.Result result = fetchLimited(link.url(), u -> fetcher.get(u, null, null, attachments.maxBytes()));
        metrics.fetched(result);
        Attachments.Outcome outcome;
        if (result instanceof HttpFetcher.Fetched fetched) {
            outcome = attachmentText.read(link, fetched.body());
        } else if (result instanceof HttpFetcher.Failed failed) {
            if (!failed.tooLarge()) {
                metrics.failure();
            }
            outcome = new Attachments.Unread(link, failed.tooLarge()
                    ? "too large: " + failed.reason() + " (" + SiteConfig.ATTACHMENTS_MAX_BYTES + ")"
                    : "not downloaded: " + failed.reason(), new byte[0]);
        } else if (result instanceof HttpFetcher.Refused refused) {
            outcome = new Attachments.Unread(link, "not downloaded: " + refused.reason(), new byte[0]);
        } else {
            outcome = new Attachments.Unread(link, "not downloaded: " + link.url() + " answered 304 to a request without validators", new byte[0]);
        }
        siteMetrics.attachment(outcome instanceof Attachments.Read);
        return outcome;
    }

    /**
     * Appends the attachments' text to the post's text; a dead letter (carrying the cursor before
     * the poll, like the post) for each attachment whose text is not in it: the post goes out all
     * the same, and the dead letter names the file (its origin) and the post (its key).
     */
    private List<SourceRecord> addAttachments(SiteExtractor.Fields post, List<Attachments.Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return List.of();
        }
        ObjectNode fields = post.fields();
        String postId = fields.path("id").asText();
        List<Attachments.Read> reads = new ArrayList<>();
        List<Attachments.Unread> unread = new ArrayList<>();
        for (Attachments.Outcome o : outcomes) {
            if (o instanceof Attachments.Read r) {
                reads.add(r);
            } else {
                unread.add((Attachments.Unread) o);
            }
        }
        Attachments.Composed composed = Attachments.compose(fields.path("text").asText(), reads);
        fields.put("text", composed.text());
        for (Attachments.Read r : composed.leftOut()) {
            unread.add(new Attachments.Unread(r.link(), "no room: the post's text is at its limit of "
                    + PostJson.MAX_TEXT_LENGTH + " characters with the page and the attachments before it", new byte[0]));
        }
        var position = new PostRecords.Position(partition, beforeOffset);
        List<SourceRecord> deadLetters = new ArrayList<>();
        for (Attachments.Unread u : unread) {
            deadLetters.add(records.deadLetter("attachment", u.reason() + "; the post " + postId + " was sent without its text",
                    u.link().url().toString(), postId, u.head(), position));
        }
        return deadLetters;
    }

    private static boolean isReply(SiteExtractor.Out o) {
        return o instanceof SiteExtractor.Fields f ? f.reply() : ((SiteExtractor.Unmappable) o).reply();
    }

    /** A post or dead-letter record carrying the cursor before the poll (the caller moves the last one on). */
    private SourceRecord record(SiteExtractor.Out o, URI url, String html, SiteState.Builder after) {
        var position = new PostRecords.Position(partition, beforeOffset);
        String origin = url.toString();
        byte[] raw = html.getBytes(StandardCharsets.UTF_8);
        raw = raw.length <= MAX_RAW ? raw : Arrays.copyOf(raw, MAX_RAW);
        if (o instanceof SiteExtractor.Fields f) {
            if (!f.reply()) {
                after.published(f.publishedAt());
            }
            return records.post(f.fields(), origin, raw, position);
        }
        SiteExtractor.Unmappable u = (SiteExtractor.Unmappable) o;
        return records.deadLetter(u.field(), u.reason(), origin, u.postId(), raw, position);
    }

    /**
     * A {@link LinkCheck} record for a link that answered 4xx/5xx or not at all, unless it was
     * reported dead with the same status before (the offset remembers it), and for a link reported
     * dead before that answers again, so that its finding can close; empty otherwise, and for a
     * link not asked (open circuit, stopping).
     */
    private Optional<SourceRecord> linkCheck(ItemFetch f, Instant checkedAt, SiteState.Builder after) {
        String key = SiteState.key(f.url());
        Integer before = after.deadStatus(key);
        LinkCheck check;
        if (f.result() instanceof HttpFetcher.Refused) {
            return Optional.empty(); // not asked: neither live nor dead
        }
        if (f.result() instanceof HttpFetcher.Failed failed && !failed.tooLarge()) {
            if (failed.attempts() == 0) {
                return Optional.empty();
            }
            siteMetrics.linkChecked(true);
            after.dead(f.url(), f.listPage(), failed.status());
            if (before != null && before == failed.status()) {
                return Optional.empty();
            }
            check = new LinkCheck(account, f.listPage().toString(), f.url().toString(), true, failed.status(), failed.reason(), checkedAt);
            LOG.info("Dead link on {}: {} ({})", f.listPage(), f.url(), failed.reason());
        } else {
            if (before == null) {
                return Optional.empty();
            }
            after.alive(key);
            // A 2xx answer (the fetcher does not say which) or a 304.
            int status = f.result() instanceof HttpFetcher.NotModified ? 304 : 200;
            check = new LinkCheck(account, f.listPage().toString(), f.url().toString(), false, status, "", checkedAt);
            LOG.info("Link on {} answers again: {}", f.listPage(), f.url());
        }
        return Optional.of(linkRecord(check));
    }

    /**
     * Dead links no longer on the page they were found on, which this poll read: gone, so reported with
     * {@code dead=false} (removing a broken link is the usual fix), and forgotten.
     */
    private List<SourceRecord> goneLinks(Set<String> pagesRead, Set<String> present, Instant checkedAt, SiteState.Builder after) {
        List<SourceRecord> out = new ArrayList<>();
        for (var e : List.copyOf(after.deadLinks().entrySet())) {
            SiteState.DeadLink d = e.getValue();
            if (d.link() != null && pagesRead.contains(d.page()) && !present.contains(d.link())) {
                after.alive(e.getKey());
                LOG.info("Dead link {} is no longer on {}", d.link(), d.page());
                out.add(linkRecord(new LinkCheck(account, d.page(), d.link(), false, 0, "no longer linked from " + d.page(), checkedAt)));
            }
        }
        return out;
    }

    private SourceRecord linkRecord(LinkCheck check) {
        byte[] value;
        try {
            value = Json.MAPPER.writeValueAsBytes(check);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a LinkCheck always serialises", e);
        }
        return new SourceRecord(partition, beforeOffset, linksTopic, null, Schema.OPTIONAL_BYTES_SCHEMA,
                check.link().getBytes(StandardCharsets.UTF_8), Schema.BYTES_SCHEMA, value, null);
    }

    /** Up to links.check.max links of the list pages, those checked longest ago first, robots.txt permitting. */
    private List<ItemFetch> linksToCheck(Map<URI, URI> links, Set<URI> items) throws InterruptedException {
        linkChecked.keySet().retainAll(links.keySet());
        List<URI> candidates = new ArrayList<>(links.keySet());
        candidates.removeAll(items);
        candidates.sort(Comparator.comparing(l -> linkChecked.getOrDefault(l, Instant.MIN)));
        List<ItemFetch> checks = new ArrayList<>();
        Instant now = clock.instant();
        for (URI l : candidates) {
            if (checks.size() >= linksCheckMax) {
                break;
            }
            if (!allowed(l)) {
                siteMetrics.robotsSkipped();
                continue;
            }
            linkChecked.put(l, now);
            checks.add(new ItemFetch(l, links.get(l), null));
        }
        return checks;
    }

    /** Fetches each, at most http.host.max.concurrency at a time; the results in the order given. */
    private List<ItemFetch> fetchAll(HttpFetcher with, List<ItemFetch> todo, int maxBodyBytes) throws InterruptedException {
        List<Callable<ItemFetch>> calls = new ArrayList<>();
        for (ItemFetch f : todo) {
            calls.add(() -> {
                HttpFetcher.Result r = fetchLimited(f.url(), u -> with.get(u, null, null, maxBodyBytes));
                metrics.fetched(r);
                return new ItemFetch(f.url(), f.listPage(), r);
            });
        }
        return runAll(calls);
    }

    /** Runs each on the fetch pool; the results in the order given, none when the task stopped under them. */
    private <T> List<T> runAll(List<Callable<T>> calls) throws InterruptedException {
        if (calls.isEmpty()) {
            return List.of();
        }
        List<Future<T>> futures;
        try {
            futures = pool.invokeAll(calls);
        } catch (RejectedExecutionException e) {
            if (stop.isStopped()) {
                return List.of(); // stop() shut the pool down under this poll
            }
            throw e;
        }
        List<T> done = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                done.add(future.get());
            } catch (ExecutionException e) {
                throw new ConnectException("fetching pages of " + listUrl + " failed unexpectedly", e.getCause());
            }
        }
        return done;
    }

    /** {@code how} fetches {@code uri} once the host's limits allow; a URL the policy refuses is not even spaced out. */
    private HttpFetcher.Result fetchLimited(URI uri, Fetch how) throws InterruptedException {
        Optional<String> refusal = policy.refusal(uri);
        if (refusal.isPresent()) {
            return new HttpFetcher.Refused(uri + ": " + refusal.get(), 0); // before the permit: nothing is sent, nothing to space out
        }
        HostLimiter.Permit permit = limiter.acquire(origin(uri));
        if (permit == null) {
            return new HttpFetcher.Failed(uri + ": not requested, the task is stopping", 0, null, 0);
        }
        try (permit) {
            return how.get(uri);
        }
    }

    private String decode(HttpFetcher.Fetched fetched, URI page) {
        Charsets.Decoded decoded = Charsets.decode(fetched.body(), fetched.contentType(), charset, Charsets.Declaration.HTML_META);
        if (decoded.lossy()) {
            LOG.warn("Page {} is not valid {} (nor in any charset it declares); undecodable bytes were replaced. "
                    + "Set site.charset if the site declares a wrong one", page, decoded.charset());
        }
        return decoded.text();
    }

    /** Whether robots.txt of the URL's host lets {@code robots.user.agent} fetch it; the file is read once per poll. */
    private boolean allowed(URI uri) throws InterruptedException {
        if (policy.refusal(uri).isPresent()) {
            return true; // fetchLimited refuses the URL itself; its host's robots.txt is not asked for either
        }
        String origin = origin(uri);
        Robots r = robots.get(origin);
        if (r == null) {
            URI robotsTxt = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/robots.txt");
            HttpFetcher.Result result = fetchLimited(robotsTxt, u -> fetcher.get(u, null, null));
            if (result instanceof HttpFetcher.Fetched f) {
                r = Robots.parse(new String(f.body(), StandardCharsets.UTF_8));
            } else if (result instanceof HttpFetcher.Failed failed && failed.status() >= 400 && failed.status() < 500 && failed.status() != 429) {
                r = Robots.allowAll(); // no robots.txt: no restrictions (RFC 9309 2.3.1.3)
            } else {
                if (result instanceof HttpFetcher.Refused) {
                    metrics.refused();
                }
                // A robots.txt that redirects to a refused address is as unreachable as one that does not answer.
                LOG.warn("robots.txt of {} not read ({}); nothing of the host is fetched this poll", origin,
                        result instanceof HttpFetcher.Failed failed ? failed.reason()
                                : result instanceof HttpFetcher.Refused refused ? refused.reason() : "not modified");
                r = Robots.disallowAll();
            }
            robots.put(origin, r);
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return r.allows(robotsAgent, path);
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase() + "://" + uri.getRawAuthority();
    }

    @Override
    public void stop() {
        stop.stop();
        if (pool != null) {
            pool.shutdown(); // fetches under way end at their timeout; waits end at once on the stop signal
        }
        if (attachmentText != null) {
            attachmentText.close();
        }
    }
}
