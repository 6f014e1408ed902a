package dev.yuqing.core.classify;

import java.util.List;
import java.util.Random;

/**
 * Trains binary logistic regression with AdaGrad and L2 regularisation. L2 is applied only to the
 * weights a document touches (the usual sparse approximation), which keeps an epoch proportional to
 * the number of non-zero features rather than to the number of buckets.
 *
 * @param epochs       passes over the data
 * @param learningRate AdaGrad base step
 * @param l2           L2 penalty per update
 * @param seed         shuffling seed; the same seed and data give the same model
 */
public record LogisticRegressionTrainer(int epochs, double learningRate, double l2, long seed) {
    public LogisticRegressionTrainer {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, was " + epochs);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be positive, was " + learningRate);
        }
        if (l2 < 0) {
            throw new IllegalArgumentException("l2 must not be negative, was " + l2);
        }
    }

    /**
     * @param vectors features, from {@code new FeatureExtractor(config).vectorize}
     * @param labels  true for the positive class, same order as vectors
     */
    public LinearTextClassifier train(String name, FeatureConfig config, List<SparseVector> vectors, boolean[] labels) {
        if (vectors.size() != labels.length) {
            throw new IllegalArgumentException(vectors.size() + " vectors but " + labels.length + " labels");
        }
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no training data");
        }
        float[] w = new float[config.buckets()];
        float[] g2 = new float[config.buckets()];
        double bias = 0;
        double biasG2 = 0;
        int[] order = new int[vectors.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int k : order) {
                SparseVector x = vectors.get(k);
                double p = LinearTextClassifier.sigmoid(LinearTextClassifier.margin(w, bias, x));
                double error = p - (labels[k] ? 1 : 0);
                int[] idx = x.indices();
                float[] val = x.values();
                for (int i = 0; i < idx.length; i++) {
                    int j = idx[i];
                    double grad = error * val[i] + l2 * w[j];
                    g2[j] += (float) (grad * grad);
                    w[j] -= (float) (learningRate * grad / Math.sqrt(g2[j] + 1e-8));
                }
                biasG2 += error * error;
                bias -= learningRate * error / Math.sqrt(biasG2 + 1e-8);
            }
        }
        return new LinearTextClassifier(name, config, w, (float) bias);
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
