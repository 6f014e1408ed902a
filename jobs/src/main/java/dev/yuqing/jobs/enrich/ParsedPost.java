package dev.yuqing.jobs.enrich;

import dev.yuqing.core.post.Post;

/** A valid post and the posts.raw partition it was read from: the enrichment keeps each partition's order. */
public record ParsedPost(int partition, Post post) {}
