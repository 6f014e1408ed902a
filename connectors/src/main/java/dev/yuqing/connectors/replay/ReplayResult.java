package dev.yuqing.connectors.replay;

/**
 * What one run of the replay did.
 *
 * @param resumedAt    records skipped because an earlier run delivered them
 * @param sent         records produced to the posts topic
 * @param deadLettered records produced to the dead-letter topic
 * @param position     records of the file delivered in all, the saved cursor
 * @param completed    true when the end of the file was reached, false when stopped early
 */
public record ReplayResult(long resumedAt, long sent, long deadLettered, long position, boolean completed) {}
