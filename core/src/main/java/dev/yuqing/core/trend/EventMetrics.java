package dev.yuqing.core.trend;

/**
 * What a warning level is decided on.
 *
 * @param volume        posts in the event
 * @param growth        posts in the latest window over posts in the window before (1 when flat)
 * @param negativeShare share of the event's posts with NEGATIVE sentiment, in [0, 1]
 * @param harmfulShare  share of the event's posts flagged as harmful information, in [0, 1]
 * @param reach         summed engagement (likes, comments, shares) of the event's posts
 */
public record EventMetrics(long volume, double growth, double negativeShare, double harmfulShare, long reach) {}
