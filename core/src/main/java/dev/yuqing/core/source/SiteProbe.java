package dev.yuqing.core.source;

import java.io.Serializable;
import java.time.Instant;

/**
 * One availability probe of a registered site's home page (站点无法访问), written to
 * {@link dev.yuqing.core.Topics#SITE_PROBES} keyed by {@code siteId}.
 *
 * @param siteId     the site's registry id
 * @param url        the home page fetched
 * @param at         when the probe started
 * @param status     HTTP status of the final answer, 0 when there was none
 * @param loadMillis time to the whole page, or to the failure
 * @param error      why it failed (no answer, refused, status); empty when the page loaded
 */
public record SiteProbe(String siteId, String url, Instant at, int status, long loadMillis, String error) implements Serializable {
    public boolean failed() {
        return error != null && !error.isEmpty();
    }
}
