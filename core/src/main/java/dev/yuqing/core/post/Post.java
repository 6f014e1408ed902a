package dev.yuqing.core.post;

import java.time.Instant;

/**
 * One piece of published text: a new-media post, a site comment, a citizen message or its reply,
 * or a site page. {@code account} is the account id for new media and the site (or column) id for
 * sites. {@code replyTo} names the post this one answers; {@code threadId} groups a citizen message
 * with its official reply.
 */
public record Post(
        String id,
        SourceType source,
        String account,
        String author,
        String url,
        String title,
        String text,
        Instant publishedAt,
        Instant fetchedAt,
        String region,
        String replyTo,
        String threadId,
        Engagement engagement) {

    public Post {
        if (engagement == null) {
            engagement = Engagement.NONE;
        }
    }
}
