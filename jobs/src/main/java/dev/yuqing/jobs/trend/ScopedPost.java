package dev.yuqing.jobs.trend;

import dev.yuqing.core.post.EnrichedPost;

/** A post counted toward one surge scope. */
public record ScopedPost(SurgeScope scope, EnrichedPost post) {}
