package dev.yuqing.core.trend;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Space-Saving heavy-hitters sketch (Metwally, Agrawal, El Abbadi 2005): at most
 * {@code capacity} counters whatever the number of distinct keys. A key not counted takes over
 * the smallest counter and inherits its count as its error, so a reported count never
 * underestimates and overestimates by at most {@link HeavyHitter#error()}; every key whose true
 * count exceeds total/capacity is among the counters.
 */
public final class SpaceSaving<K> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A key with its estimated count; the true count lies in [count - error, count]. */
    public record HeavyHitter<K>(K key, long count, long error) {
        public long guaranteed() {
            return count - error;
        }
    }

    private static final class Counter<K> implements Serializable {
        private static final long serialVersionUID = 1L;
        final K key;
        long count;
        long error;
        // Breaks ties between equal counts so the ordered set can hold them all.
        final long seq;

        Counter(K key, long count, long error, long seq) {
            this.key = key;
            this.count = count;
            this.error = error;
            this.seq = seq;
        }
    }

    /**
     * Ascending count, and among equal counts the older key last, so that {@link #top} lists it
     * first. Named and serializable: a lambda's would not survive Flink's state serializers.
     */
    private static final class ByCount<K> implements Comparator<Counter<K>>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Counter<K> a, Counter<K> b) {
            int c = Long.compare(a.count, b.count);
            return c != 0 ? c : Long.compare(b.seq, a.seq);
        }
    }

    private final int capacity;
    private final Map<K, Counter<K>> counters;
    private final TreeSet<Counter<K>> byCount = new TreeSet<>(new ByCount<K>());
    private long total;
    private long nextSeq;

    public SpaceSaving(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.counters = new HashMap<>(Math.min(capacity, 1 << 16) * 2);
    }

    public void offer(K key) {
        offer(key, 1);
    }

    public void offer(K key, long count) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive, was " + count);
        }
        total += count;
        Counter<K> c = counters.get(key);
        if (c != null) {
            byCount.remove(c);
            c.count += count;
            byCount.add(c);
            return;
        }
        if (counters.size() < capacity) {
            c = new Counter<>(key, count, 0, nextSeq++);
        } else {
            Counter<K> min = byCount.pollFirst();
            counters.remove(min.key);
            c = new Counter<>(key, min.count + count, min.count, nextSeq++);
        }
        counters.put(key, c);
        byCount.add(c);
    }

    /** The {@code n} largest counters, largest first; among equal counts, the key counted first. */
    public List<HeavyHitter<K>> top(int n) {
        List<HeavyHitter<K>> out = new ArrayList<>(Math.min(n, counters.size()));
        for (Counter<K> c : byCount.descendingSet()) {
            if (out.size() >= n) {
                break;
            }
            out.add(new HeavyHitter<>(c.key, c.count, c.error));
        }
        return out;
    }

    /** Estimated count of a key (an upper bound), 0 when it holds no counter. */
    public long estimate(K key) {
        Counter<K> c = counters.get(key);
        return c == null ? 0 : c.count;
    }

    public int size() {
        return counters.size();
    }

    public int capacity() {
        return capacity;
    }

    /** Sum of all counts offered. */
    public long total() {
        return total;
    }
}
