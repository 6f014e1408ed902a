package dev.yuqing.core.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SentimentTest {
    @Test
    void scoresInsideTheNeutralBandAreNeutral() {
        assertThat(Sentiment.ofScore(0).label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(Sentiment.ofScore(0.19).label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(Sentiment.ofScore(-0.19).label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void theBandEdgeAndBeyondArePolar() {
        assertThat(Sentiment.ofScore(Sentiment.NEUTRAL_BAND).label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(Sentiment.ofScore(-Sentiment.NEUTRAL_BAND).label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(Sentiment.ofScore(1).label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(Sentiment.ofScore(-1).label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void probabilityMapsToTwicePMinusOne() {
        assertThat(Sentiment.ofProbability(0.9).score()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Sentiment.ofProbability(0.9).label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(Sentiment.ofProbability(0.55).label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(Sentiment.ofProbability(0.35).label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(Sentiment.ofProbability(0).score()).isEqualTo(-1);
    }

    @Test
    void rejectsOutOfRangeValues() {
        assertThatThrownBy(() -> Sentiment.ofScore(1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sentiment.ofScore(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sentiment.ofProbability(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sentiment(0.5, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
