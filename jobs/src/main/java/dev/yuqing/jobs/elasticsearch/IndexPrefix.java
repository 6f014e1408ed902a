package dev.yuqing.jobs.elasticsearch;

/** Elasticsearch index names are lower case and start with a letter or digit. */
public final class IndexPrefix {
    private IndexPrefix() {}

    public static String check(String prefix) {
        if (prefix == null || !prefix.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("index prefix must be lower-case letters, digits, '-', '_' or '.', was '" + prefix + "'");
        }
        return prefix;
    }
}
