package dev.yuqing.core.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Batch analysis for analysts: reads posts as JSON lines (a file, or standard input when none or
 * "-" is given; each needs at least {@code id} and {@code text}, {@code title} is used when
 * present) and writes one JSON line per post, in input order, with the same analysers the job
 * uses. A malformed line is reported on standard error with its line number and skipped; the exit
 * status is 0 when every line was analysed, 1 when some were skipped, 2 on a usage error.
 */
public final class AnalyzeCommand {
    private final PostAnalyzer analyzer;

    public AnalyzeCommand(PostAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Returns the number of lines skipped. */
    public long run(InputStream in, OutputStream out, PrintStream err) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        long lineNumber = 0;
        long skipped = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String problem = null;
            JsonNode node = null;
            try {
                node = Json.MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                problem = "not JSON: " + e.getOriginalMessage();
            }
            if (problem == null) {
                problem = check(node);
            }
            if (problem != null) {
                err.println("line " + lineNumber + ": " + problem + "; skipped");
                skipped++;
                continue;
            }
            String title = node.hasNonNull("title") ? node.get("title").asText() : null;
            ObjectNode result = Json.MAPPER.createObjectNode();
            result.set("id", node.get("id"));
            result.set("analysis", Json.MAPPER.valueToTree(analyzer.analyze(title, node.get("text").asText())));
            writer.println(Json.MAPPER.writeValueAsString(result));
        }
        writer.flush();
        return skipped;
    }

    private static String check(JsonNode node) {
        if (node == null || !node.isObject()) {
            return "not a JSON object";
        }
        if (!node.hasNonNull("id") || node.get("id").asText().isBlank()) {
            return "id: required";
        }
        if (!node.hasNonNull("text") || !node.get("text").isTextual() || node.get("text").asText().isBlank()) {
            return "text: required (a string)";
        }
        return null;
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            System.err.println("usage: AnalyzeCommand [posts.jsonl | -]   (reads standard input without a file)");
            System.exit(2);
        }
        AnalyzeCommand command = new AnalyzeCommand(PostAnalyzer.standard());
        long skipped;
        if (args.length == 0 || args[0].equals("-")) {
            skipped = command.run(System.in, System.out, System.err);
        } else {
            Path file = Path.of(args[0]);
            if (!Files.isReadable(file)) {
                System.err.println("cannot read " + file);
                System.exit(2);
            }
            try (InputStream in = Files.newInputStream(file)) {
                skipped = command.run(in, System.out, System.err);
            }
        }
        System.exit(skipped == 0 ? 0 : 1);
    }
}
