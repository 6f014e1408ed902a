package dev.yuqing.core.sentiment;

/**
 * Sentiment of a text.
 *
 * @param score from -1 (surely negative) to 1 (surely positive): 2p - 1 for the model's probability p
 *              of positive sentiment
 * @param label the score's polarity; {@link SentimentLabel#NEUTRAL} when
 *              |score| &lt; {@link #NEUTRAL_BAND}
 */
public record Sentiment(double score, SentimentLabel label) {
    /**
     * Scores closer to 0 than this are neutral: it covers p in (0.4, 0.6), where the model is no
     * better than a coin flip with a slight bias. Texts with nothing evaluative in them also land there.
     */
    public static final double NEUTRAL_BAND = 0.2;

    public Sentiment {
        if (!(score >= -1 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [-1, 1], was " + score);
        }
        if (label == null) {
            throw new IllegalArgumentException("label must not be null");
        }
    }

    /** The sentiment for a score, labelled by {@link #NEUTRAL_BAND}. */
    public static Sentiment ofScore(double score) {
        SentimentLabel label;
        if (Math.abs(score) < NEUTRAL_BAND) {
            label = SentimentLabel.NEUTRAL;
        } else {
            label = score > 0 ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE;
        }
        return new Sentiment(score, label);
    }

    /** The sentiment for a probability p of positive sentiment. */
    public static Sentiment ofProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
        }
        return ofScore(2 * p - 1);
    }
}
