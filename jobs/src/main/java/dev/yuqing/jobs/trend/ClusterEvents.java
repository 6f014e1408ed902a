package dev.yuqing.jobs.trend;

import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.sentiment.SentimentLabel;
import dev.yuqing.core.trend.Event;
import dev.yuqing.core.trend.SimHash;
import dev.yuqing.core.trend.Trend;
import dev.yuqing.core.trend.WarningLevels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Groups posts into events: a post joins the open event that holds most of one of its keywords
 * bursting at its time (from the trend stream) or, failing that, the open event holding a
 * near-duplicate of it (SimHash distance ≤ 3); otherwise it opens an event. Posts are placed in
 * batches (see below); after each batch every event it changed is emitted once, as it stands, with
 * its warning level: a wave of thousands of posts a minute gives one update a minute, not one per
 * post, downstream.
 *
 * <p>A post is held until the watermark passes its release: the end of the first window it falls
 * in plus the configured look-ahead, so that the bursts of its time are known when it is placed.
 * Otherwise a replay (or a backlog after a restart) would place a whole wave of posts before the
 * window that shows their burst closes, and the wave would scatter over small events. A keyword
 * counts as bursting for a post when it burst in a window that ended after the post's time minus
 * the window size and no later than the post's release. The bound matters: the trends input may
 * run ahead of the posts input by any amount (a matter of processing speed), and a burst of a
 * later window, already arrived in one run and not yet in another, would make the same data group
 * differently. Every burst of a window ending by the release has arrived when the watermark passes
 * it, so the placement depends on the data alone, for every post that comes within the
 * out-of-orderness. A post arriving after its batch was placed goes with the next batch, as if
 * published when it came; how late a post comes is a matter of timing, so where it goes is too. One
 * more than {@code lateLimit} behind the watermark stays out of events ({@code postsBeyondLateLimit}):
 * an import of old posts must not raise warnings now. (Such posts are still indexed and inspected.)
 *
 * <p>Every post must be compared with every open event, so the job keys this operator by one
 * constant: one city's posts (hundreds a minute) fit one subtask. Near-duplicates are looked up in
 * an index of the events' fingerprints by {@link SimHash#bandKeys band}, not by comparing with
 * every event. State is bounded: an event with no post for {@code idle} (event time) is dropped by
 * a timer, at most {@code maxOpen} events are open (when full, the twentieth idle longest is closed
 * in one pass, so the scan for them is not paid by every new event), each event's collections are
 * bounded ({@link EventState}), and a window's bursting terms are dropped once no post still to be
 * placed can use them.
 */
public final class ClusterEvents extends KeyedCoProcessFunction<String, EnrichedPost, Trend, Event> {
    private static final long serialVersionUID = 1L;
    /** Weight of each post in the EWMA of the share of negative posts: about the last 200 posts. */
    static final double NEGATIVE_BASELINE_ALPHA = 0.01;

    private final WarningLevels levels;
    private final TrendWindows windows;
    private final int keywordsPerPost;
    private final Duration idle;
    private final int maxOpen;
    private final long lookahead;
    private final LateLimit lateLimit;
    private transient MapState<String, EventState> events;
    /** Terms that burst, by the end of the window they burst in. */
    private transient MapState<Long, List<String>> bursts;
    private transient ValueState<Double> negativeBaseline;
    /** Posts waiting for their release (see above), by release time. */
    private transient MapState<Long, List<EnrichedPost>> pending;
    /** Ids of the events holding a fingerprint with this band key. */
    private transient MapState<Long, List<String>> bands;
    private transient ValueState<Integer> openCount;
    private transient Counter tooLate;

    public ClusterEvents(WarningLevels levels, TrendWindows windows, int keywordsPerPost, EventSettings settings, Duration lateLimit) {
        settings.checkAgainst(windows);
        this.lateLimit = LateLimit.of(lateLimit);
        this.levels = levels;
        this.windows = windows;
        this.keywordsPerPost = keywordsPerPost;
        this.idle = settings.idle();
        this.maxOpen = settings.maxOpen();
        this.lookahead = settings.lookahead().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        events = getRuntimeContext().getMapState(new MapStateDescriptor<>("events", Types.STRING, TypeInformation.of(EventState.class)));
        bursts = getRuntimeContext().getMapState(new MapStateDescriptor<>("burstsByWindowEnd", Types.LONG, Types.LIST(Types.STRING)));
        negativeBaseline = getRuntimeContext().getState(new ValueStateDescriptor<>("negativeBaseline", Types.DOUBLE));
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending", Types.LONG,
                Types.LIST(TypeInformation.of(EnrichedPost.class))));
        bands = getRuntimeContext().getMapState(new MapStateDescriptor<>("fingerprintBands", Types.LONG, Types.LIST(Types.STRING)));
        openCount = getRuntimeContext().getState(new ValueStateDescriptor<>("openEvents", Types.INT));
        tooLate = getRuntimeContext().getMetricGroup().counter("postsBeyondLateLimit");
    }

    @Override
    public void processElement1(EnrichedPost post, Context ctx, Collector<Event> out) throws Exception {
        long ts = post.post().publishedAt().toEpochMilli();
        long release = firstWindowEnd(ts) + lookahead;
        long watermark = ctx.timerService().currentWatermark();
        if (release <= watermark) {
            if (lateLimit.exceededBy(watermark, ts)) {
                tooLate.inc(); // an old post (an import, a re-sent backlog): warnings are about now
                return;
            }
            release = firstWindowEnd(watermark) + lookahead; // its batch is placed: it goes with the next
        }
        List<EnrichedPost> waiting = pending.get(release);
        List<EnrichedPost> list = waiting == null ? new ArrayList<>() : new ArrayList<>(waiting);
        list.add(post);
        pending.put(release, list);
        ctx.timerService().registerEventTimeTimer(release);
    }

    /** End of the first sliding window that holds {@code ts}: the next multiple of the slide. */
    long firstWindowEnd(long ts) {
        return TrendWindows.endAfter(ts, windows.slide().toMillis());
    }

    /**
     * The terms bursting for the posts released at {@code release}: those of windows ending from
     * the earliest such post's time minus the window size (exclusive) up to the release. The posts
     * were published in [release - lookahead - slide, release - lookahead), so windows ending at
     * release - lookahead - size or later qualify for every one of them.
     */
    private Set<String> burstingAt(long release) throws Exception {
        Set<String> terms = new HashSet<>();
        long slide = windows.slide().toMillis();
        for (long end = release - lookahead - windows.size().toMillis(); end <= release; end += slide) {
            List<String> burst = bursts.get(end);
            if (burst != null) {
                terms.addAll(burst);
            }
        }
        return terms;
    }

    /** Places the post and returns the event it joined or opened. */
    private EventState place(EnrichedPost post, Set<String> bursting, TimerService timers) throws Exception {
        long ts = post.post().publishedAt().toEpochMilli();
        List<String> keywords = keywords(post);
        long fingerprint = SimHash.of(post.analysis().features().terms(), post.post().text());
        EventState event = find(fingerprint, keywords, bursting);
        if (event == null) {
            closeOldestWhileFull();
            event = new EventState(post, ts);
            openCount.update(open() + 1);
        }
        if (event.add(post, fingerprint, keywords, ts, windows.size().toMillis())) {
            index(event.id, fingerprint);
        }
        events.put(event.id, event);
        timers.registerEventTimeTimer(toMinute(event.lastSeen + idle.toMillis()));

        boolean negative = post.analysis().sentiment() != null
                && post.analysis().sentiment().label() == SentimentLabel.NEGATIVE;
        Double baseline = negativeBaseline.value();
        negativeBaseline.update(baseline == null ? (negative ? 1.0 : 0.0)
                : baseline + NEGATIVE_BASELINE_ALPHA * ((negative ? 1.0 : 0.0) - baseline));
        return event;
    }

    private void emit(EventState event, Collector<Event> out) throws Exception {
        double baseline = negativeBaseline.value() == null ? 0 : negativeBaseline.value();
        Event snapshot = event.toEvent(baseline, null);
        AlertLevel level = levels.levelOf(snapshot.metrics()).orElse(null);
        if (event.raisePeak(level)) {
            events.put(event.id, event); // the peak outlives the wave's growth
        }
        out.collect(event.toEvent(baseline, level));
    }

    @Override
    public void processElement2(Trend trend, Context ctx, Collector<Event> out) throws Exception {
        if (!trend.burst()) {
            return;
        }
        long end = trend.windowEnd().toEpochMilli();
        List<String> known = bursts.get(end);
        if (known == null || !known.contains(trend.term())) {
            List<String> terms = known == null ? new ArrayList<>() : new ArrayList<>(known);
            terms.add(trend.term());
            bursts.put(end, terms);
            ctx.timerService().registerEventTimeTimer(toMinute(forgottenAt(end)));
        }
    }

    /** When the bursts of the window ending at {@code end} can serve no post still to be placed. */
    private long forgottenAt(long end) {
        return end + lookahead + windows.size().toMillis();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Event> out) throws Exception {
        List<Long> due = new ArrayList<>();
        for (Long release : pending.keys()) {
            if (release <= timestamp) {
                due.add(release);
            }
        }
        due.sort(Long::compare);
        // Latest state of each event the batch changed, in the order first changed.
        Map<String, EventState> changed = new LinkedHashMap<>();
        for (Long release : due) {
            List<EnrichedPost> posts = new ArrayList<>(pending.get(release));
            // By time, then id: posts of the same second come from several subtasks in any order, and the
            // first one placed opens the event (its id and title); a replay must place them alike.
            posts.sort(java.util.Comparator.comparing((EnrichedPost p) -> p.post().publishedAt()).thenComparing(p -> p.post().id()));
            pending.remove(release);
            Set<String> bursting = burstingAt(release);
            for (EnrichedPost p : posts) {
                EventState e = place(p, bursting, ctx.timerService());
                changed.put(e.id, e);
            }
        }
        for (EventState e : changed.values()) {
            emit(e, out);
        }
        List<String> closed = new ArrayList<>();
        for (Map.Entry<String, EventState> e : events.entries()) {
            if (e.getValue().lastSeen + idle.toMillis() <= timestamp) {
                closed.add(e.getKey());
            }
        }
        for (String id : closed) {
            close(id);
        }
        List<Long> cooled = new ArrayList<>();
        for (Long end : bursts.keys()) {
            if (forgottenAt(end) <= timestamp) {
                cooled.add(end);
            }
        }
        for (Long end : cooled) {
            bursts.remove(end);
        }
    }

    /**
     * Rounded up to the minute: all events share one key, so timers per post would pile up (one per
     * distinct millisecond for hours) and each firing scans every open event.
     */
    static long toMinute(long t) {
        return Math.floorDiv(t + 59_999, 60_000) * 60_000;
    }

    private List<String> keywords(EnrichedPost post) {
        Set<String> k = new LinkedHashSet<>();
        for (String s : post.analysis().features().keywords()) {
            if (k.size() >= keywordsPerPost) {
                break;
            }
            if (s != null && !s.isBlank()) {
                k.add(s.strip());
            }
        }
        return new ArrayList<>(k);
    }

    /**
     * The event holding most of one of the post's keywords that is bursting at its time (ties to
     * the one first seen, then by id, so that the choice does not depend on the state backend's
     * order); else a near-duplicate's event. Bursting keywords come first so that a wave gathers
     * in one event instead of one per wording (reposts of each complaint would otherwise grow
     * their own).
     */
    private EventState find(long fingerprint, List<String> keywords, Set<String> burstingNow) throws Exception {
        List<String> bursting = new ArrayList<>();
        for (String k : keywords) {
            if (burstingNow.contains(k)) {
                bursting.add(k);
            }
        }
        EventState best = null;
        long bestCount = 0;
        if (!bursting.isEmpty()) {
            for (EventState e : events.values()) {
                for (String k : bursting) {
                    long c = e.keywords.estimate(k);
                    if (c > bestCount || (c == bestCount && c > 0 && before(e, best))) {
                        best = e;
                        bestCount = c;
                    }
                }
            }
        }
        if (best != null) {
            return best;
        }
        for (long key : SimHash.bandKeys(fingerprint)) {
            List<String> ids = bands.get(key);
            if (ids == null) {
                continue;
            }
            for (String id : ids) {
                EventState e = events.get(id);
                if (e != null && e.nearDuplicateOf(fingerprint, SimHash.NEAR_DUPLICATE_DISTANCE)) {
                    return e;
                }
            }
        }
        return null;
    }

    private static boolean before(EventState a, EventState b) {
        return a.firstSeen < b.firstSeen || (a.firstSeen == b.firstSeen && a.id.compareTo(b.id) < 0);
    }

    private int open() throws Exception {
        Integer n = openCount.value();
        return n == null ? 0 : n;
    }

    private void index(String eventId, long fingerprint) throws Exception {
        for (long key : SimHash.bandKeys(fingerprint)) {
            List<String> ids = bands.get(key);
            List<String> updated = ids == null ? new ArrayList<>() : new ArrayList<>(ids);
            if (!updated.contains(eventId)) {
                updated.add(eventId);
                bands.put(key, updated);
            }
        }
    }

    /** Drops the event and its fingerprints from the index. */
    private void close(String eventId) throws Exception {
        EventState e = events.get(eventId);
        if (e == null) {
            return;
        }
        events.remove(eventId);
        for (long fingerprint : e.fingerprints) {
            for (long key : SimHash.bandKeys(fingerprint)) {
                List<String> ids = bands.get(key);
                if (ids != null) {
                    List<String> rest = new ArrayList<>(ids);
                    rest.remove(eventId);
                    if (rest.isEmpty()) {
                        bands.remove(key);
                    } else {
                        bands.put(key, rest);
                    }
                }
            }
        }
        int left = open() - 1;
        if (left > 0) {
            openCount.update(left);
        } else {
            openCount.clear();
        }
    }

    /** When {@code maxOpen} events are open, closes the twentieth (at least one) idle longest. */
    private void closeOldestWhileFull() throws Exception {
        if (open() < maxOpen) {
            return;
        }
        List<Map.Entry<String, Long>> byLastSeen = new ArrayList<>();
        for (Map.Entry<String, EventState> e : events.entries()) {
            byLastSeen.add(Map.entry(e.getKey(), e.getValue().lastSeen));
        }
        byLastSeen.sort(Map.Entry.comparingByValue());
        int n = Math.max(1, maxOpen / 20);
        for (int i = 0; i < n && i < byLastSeen.size(); i++) {
            close(byLastSeen.get(i).getKey());
        }
    }
}
