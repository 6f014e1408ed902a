package dev.yuqing.jobs.inspection;

import dev.yuqing.core.inspection.MonitoredTarget;
import dev.yuqing.core.post.Post;

/** A citizen message or its official reply on a registered board (an interaction column or site), with the board. */
public record BoardMessage(Post post, MonitoredTarget board) {
    public boolean isReply() {
        return post.replyTo() != null;
    }

    /** The thread it belongs to: its own, or for a message without one, its id. */
    public String thread() {
        if (post.threadId() != null && !post.threadId().isBlank()) {
            return post.threadId();
        }
        return isReply() ? post.replyTo() : post.id();
    }
}
