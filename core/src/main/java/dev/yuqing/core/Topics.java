package dev.yuqing.core;

import java.util.List;

/** Topic names, the contract between connectors and jobs. */
public final class Topics {
    /** Posts as the connectors fetched them, JSON {@link dev.yuqing.core.post.Post}, keyed by post id. */
    public static final String POSTS_RAW = "posts.raw";
    /** Posts with their analysis, JSON {@link dev.yuqing.core.post.EnrichedPost}, keyed by post id. */
    public static final String POSTS_ENRICHED = "posts.enriched";
    /** Records some stage could not handle, JSON {@link dev.yuqing.core.deadletter.DeadLetter}. */
    public static final String POSTS_DLQ = "posts.dlq";
    /** Warnings for handlers (later issues fill it). */
    public static final String ALERTS = "alerts";
    /** Alert notifications for other systems, JSON {@link dev.yuqing.core.alert.Alert}, keyed by alert id. */
    public static final String ALERTS_OUT = "alerts.out";
    /** Alerts that could not be read or delivered, JSON {@link dev.yuqing.core.deadletter.DeadLetter}. */
    public static final String ALERTS_DLQ = "alerts.dlq";

    /**
     * Changes to the inspection registry, JSON {@link dev.yuqing.core.inspection.RegistryChange},
     * keyed by target id. One partition: a site must come before its columns.
     */
    public static final String REGISTRY = "registry";

    /** Links checked on monitored pages, JSON {@link dev.yuqing.core.source.LinkCheck}, keyed by link. */
    public static final String SITE_LINKS = "site.links";
    /** Availability probes of registered sites' home pages, JSON {@link dev.yuqing.core.source.SiteProbe}, keyed by site id. */
    public static final String SITE_PROBES = "site.probes";
    /** Source tasks' heartbeats, JSON {@link dev.yuqing.core.source.SourceHeartbeat}, keyed by account. */
    public static final String SOURCE_HEALTH = "sources.health";

    /**
     * Every topic a component writes, apart from {@link #REGISTRY}: {@code Setup} and the local stack
     * create them all with the configured partitions. A source whose topic is missing would wait for
     * it forever (Connect's producers block on metadata), so no component may write one not listed.
     */
    public static final List<String> STREAMS = List.of(POSTS_RAW, POSTS_ENRICHED, POSTS_DLQ, ALERTS, ALERTS_OUT, ALERTS_DLQ,
            SITE_LINKS, SITE_PROBES, SOURCE_HEALTH);

    private Topics() {}
}
