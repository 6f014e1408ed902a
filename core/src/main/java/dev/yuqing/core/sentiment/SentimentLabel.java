package dev.yuqing.core.sentiment;

/** Polarity of a text. */
public enum SentimentLabel {
    NEGATIVE,
    NEUTRAL,
    POSITIVE
}
