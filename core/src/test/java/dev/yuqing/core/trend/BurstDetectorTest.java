package dev.yuqing.core.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BurstDetectorTest {
    private final BurstDetector detector = new BurstDetector(BurstSettings.DEFAULTS);

    private TermBaseline steady(long count, int windows) {
        TermBaseline b = TermBaseline.EMPTY;
        for (int i = 0; i < windows; i++) {
            b = detector.score(b, count + (i % 2)).next();
        }
        return b;
    }

    @Test
    void aJumpOverASteadyBaselineIsABurst() {
        TermBaseline b = steady(20, 40);
        assertThat(b.mean()).isBetween(19.5, 21.5);
        BurstDetector.Result r = detector.score(b, 60);
        assertThat(r.burst()).isTrue();
        assertThat(r.rise()).isGreaterThan(3);
        assertThat(r.acceleration()).isGreaterThan(0);
    }

    @Test
    void aSteadyTermIsNot() {
        TermBaseline b = steady(20, 40);
        assertThat(detector.score(b, 22).burst()).isFalse();
    }

    @Test
    void fewPostsAreNeverABurst() {
        BurstDetector.Result r = detector.score(TermBaseline.EMPTY, 9);
        assertThat(r.score()).isGreaterThan(BurstSettings.DEFAULTS.threshold());
        assertThat(r.burst()).isFalse();
    }

    @Test
    void aNewTermReachingTheMinimumCountIsAnEmergingBurst() {
        assertThat(detector.score(TermBaseline.EMPTY, 10).burst()).isTrue();
    }

    @Test
    void accelerationRaisesTheScoreOfAClimbOverAPlateau() {
        TermBaseline b = steady(20, 40);
        BurstDetector.Result first = detector.score(b, 50);
        BurstDetector.Result plateau = detector.score(first.next(), 50);
        assertThat(first.score()).isGreaterThan(plateau.score());
        assertThat(plateau.acceleration()).isLessThan(0);
    }

    @Test
    void quietWindowsDecayTheBaseline() {
        TermBaseline b = steady(20, 40);
        assertThat(detector.quiet(b, 10).mean()).isLessThan(b.mean() / 5);
        assertThat(detector.quiet(b, 10).windows()).isEqualTo(50);
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new BurstSettings(0, 5, 3, 0.5, 1)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new BurstSettings(0.2, 0, 3, 0.5, 1)).hasMessageContaining("minCount");
        assertThatThrownBy(() -> new BurstSettings(0.2, 5, -1, 0.5, 1)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new BurstSettings(0.2, 5, 3, 0.5, 0)).hasMessageContaining("minStdDev");
    }
}
