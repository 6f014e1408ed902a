package dev.yuqing.core.alerting;

import java.io.Serializable;
import java.util.List;

/**
 * One delivery channel of the routing file.
 *
 * @param url    the webhook URL (robots and webhooks)
 * @param secret the robot's signing secret, empty when the robot does not sign
 * @param to     e-mail recipients
 * @param rate   the channel's rate limit; null for the job's default
 */
public record ChannelDef(String name, ChannelKind kind, String url, String secret, List<String> to, RateLimit rate) implements Serializable {
    public ChannelDef {
        secret = secret == null ? "" : secret;
        to = to == null ? List.of() : List.copyOf(to);
    }

    @Override
    public String toString() {
        // Never the URL or secret: robot URLs carry access tokens.
        return name + " (" + kind.code() + ")";
    }
}
