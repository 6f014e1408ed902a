package dev.yuqing.jobs.inspection;

import java.time.Instant;
import java.util.Map;

/**
 * How one unit answers citizen messages, over every message answered so far on its boards: the
 * count, how many within the deadline, and the reply time in working days (mean, median, and by
 * bucket as in docs/quality.md).
 *
 * @param estimated of {@code answered}, those whose deadline or working days were estimated Monday to Friday, the
 *                  working calendar having ended before them (their verdict and days may be off around a holiday)
 */
public record UnitReplyStats(String ownerUnit, long answered, long onTime, double onTimeShare, double meanWorkingDays,
                             int medianWorkingDays, Map<String, Long> byWorkingDays, long estimated, Instant at) {}
