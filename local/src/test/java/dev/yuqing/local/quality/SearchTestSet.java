package dev.yuqing.local.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.InvalidPostException;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.PostJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Chinese search test set ({@code src/test/resources/search}: posts written for it and queries
 * with the posts a person expects each to find) and the precision and recall of a search over it.
 */
public final class SearchTestSet {
    public static final String POSTS = "/search/posts.jsonl";
    public static final String QUERIES = "/search/queries.jsonl";

    private SearchTestSet() {}

    /** The ways an expected post may write the query differently, which no analyser here folds. */
    public static final List<String> FORMS = List.of("traditional", "typo", "other form");

    /**
     * One query. {@code kind} is {@code phrase} (one word, name or phrase, typed as it should
     * appear) or {@code words} (several, separated by spaces, all of which a post must contain).
     * {@code forms} names the expected posts that write the query another way ({@link #FORMS}).
     */
    public record Query(String id, String kind, String query, List<String> expected, Map<String, String> forms, String note) {
        public Query {
            expected = List.copyOf(expected);
            forms = Map.copyOf(forms);
        }

        /** The words an analyst types, each searched as a phrase. */
        public List<String> words() {
            return List.of(query.trim().split("\\s+"));
        }
    }

    /** What one search found for one query, judged against the query's expected posts. */
    public record Outcome(Query query, Set<String> found) {
        public Outcome {
            found = Set.copyOf(found);
        }

        public Set<String> correct() {
            Set<String> s = new TreeSet<>(found);
            s.retainAll(query.expected());
            return s;
        }

        public Set<String> wrong() {
            Set<String> s = new TreeSet<>(found);
            s.removeAll(query.expected());
            return s;
        }

        /** The expected posts not found, in the order the test set lists them. */
        public List<String> missed() {
            return query.expected().stream().filter(id -> !found.contains(id)).toList();
        }

        /** 1 when nothing was found: a search that returns nothing has returned nothing wrong (its recall says the rest). */
        public double precision() {
            return found.isEmpty() ? 1.0 : (double) correct().size() / found.size();
        }

        public double recall() {
            return (double) correct().size() / query.expected().size();
        }
    }

    /**
     * Totals over all queries. Micro: pooled over every (query, post) pair, so a query with many
     * relevant posts weighs more. Macro: the mean of the per-query values, each query weighing the same.
     */
    public record Summary(int queries, int retrieved, int correct, int relevant, double microPrecision, double microRecall,
                          double macroPrecision, double macroRecall, int allFound, int noneWrong) {
        public double microF1() {
            return microPrecision + microRecall == 0 ? 0 : 2 * microPrecision * microRecall / (microPrecision + microRecall);
        }

        public static Summary of(Collection<Outcome> outcomes) {
            int retrieved = 0;
            int correct = 0;
            int relevant = 0;
            double p = 0;
            double r = 0;
            int allFound = 0;
            int noneWrong = 0;
            for (Outcome o : outcomes) {
                retrieved += o.found().size();
                correct += o.correct().size();
                relevant += o.query().expected().size();
                p += o.precision();
                r += o.recall();
                allFound += o.missed().isEmpty() ? 1 : 0;
                noneWrong += o.wrong().isEmpty() ? 1 : 0;
            }
            int n = outcomes.size();
            return new Summary(n, retrieved, correct, relevant, retrieved == 0 ? 1.0 : (double) correct / retrieved,
                    relevant == 0 ? 0 : (double) correct / relevant, n == 0 ? 0 : p / n, n == 0 ? 0 : r / n, allFound, noneWrong);
        }
    }

    /** The posts, read and validated as the pipeline reads them. */
    public static List<Post> posts() {
        List<Post> posts = new ArrayList<>();
        PostJson json = new PostJson();
        int line = 0;
        for (String l : lines(POSTS)) {
            line++;
            try {
                posts.add(json.read(l.getBytes(StandardCharsets.UTF_8)));
            } catch (InvalidPostException e) {
                throw new IllegalStateException(POSTS + ":" + line + ": " + e.getMessage(), e);
            }
        }
        return posts;
    }

    public static List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (String l : lines(QUERIES)) {
            try {
                JsonNode n = Json.MAPPER.readTree(l);
                List<String> expected = new ArrayList<>();
                n.get("expected").forEach(e -> expected.add(e.asText()));
                Set<String> distinct = new LinkedHashSet<>(expected);
                if (distinct.size() != expected.size()) {
                    throw new IllegalStateException(QUERIES + ": " + n.get("id").asText() + " lists a post twice");
                }
                Map<String, String> forms = new LinkedHashMap<>();
                n.path("forms").fields().forEachRemaining(e -> forms.put(e.getKey(), e.getValue().asText()));
                queries.add(new Query(n.get("id").asText(), n.get("kind").asText(), n.get("query").asText(), expected, forms,
                        n.path("note").asText("")));
            } catch (IOException e) {
                throw new UncheckedIOException(QUERIES + ": not JSON: " + l, e);
            }
        }
        return queries;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = SearchTestSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
