package dev.yuqing.dashboards;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index templates, kept as JSON resources under {@code templates/} and applied with PUT, which
 * replaces a template of the same name: running it again changes nothing.
 */
public final class IndexTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(IndexTemplates.class);

    /** Template name, which is also the resource's base name and the alias the indices join. */
    public static final String POSTS = "yuqing-posts";
    public static final String TRENDS = "yuqing-trends";
    public static final String EVENTS = "yuqing-events";
    /** One index (not one a month): handlers acknowledge an alert by its id alone. */
    public static final String ALERTS = "yuqing-alerts";
    public static final String INSPECTIONS = "yuqing-inspections";
    /** One index: the latest score of each target. */
    public static final String SCORES = "yuqing-scores";
    public static final String MESSAGES = "yuqing-messages";
    /** One index: the latest reply-time statistics of each unit. */
    public static final String REPLY_STATS = "yuqing-reply-stats";
    /** Monthly: the sites' availability probes. */
    public static final String PROBES = "yuqing-probes";
    public static final List<String> ALL = List.of(POSTS, TRENDS, EVENTS, ALERTS, INSPECTIONS, SCORES, MESSAGES, REPLY_STATS, PROBES);

    private IndexTemplates() {}

    public static InputStream resource(String name) {
        InputStream in = IndexTemplates.class.getResourceAsStream("/templates/" + name + ".json");
        if (in == null) {
            throw new IllegalArgumentException("no template resource templates/" + name + ".json");
        }
        return in;
    }

    /**
     * Applies the templates; their lifecycle component templates are created empty where missing
     * (what the loader set, with retention, stays). What every job does before it writes.
     */
    public static void applyAll(ElasticsearchClient client) {
        Lifecycle.ensureComponents(client);
        for (String name : ALL) {
            apply(client, name);
        }
    }

    /** Applies the lifecycle policies with {@code retention} where the cluster has ILM, then the templates. */
    public static void applyAll(ElasticsearchClient client, Lifecycle.Retention retention) {
        Lifecycle.apply(client, retention);
        applyAll(client);
    }

    public static void apply(ElasticsearchClient client, String name) {
        try (InputStream json = resource(name)) {
            client.indices().putIndexTemplate(r -> r.name(name).withJson(json));
            LOG.info("Index template {} applied", name);
        } catch (IOException e) {
            throw new UncheckedIOException("applying index template " + name + " failed", e);
        }
    }
}
