package dev.yuqing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a JMH JSON result ({@code -rf json -rff FILE}) into a Markdown table with characters per
 * second, from the mean length of the posts the benchmarks cycle through.
 * Run: {@code java -cp bench/target/yuqing-bench.jar dev.yuqing.bench.JmhSummary FILE}
 */
public final class JmhSummary {
    private JmhSummary() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JmhSummary jmh-result.json");
            System.exit(2);
        }
        List<BenchPost> corpus = PostCorpus.standard(HarmfulTerms.shipped());
        double meanChars = corpus.stream().mapToInt(p -> p.all().length()).average().orElseThrow();
        System.out.printf("Corpus: %d posts, %.1f chars a post (title + text)%n%n", corpus.size(), meanChars);
        System.out.println("| benchmark | posts/s (1 thread) | ± error (99.9%) | chars/s per core |");
        System.out.println("| --- | ---: | ---: | ---: |");
        for (JsonNode run : new ObjectMapper().readTree(Path.of(args[0]).toFile())) {
            String name = run.get("benchmark").asText();
            JsonNode metric = run.get("primaryMetric");
            double score = metric.get("score").asDouble();
            double error = metric.get("scoreError").asDouble();
            System.out.printf("| %s | %,.0f | %,.0f | %,.0f |%n", name.substring(name.lastIndexOf('.') + 1), score, error, score * meanChars);
        }
    }
}
