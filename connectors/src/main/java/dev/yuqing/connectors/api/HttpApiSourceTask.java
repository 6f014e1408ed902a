package dev.yuqing.connectors.api;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.connectors.connect.ConnectorVersion;
import dev.yuqing.connectors.connect.PostIds;
import dev.yuqing.connectors.connect.PollSchedule;
import dev.yuqing.connectors.connect.PostRecords;
import dev.yuqing.connectors.connect.SourceHealth;
import dev.yuqing.connectors.connect.SourceMetrics;
import dev.yuqing.connectors.connect.StopSignal;
import dev.yuqing.connectors.connect.WrittenTopics;
import dev.yuqing.connectors.http.Charsets;
import dev.yuqing.connectors.http.HttpFetcher;
import dev.yuqing.connectors.replay.FieldMapping;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every poll interval, walks the API's listing as the paging mode says (at most api.pages.max
 * requests) and returns the records of the items not sent before, in the order the API lists
 * them. As in the RSS task, every record but the last carries the state as it was before the
 * poll and the last one the new state, so a crash in the middle of a poll sends that poll again
 * (same post ids) and loses nothing. A failed request, an answer that is not JSON or has no items
 * array ends the walk: what was read before it is sent, the rest is asked again next poll.
 */
public final class HttpApiSourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApiSourceTask.class);
    private static final String ACCEPT = "application/json, */*;q=0.5";

    private final StopSignal stop = new StopSignal();
    private final Clock clock = Clock.systemUTC();
    private HttpApiConfig config;
    private Map<String, String> partition;
    private FieldMapping mapping;
    private JsonPointer items;
    private HttpFetcher fetcher;
    private PostRecords records;
    private SourceMetrics metrics;
    private ApiState state;
    private PollSchedule schedule;
    private SourceHealth health;

    /**
     * An answer of the API: its JSON with an items array, or why there is none to read.
     *
     * @param json    the answer, null when there is none to read
     * @param problem why not (failed request, not JSON, no items array), null when read or when a 304 said nothing is new
     */
    private record Answer(JsonNode json, String problem) {}

    /** An item of this poll that was not sent before: its native id (null if it has none), JSON and where it came from. */
    private record Fresh(String nativeId, ObjectNode fields, JsonNode item, String origin) {}

    @Override
    public String version() {
        return ConnectorVersion.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new HttpApiConfig(props);
        WrittenTopics.require(config);
        partition = Map.of("api", config.urlTemplate(), "account", config.account());
        mapping = config.mapping();
        items = config.itemsPointer();
        schedule = new PollSchedule(config.http().pollInterval(), stop, clock);
        fetcher = config.http().fetcher(ACCEPT, config.headers(), stop, clock);
        metrics = new SourceMetrics(context.pluginMetrics());
        records = new PostRecords(config.topic(), config.dlqTopic(), metrics, clock);
        Map<String, Object> offset = context.offsetStorageReader().offset(partition);
        state = ApiState.of(offset);
        health = new SourceHealth(SourceHealth.topic(config), config.account(),
                SourceHealth.connectorName(props, "api:" + config.account()), offset, clock);
        LOG.info("Reading API {} for {} every {} ms, paging {} ({} items seen before{}{})", config.urlTemplate(), config.account(),
                config.http().pollInterval().toMillis(), config.paging(), state.seen().size(),
                state.since() == null ? "" : ", since " + state.since(), state.cursor() == null ? "" : ", cursor " + state.cursor());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (!schedule.due()) {
            return null;
        }
        try {
            return walk();
        } finally {
            schedule.asked();
        }
    }

    private List<SourceRecord> walk() throws InterruptedException {
        HttpApiConfig.Paging paging = config.paging();
        int page = config.firstPage();
        String cursor = state.cursor() != null ? state.cursor() : config.initialCursor();
        String since = state.since() != null ? state.since() : config.initialSince();
        Set<String> keys = new LinkedHashSet<>();
        List<Fresh> fresh = new ArrayList<>();
        Instant fetchedAt = clock.instant();
        // The source counts as read when its first request answered: later pages only reach further back.
        String firstProblem = null;
        for (int request = 0; request < config.maxPages() && !stop.isStopped(); request++) {
            URI uri = expand(paging == HttpApiConfig.Paging.PAGE ? Integer.toString(page)
                    : paging == HttpApiConfig.Paging.CURSOR ? cursor : since);
            Answer fetched = fetch(uri);
            if (request == 0) {
                firstProblem = fetched.problem();
            }
            JsonNode answer = fetched.json();
            if (answer == null) {
                break;
            }
            JsonNode list = answer.at(items);
            int before = fresh.size();
            for (int i = 0; i < list.size(); i++) {
                metrics.item();
                JsonNode item = list.get(i);
                ObjectNode fields = item.isObject() ? mapping.apply(item) : null;
                JsonNode id = fields == null ? null : fields.get("id");
                String nativeId = id != null && id.isValueNode() && !id.asText().isBlank() ? id.asText().strip() : null;
                boolean old = paging == HttpApiConfig.Paging.SINCE_ID && nativeId != null && !since.isEmpty()
                        && ApiState.compareIds(nativeId, since) <= 0;
                String key = ApiState.key(nativeId, item);
                // Seen in an earlier poll, twice in this one (a listing that shifted between pages), or below since-id.
                if (!keys.add(key) || old || state.seen().contains(key)) {
                    metrics.duplicate();
                } else {
                    fresh.add(new Fresh(nativeId, fields, item, uri + "#item-" + (i + 1)));
                }
            }
            boolean anyNew = fresh.size() > before;
            if (list.isEmpty()) {
                break;
            }
            if (paging == HttpApiConfig.Paging.PAGE) {
                if (!anyNew) {
                    break; // a page of items all sent before: what follows is older still
                }
                page++;
            } else if (paging == HttpApiConfig.Paging.SINCE_ID) {
                String highest = since;
                for (Fresh f : fresh.subList(before, fresh.size())) {
                    if (f.nativeId() != null && (highest.isEmpty() || ApiState.compareIds(f.nativeId(), highest) > 0)) {
                        highest = f.nativeId();
                    }
                }
                if (highest.equals(since)) {
                    break; // nothing above since: asking again would return the same
                }
                since = highest;
            } else {
                JsonNode next = answer.at(config.cursorPointer());
                if (!next.isValueNode() || next.asText().isBlank()) {
                    break; // the end of the listing: the next poll asks this cursor again for what came since
                }
                cursor = next.asText();
            }
        }
        ApiState after = state.remember(keys, config.seenMax(), paging == HttpApiConfig.Paging.SINCE_ID && !since.isEmpty() ? since : null,
                paging == HttpApiConfig.Paging.CURSOR && !cursor.isEmpty() ? cursor : null);
        Map<String, Object> beforeOffset = state.toOffset();
        List<SourceRecord> out = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            var position = new PostRecords.Position(partition, i == fresh.size() - 1 ? after.toOffset() : beforeOffset);
            out.add(record(fresh.get(i), fetchedAt, position));
        }
        // Without a record to carry it (no item, heartbeats off), a changed state stays in memory: after a restart the items are found seen.
        state = after;
        LOG.info("API {}: {} new items; {}", config.urlTemplate(), fresh.size(), metrics);
        if (stop.isStopped() && out.isEmpty()) {
            return null; // a walk cut short says nothing of the source
        }
        return health.after(out, firstProblem, partition, after.toOffset());
    }

    /** The answer as JSON with an items array, or why there is none to read (counted and logged). */
    private Answer fetch(URI uri) throws InterruptedException {
        HttpFetcher.Result result = fetcher.get(uri, null, null);
        metrics.fetched(result);
        if (result instanceof HttpFetcher.Refused refused) {
            LOG.warn("API {} not fetched: {}; next try at {}; {}", uri, refused.reason(), schedule.next(), metrics);
            return new Answer(null, refused.reason());
        }
        if (result instanceof HttpFetcher.Failed failed) {
            metrics.failure();
            schedule.notBefore(failed.notBefore());
            LOG.warn("API {} not fetched: {}; next try at {}; {}", uri, failed.reason(), schedule.next(), metrics);
            return new Answer(null, failed.reason());
        }
        if (!(result instanceof HttpFetcher.Fetched fetched)) {
            return new Answer(null, null); // 304: the fetcher sends no validators, so a server that answers it has nothing new
        }
        JsonNode answer;
        try {
            Charset charset = config.charset() != null ? config.charset()
                    : Charsets.ofContentType(fetched.contentType()).flatMap(Charsets::forLabel).orElse(null);
            // Without a charset, Jackson detects UTF-8, -16 or -32 from the bytes, as JSON allows.
            answer = charset == null ? Json.MAPPER.readTree(fetched.body()) : Json.MAPPER.readTree(new String(fetched.body(), charset));
        } catch (IOException e) {
            metrics.failure();
            LOG.warn("API {} answered {} bytes of {} that are not JSON ({}); trying again at the next poll; {}", uri, fetched.body().length,
                    fetched.contentType(), e.getMessage(), metrics);
            return new Answer(null, uri + " answered " + fetched.body().length + " bytes that are not JSON: " + e.getMessage());
        }
        if (answer == null || !answer.at(items).isArray()) {
            metrics.failure();
            LOG.warn("API {} answered JSON without an items array at '{}' (check {}); trying again at the next poll; {}", uri, items,
                    HttpApiConfig.API_ITEMS_POINTER, metrics);
            return new Answer(null, uri + " answered JSON without an items array at '" + items + "'");
        }
        return new Answer(answer, null);
    }

    private URI expand(String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(config.urlTemplate().replace(config.paging().placeholder(), encoded));
    }

    private SourceRecord record(Fresh f, Instant fetchedAt, PostRecords.Position position) {
        byte[] raw = f.item().toString().getBytes(StandardCharsets.UTF_8);
        if (f.fields() == null) {
            return records.deadLetter("record", "not a JSON object: " + f.item().getNodeType().name().toLowerCase(), f.origin(), null, raw, position);
        }
        if (f.nativeId() == null) {
            return records.deadLetter("id", "no native id where " + HttpApiConfig.API_MAPPING + " maps id (missing, empty or not a value)",
                    f.origin(), null, raw, position);
        }
        ObjectNode fields = f.fields();
        String account = config.account();
        fields.put("id", PostIds.of(account, f.nativeId()));
        fields.put("source", config.source().code());
        fields.put("account", account);
        // Replies name the message they answer by its native id; as post ids they find it in the same account.
        for (String ref : List.of("replyTo", "threadId")) {
            JsonNode v = fields.get(ref);
            if (v != null && v.isValueNode() && !v.asText().isBlank()) {
                fields.put(ref, PostIds.of(account, v.asText()));
            }
        }
        if (!config.region().isEmpty() && !fields.has("region")) {
            fields.put("region", config.region());
        }
        if (!fields.has("fetchedAt")) {
            fields.put("fetchedAt", fetchedAt.toString());
        }
        return records.post(fields, f.origin(), raw, position);
    }

    @Override
    public void stop() {
        stop.stop();
    }
}
