package dev.yuqing.jobs.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.alerting.ChannelDef;
import dev.yuqing.core.alerting.ChannelKind;
import dev.yuqing.core.alerting.ChannelMessages;
import dev.yuqing.core.alerting.Notification;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Webhooks and robots over {@link HttpClient}. A non-2xx status fails the send; so does a robot's
 * 200 answer with a non-zero {@code errcode} (WeCom, DingTalk) or {@code code} (Feishu), which is how
 * robots report a bad signature or a rate limit.
 */
public final class HttpSender implements ChannelSender {
    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    public HttpSender(HttpClient client, Duration timeout, Clock clock) {
        this.client = client;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> send(ChannelDef channel, Notification n) {
        ChannelMessages.HttpMessage m = ChannelMessages.http(channel, n, clock.instant());
        HttpRequest request = HttpRequest.newBuilder(m.uri())
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Yuqing-Notification", n.reason().name().toLowerCase(java.util.Locale.ROOT))
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.body()))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(r -> check(channel, r));
    }

    private static void check(ChannelDef channel, HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new java.util.concurrent.CompletionException(new IOException(channel + " answered HTTP " + r.statusCode() + ": " + abbreviate(r.body())));
        }
        if (channel.kind() == ChannelKind.WEBHOOK || r.body().isBlank()) {
            return;
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new java.util.concurrent.CompletionException(new IOException(channel + " answered with no JSON: " + abbreviate(r.body()), e));
        }
        int code = body.path(channel.kind() == ChannelKind.FEISHU ? "code" : "errcode").asInt(0);
        if (code != 0) {
            throw new java.util.concurrent.CompletionException(new IOException(channel + " refused the message, code " + code + ": " + abbreviate(r.body())));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
