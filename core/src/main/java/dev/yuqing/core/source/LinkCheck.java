package dev.yuqing.core.source;

import java.io.Serializable;
import java.time.Instant;

/**
 * The result of checking one link found on a monitored page, as the site connector writes it to
 * {@link dev.yuqing.core.Topics#SITE_LINKS} keyed by {@code link}: a dead link, and the same link
 * alive again, so that its finding can close.
 *
 * @param account   the column (its registry id, the connector's {@code site.account}) whose page links it
 * @param pageUrl   the page the link is on
 * @param link      the link checked, absolute
 * @param dead      whether it answered 4xx/5xx or not at all
 * @param status    the HTTP status, 0 when there was no answer
 * @param reason    why it counts as dead, for people; empty when alive
 * @param checkedAt when it was checked
 */
public record LinkCheck(String account, String pageUrl, String link, boolean dead, int status, String reason, Instant checkedAt)
        implements Serializable {}
