package dev.yuqing.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void countsTheConfusionMatrixAndDerivesTheRates() {
        boolean[] actual = {true, true, true, false, false, false, false, true};
        boolean[] predicted = {true, true, false, true, false, false, false, true};
        Metrics m = Metrics.of(actual, predicted);
        assertThat(m).isEqualTo(new Metrics(3, 1, 3, 1));
        assertThat(m.accuracy()).isCloseTo(6 / 8.0, offset(1e-12));
        assertThat(m.precision()).isCloseTo(3 / 4.0, offset(1e-12));
        assertThat(m.recall()).isCloseTo(3 / 4.0, offset(1e-12));
        assertThat(m.f1()).isCloseTo(0.75, offset(1e-12));
    }

    @Test
    void f1IsTheHarmonicMean() {
        Metrics m = new Metrics(1, 0, 0, 3); // precision 1, recall 0.25
        assertThat(m.f1()).isCloseTo(2 * 1 * 0.25 / 1.25, offset(1e-12));
    }

    @Test
    void noPositivePredictionsGiveZeroNotNaN() {
        Metrics m = new Metrics(0, 0, 5, 2);
        assertThat(m.precision()).isZero();
        assertThat(m.f1()).isZero();
    }
}
