package dev.yuqing.dashboards;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import dev.yuqing.core.config.ConfigKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention of each index family by index lifecycle management: a policy per family (hot, then
 * delete at its retention, counted from the index's creation: a monthly index is deleted that long
 * after its month began), attached through a small component template
 * {@code <family>-lifecycle} that the family's index template is composed of. Where the cluster
 * has no ILM (the embedded node: the module is not on Maven Central) the policies are skipped with
 * a log line, and the component templates are left empty so the index templates still apply.
 */
public final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    public static final ConfigKey<Duration> POSTS = ConfigKey.duration("retention.posts", "180d", Duration.ofDays(1),
            "how long monthly posts indices are kept (ILM delete phase; where the cluster has ILM)");
    public static final ConfigKey<Duration> TRENDS = ConfigKey.duration("retention.trends", "180d", Duration.ofDays(1),
            "how long trends and events indices are kept");
    public static final ConfigKey<Duration> ALERTS = ConfigKey.duration("retention.alerts", "1095d", Duration.ofDays(1),
            "how long the alerts index is kept (3 years: handling records)");
    public static final ConfigKey<Duration> INSPECTIONS = ConfigKey.duration("retention.inspections", "1095d", Duration.ofDays(1),
            "how long inspection findings, scores, message statuses, reply statistics and site probes are kept (3 years)");
    public static final List<ConfigKey<?>> KEYS = List.of(POSTS, TRENDS, ALERTS, INSPECTIONS);

    /** Retention per index family (template name). */
    public record Retention(Map<String, Duration> byFamily) {
        public static final Retention DEFAULTS = of(Duration.ofDays(180), Duration.ofDays(180), Duration.ofDays(1095), Duration.ofDays(1095));

        public static Retention of(Duration posts, Duration trends, Duration alerts, Duration inspections) {
            Map<String, Duration> m = new LinkedHashMap<>();
            m.put(IndexTemplates.POSTS, posts);
            m.put(IndexTemplates.TRENDS, trends);
            m.put(IndexTemplates.EVENTS, trends);
            m.put(IndexTemplates.ALERTS, alerts);
            m.put(IndexTemplates.INSPECTIONS, inspections);
            m.put(IndexTemplates.SCORES, inspections);
            m.put(IndexTemplates.MESSAGES, inspections);
            m.put(IndexTemplates.REPLY_STATS, inspections);
            m.put(IndexTemplates.PROBES, inspections);
            return new Retention(m);
        }

        public static Retention of(dev.yuqing.core.config.Config c) {
            return of(c.get(POSTS), c.get(TRENDS), c.get(ALERTS), c.get(INSPECTIONS));
        }
    }

    private Lifecycle() {}

    /** The component template an index family's template is composed of. */
    public static String component(String family) {
        return family + "-lifecycle";
    }

    /** The family's policy: nothing to do while hot, deleted at its retention. */
    static String policyJson(Duration retention) {
        return "{\"policy\":{\"_meta\":{\"owner\":\"yuqing\"},\"phases\":{\"hot\":{\"min_age\":\"0ms\",\"actions\":{}},"
                + "\"delete\":{\"min_age\":\"" + retention.toDays() + "d\",\"actions\":{\"delete\":{}}}}}}";
    }

    static String componentJson(String policy) {
        String settings = policy == null ? "{}" : "{\"index.lifecycle.name\":\"" + policy + "\"}";
        return "{\"template\":{\"settings\":" + settings + "},\"_meta\":{\"owner\":\"yuqing\","
                + "\"description\":\"" + (policy == null ? "no lifecycle: the cluster has no ILM" : "lifecycle policy " + policy) + "\"}}";
    }

    /** Whether the cluster manages index lifecycles. */
    public static boolean available(ElasticsearchClient client) {
        try {
            client.ilm().getStatus();
            return true;
        } catch (ElasticsearchException | TransportException e) {
            LOG.info("Index lifecycle management is not available on this cluster ({}): retention is not applied, "
                    + "indices stay until deleted by hand", e.getMessage());
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("asking the cluster for ILM failed", e);
        }
    }

    /**
     * Puts each family's policy and points its component template at it, where the cluster has
     * ILM; elsewhere leaves every component template empty. Returns whether policies were applied.
     */
    public static boolean apply(ElasticsearchClient client, Retention retention) {
        boolean ilm = available(client);
        for (Map.Entry<String, Duration> e : retention.byFamily().entrySet()) {
            String family = e.getKey();
            try {
                if (ilm) {
                    client.ilm().putLifecycle(p -> p.name(family).withJson(new ByteArrayInputStream(
                            policyJson(e.getValue()).getBytes(StandardCharsets.UTF_8))));
                }
                putComponent(client, family, ilm ? family : null);
            } catch (IOException ex) {
                throw new UncheckedIOException("applying the lifecycle of " + family + " failed", ex);
            }
        }
        if (ilm) {
            LOG.info("Lifecycle policies applied: {}", retention.byFamily());
        }
        return ilm;
    }

    /** Creates each family's component template empty where there is none, leaving one the loader set alone. */
    public static void ensureComponents(ElasticsearchClient client) {
        for (String family : IndexTemplates.ALL) {
            try {
                if (!client.cluster().existsComponentTemplate(r -> r.name(component(family))).value()) {
                    putComponent(client, family, null);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("creating the component template of " + family + " failed", e);
            }
        }
    }

    private static void putComponent(ElasticsearchClient client, String family, String policy) throws IOException {
        client.cluster().putComponentTemplate(r -> r.name(component(family)).withJson(new ByteArrayInputStream(
                componentJson(policy).getBytes(StandardCharsets.UTF_8))));
    }
}
