package dev.yuqing.core.classify;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Binary logistic regression over hashed text features. Immutable after construction, so safe to
 * share between threads.
 *
 * <p>File format (gzip): magic, version, name, feature config (hash bits, n-gram length, negation
 * window, negation, degree, positive and negative words), bias, then the non-zero weights as (varint index gap,
 * float weight) pairs. Zero weights are not stored: most of the 2^20 buckets are never touched.
 */
public final class LinearTextClassifier {
    private static final int MAGIC = 0x59514C4D; // "YQLM"
    private static final int VERSION = 1;

    private final String name;
    private final FeatureExtractor extractor;
    private final float[] weights;
    private final float bias;

    public LinearTextClassifier(String name, FeatureConfig config, float[] weights, float bias) {
        if (weights.length != config.buckets()) {
            throw new IllegalArgumentException("expected " + config.buckets() + " weights, got " + weights.length);
        }
        this.name = name;
        this.extractor = new FeatureExtractor(config);
        this.weights = weights.clone();
        this.bias = bias;
    }

    public String name() {
        return name;
    }

    public FeatureExtractor extractor() {
        return extractor;
    }

    /** Probability of the positive class (positive sentiment, offensive, ...). */
    public double probability(String text) {
        return probability(extractor.vectorize(text));
    }

    public double probability(SparseVector x) {
        return sigmoid(margin(weights, bias, x));
    }

    public int nonZeroWeights() {
        int n = 0;
        for (float w : weights) {
            if (w != 0f) {
                n++;
            }
        }
        return n;
    }

    static double margin(float[] weights, double bias, SparseVector x) {
        double z = bias;
        int[] idx = x.indices();
        float[] val = x.values();
        for (int i = 0; i < idx.length; i++) {
            z += weights[idx[i]] * val[i];
        }
        return z;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    public void write(OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(gzip);
        FeatureConfig c = extractor.config();
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeUTF(name);
        data.writeInt(c.hashBits());
        data.writeInt(c.maxCharNgram());
        data.writeInt(c.negationWindow());
        writeWords(data, c.negationWords());
        writeWords(data, c.degreeWords());
        writeWords(data, c.positiveWords());
        writeWords(data, c.negativeWords());
        data.writeFloat(bias);
        data.writeInt(nonZeroWeights());
        int previous = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != 0f) {
                writeVarInt(data, i - previous);
                data.writeFloat(weights[i]);
                previous = i;
            }
        }
        data.flush();
        gzip.finish();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a model written by {@link #write}. The whole gzip stream is consumed so its CRC is
     * checked: a corrupt file fails here rather than scoring silently wrong.
     */
    public static LinearTextClassifier read(InputStream in) throws IOException {
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16))) {
            if (data.readInt() != MAGIC) {
                throw new IOException("not a Yuqing linear model (bad magic number)");
            }
            int version = data.readInt();
            if (version != VERSION) {
                throw new IOException("unsupported model version " + version + ", expected " + VERSION);
            }
            String name = data.readUTF();
            int hashBits = data.readInt();
            int maxNgram = data.readInt();
            int window = data.readInt();
            Set<String> negation = readWords(data);
            Set<String> degree = readWords(data);
            Set<String> positive = readWords(data);
            Set<String> negative = readWords(data);
            FeatureConfig config;
            try {
                config = new FeatureConfig(hashBits, maxNgram, window, negation, degree, positive, negative);
            } catch (IllegalArgumentException e) {
                throw new IOException("invalid feature configuration in model: " + e.getMessage(), e);
            }
            float bias = data.readFloat();
            int count = data.readInt();
            if (count < 0 || count > config.buckets()) {
                throw new IOException("invalid weight count " + count);
            }
            float[] weights = new float[config.buckets()];
            int index = -1;
            for (int i = 0; i < count; i++) {
                index += readVarInt(data);
                if (index < 0 || index >= weights.length) {
                    throw new IOException("weight index out of range: " + index);
                }
                weights[index] = data.readFloat();
            }
            if (data.read() != -1) {
                throw new IOException("trailing data after the weights");
            }
            return new LinearTextClassifier(name, config, weights, bias);
        } catch (EOFException e) {
            throw new IOException("model data is truncated", e);
        }
    }

    /**
     * Loads a model from a classpath resource (for example {@code models/sentiment.bin}).
     *
     * @throws ModelLoadException when the resource is missing or cannot be read as a model
     */
    public static LinearTextClassifier loadResource(String resource) {
        ClassLoader loader = LinearTextClassifier.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelLoadException("model resource '" + resource + "' is not on the classpath;"
                        + " rebuild it with dev.yuqing.core.train.TrainModels (see docs/quality.md)");
            }
            return read(in);
        } catch (IOException e) {
            throw new ModelLoadException("model resource '" + resource + "' is corrupt or unreadable: " + e.getMessage(), e);
        }
    }

    private static void writeWords(DataOutputStream data, Set<String> words) throws IOException {
        data.writeInt(words.size());
        for (String w : new TreeSet<>(words)) {
            data.writeUTF(w);
        }
    }

    private static Set<String> readWords(DataInputStream data) throws IOException {
        int n = data.readInt();
        if (n < 0 || n > 100_000) {
            throw new IOException("invalid word count " + n);
        }
        Set<String> words = new HashSet<>();
        for (int i = 0; i < n; i++) {
            words.add(data.readUTF());
        }
        return words;
    }

    private static void writeVarInt(DataOutputStream data, int value) throws IOException {
        while ((value & ~0x7F) != 0) {
            data.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        data.writeByte(value);
    }

    private static int readVarInt(DataInputStream data) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = data.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed varint");
    }
}
