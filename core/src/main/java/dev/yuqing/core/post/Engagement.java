package dev.yuqing.core.post;

/** Interaction counts as the source reported them when the post was fetched. */
public record Engagement(long likes, long comments, long shares, long views) {
    public static final Engagement NONE = new Engagement(0, 0, 0, 0);

    public long total() {
        return likes + comments + shares;
    }
}
