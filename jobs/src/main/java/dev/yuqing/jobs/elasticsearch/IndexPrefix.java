package dev.yuqing.jobs.elasticsearch;

import dev.yuqing.core.post.PostTimes;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Elasticsearch index names are lower case and start with a letter or digit; time series are monthly. */
public final class IndexPrefix {
    /** The month of a monthly index, China time: a document of 1 Nov 00:30 (China) is November's. */
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(PostTimes.CHINA);

    private IndexPrefix() {}

    public static String check(String prefix) {
        if (prefix == null || !prefix.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("index prefix must be lower-case letters, digits, '-', '_' or '.', was '" + prefix + "'");
        }
        return prefix;
    }

    /** The monthly index {@code prefix-yyyy.MM} that a document stamped {@code t} belongs to. */
    public static String monthly(String prefix, Instant t) {
        return prefix + "-" + MONTH.format(t);
    }
}
