package dev.yuqing.core.source;

import java.io.Serializable;
import java.time.Instant;

/**
 * A source task's word after each poll of its source, written to
 * {@link dev.yuqing.core.Topics#SOURCE_HEALTH} keyed by {@code account}: inspection tells a column
 * that stopped publishing from one that is no longer read.
 *
 * @param account     the registry id of the column or account read (the posts' account)
 * @param connector   the connector's name
 * @param at          when the poll ended
 * @param ok          whether the source was read
 * @param error       why not, for operators; empty when ok
 * @param lastSuccess the last poll that read the source, absent if none has
 */
public record SourceHeartbeat(String account, String connector, Instant at, boolean ok, String error, Instant lastSuccess)
        implements Serializable {}
