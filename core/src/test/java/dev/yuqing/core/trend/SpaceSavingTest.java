package dev.yuqing.core.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpaceSavingTest {
    @Test
    void countsExactlyWhileKeysFit() {
        SpaceSaving<String> s = new SpaceSaving<>(10);
        s.offer("供水", 3);
        s.offer("停电");
        s.offer("供水");
        assertThat(s.top(5)).containsExactly(new SpaceSaving.HeavyHitter<>("供水", 4, 0), new SpaceSaving.HeavyHitter<>("停电", 1, 0));
        assertThat(s.total()).isEqualTo(5);
    }

    @Test
    void aNewKeyTakesOverTheSmallestCounterAndInheritsItAsError() {
        SpaceSaving<String> s = new SpaceSaving<>(2);
        s.offer("a", 5);
        s.offer("b", 2);
        s.offer("c");
        assertThat(s.top(2)).containsExactly(new SpaceSaving.HeavyHitter<>("a", 5, 0), new SpaceSaving.HeavyHitter<>("c", 3, 2));
        assertThat(s.estimate("b")).isZero();
    }

    @Test
    void findsTheHeavyHittersOfMillionsOfDistinctKeysInBoundedMemory() {
        int capacity = 500; // guarantees keys above total/500 = 0.2% of the stream; each heavy key has 0.4%
        SpaceSaving<Long> s = new SpaceSaving<>(capacity);
        SplittableRandom random = new SplittableRandom(42);
        long heavyTrue = 0;
        int n = 3_000_000;
        for (int i = 0; i < n; i++) {
            if (i % 50 == 0) {
                s.offer(-1L - (i / 50) % 5); // five heavy keys, 2% of the stream between them
                heavyTrue++;
            } else {
                s.offer(random.nextLong()); // almost all distinct
            }
            if (i % 500_000 == 0) {
                assertThat(s.size()).isLessThanOrEqualTo(capacity);
            }
        }
        assertThat(s.size()).isEqualTo(capacity);
        List<SpaceSaving.HeavyHitter<Long>> top = s.top(5);
        assertThat(top).extracting(SpaceSaving.HeavyHitter::key).containsExactlyInAnyOrder(-1L, -2L, -3L, -4L, -5L);
        long each = heavyTrue / 5;
        for (SpaceSaving.HeavyHitter<Long> h : top) {
            // The true count lies within the reported bounds, and the error is at most total/capacity.
            assertThat(h.count()).isGreaterThanOrEqualTo(each);
            assertThat(h.guaranteed()).isLessThanOrEqualTo(each);
            assertThat(h.error()).isLessThanOrEqualTo(s.total() / capacity);
        }
    }

    @Test
    void equalCountsAreListedInTheOrderTheKeysCame() {
        SpaceSaving<String> s = new SpaceSaving<>(10);
        s.offer("停水");
        s.offer("管道");
        s.offer("物业");
        s.offer("管道");
        assertThat(s.top(3)).extracting(SpaceSaving.HeavyHitter::key).containsExactly("管道", "停水", "物业");
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new SpaceSaving<String>(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpaceSaving<String>(3).offer("a", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
