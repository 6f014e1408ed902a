package dev.yuqing.jobs.inspection;

import dev.yuqing.core.inspection.RegistryChange;
import dev.yuqing.core.source.LinkCheck;
import dev.yuqing.core.source.SiteProbe;
import dev.yuqing.core.source.SourceHeartbeat;

/**
 * What {@link InspectTargets} learns about a target besides its posts, exactly one of: a registry
 * change, a checked link of a column, a probe of a site, a heartbeat of the source of a column or
 * account, a publication of a column sent to its site's home page. One input for all, keyed by the
 * target each names, so that they share the target's registry entry. The connectors' reports and
 * the registry move no event time (they arrive by the wall clock, not by published time); column
 * updates come from the posts and carry their time.
 */
public record TargetSignal(RegistryChange change, LinkCheck link, SiteProbe probe, SourceHeartbeat heartbeat, ColumnUpdate columnUpdate) {
    public TargetSignal {
        int given = (change != null ? 1 : 0) + (link != null ? 1 : 0) + (probe != null ? 1 : 0) + (heartbeat != null ? 1 : 0)
                + (columnUpdate != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("a target signal is exactly one of a change, a link, a probe, a heartbeat or a column update; "
                    + given + " given");
        }
    }

    public static TargetSignal of(RegistryChange change) {
        return new TargetSignal(change, null, null, null, null);
    }

    public static TargetSignal of(LinkCheck link) {
        return new TargetSignal(null, link, null, null, null);
    }

    public static TargetSignal of(SiteProbe probe) {
        return new TargetSignal(null, null, probe, null, null);
    }

    public static TargetSignal of(SourceHeartbeat heartbeat) {
        return new TargetSignal(null, null, null, heartbeat, null);
    }

    public static TargetSignal of(ColumnUpdate columnUpdate) {
        return new TargetSignal(null, null, null, null, columnUpdate);
    }

    /** The target it is about: the change's target, the link's column, the probed site, the read column or account, the home page. */
    public String targetId() {
        if (change != null) {
            return change.id();
        }
        if (link != null) {
            return link.account();
        }
        if (columnUpdate != null) {
            return columnUpdate.homePage();
        }
        return probe != null ? probe.siteId() : heartbeat.account();
    }
}
