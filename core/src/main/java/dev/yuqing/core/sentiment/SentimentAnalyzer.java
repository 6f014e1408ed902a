package dev.yuqing.core.sentiment;

import dev.yuqing.core.classify.LinearTextClassifier;
import dev.yuqing.core.classify.ModelLoadException;

/**
 * Sentiment of Chinese social-media and review text, from the logistic-regression model shipped in
 * {@value #RESOURCE} (trained by {@code dev.yuqing.core.train.TrainModels}; see docs/quality.md).
 * Safe to share between threads. Loading takes a moment (HanLP dictionaries): load once and reuse.
 */
public final class SentimentAnalyzer {
    public static final String RESOURCE = "models/sentiment.bin";

    private final LinearTextClassifier model;

    public SentimentAnalyzer(LinearTextClassifier model) {
        this.model = model;
    }

    /**
     * Loads the shipped model.
     *
     * @throws ModelLoadException when the resource is missing or corrupt
     */
    public static SentimentAnalyzer load() {
        return new SentimentAnalyzer(LinearTextClassifier.loadResource(RESOURCE));
    }

    /** Sentiment of a text; null or empty text scores as the model's prior. */
    public Sentiment analyze(String text) {
        return Sentiment.ofProbability(model.probability(text));
    }
}
