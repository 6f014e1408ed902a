package dev.yuqing.core;

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

    private Topics() {}
}
