package dev.yuqing.core.offensive;

import dev.yuqing.core.classify.LinearTextClassifier;
import dev.yuqing.core.classify.ModelLoadException;

/**
 * Probability that a Chinese text is offensive (insults, or hostility towards a race, region or
 * gender), from the logistic-regression model shipped in {@value #RESOURCE}, trained on COLD
 * (see docs/quality.md). Safe to share between threads. Load once and reuse.
 */
public final class OffensiveClassifier {
    public static final String RESOURCE = "models/offensive.bin";

    private final LinearTextClassifier model;

    public OffensiveClassifier(LinearTextClassifier model) {
        this.model = model;
    }

    /**
     * Loads the shipped model.
     *
     * @throws ModelLoadException when the resource is missing or corrupt
     */
    public static OffensiveClassifier load() {
        return new OffensiveClassifier(LinearTextClassifier.loadResource(RESOURCE));
    }

    /** Probability in [0, 1] that the text is offensive. */
    public double probability(String text) {
        return model.probability(text);
    }
}
