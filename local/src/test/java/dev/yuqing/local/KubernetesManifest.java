package dev.yuqing.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** One document of a (multi-document) YAML manifest file, and plain navigation of its tree. */
record KubernetesManifest(Path file, int index, Map<String, Object> body) {

    /** Every non-empty document of a file, in order. */
    @SuppressWarnings("unchecked")
    static List<KubernetesManifest> read(Path file) throws IOException {
        List<KubernetesManifest> out = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        // The ECK CRDs are 1.5 MB; SnakeYAML's default limit is 3 MB, so leave room.
        options.setCodePointLimit(16 * 1024 * 1024);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int i = 0;
            for (Object doc : new Yaml(options).loadAll(in)) {
                if (doc != null) {
                    if (!(doc instanceof Map<?, ?>)) {
                        throw new IllegalArgumentException(file.getFileName() + " document " + i + " is not a mapping");
                    }
                    out.add(new KubernetesManifest(file, i, (Map<String, Object>) doc));
                }
                i++;
            }
        }
        return out;
    }

    String apiVersion() {
        return string(body, "apiVersion");
    }

    String kind() {
        return string(body, "kind");
    }

    String name() {
        return string(body, "metadata", "name");
    }

    /** The API group: {@code kafka.strimzi.io} of {@code kafka.strimzi.io/v1}, empty for the core {@code v1}. */
    String group() {
        String v = apiVersion();
        return v != null && v.contains("/") ? v.substring(0, v.indexOf('/')) : "";
    }

    String version() {
        String v = apiVersion();
        return v != null && v.contains("/") ? v.substring(v.indexOf('/') + 1) : v;
    }

    Map<String, Object> spec() {
        return map(body, "spec");
    }

    /** Where a failure points: file, document and resource. */
    String where() {
        return file.getFileName() + "#" + index + " " + kind() + "/" + name();
    }

    // Navigation: a missing step gives null (or an empty map or list), never an exception.

    static Object at(Object node, String... path) {
        for (String step : path) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(step);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object o = at(node, path);
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        Object o = at(node, path);
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** A scalar as Kubernetes would read it in a string field; null when absent. */
    static String string(Object node, String... path) {
        Object o = at(node, path);
        return o == null ? null : String.valueOf(o);
    }

    /** The maps of a list (containers, env entries, volumes). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node, String... path) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list(node, path)) {
            if (o instanceof Map<?, ?> m) {
                out.add((Map<String, Object>) m);
            }
        }
        return out;
    }
}
