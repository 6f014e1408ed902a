package dev.yuqing.local.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A Kafka Connect worker's REST API, embedded or in a process of its own. */
public final class ConnectClient {
    private final URI restUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param restUrl such as {@code http://127.0.0.1:8083/} */
    public ConnectClient(URI restUrl) {
        this.restUrl = restUrl;
    }

    public URI restUrl() {
        return restUrl;
    }

    /** Creates the connector, or updates its configuration, through the REST API. */
    public void putConnector(String name, Map<String, String> config) throws IOException {
        rest("PUT", "connectors/" + name + "/config", config, 200, 201);
    }

    /** Deletes the connector; its offsets stay, so a connector created again under the name resumes. */
    public void deleteConnector(String name) throws IOException {
        rest("DELETE", "connectors/" + name, null, 204, 404);
    }

    /** The connector's status as the REST API reports it ({@code connector.state}, {@code tasks[].state}, {@code trace}). */
    public JsonNode status(String name) throws IOException {
        return rest("GET", "connectors/" + name + "/status", null, 200);
    }

    /**
     * Waits until the connector's tasks run.
     *
     * @throws IOException with the task's stack trace when one failed, or when they do not run within {@code timeout}
     */
    public void awaitRunning(String name, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode tasks = status(name).path("tasks");
            boolean running = !tasks.isEmpty();
            for (JsonNode t : tasks) {
                if (t.path("state").asText().equals("FAILED")) {
                    throw new IOException("task " + t.path("id").asText() + " of connector " + name + " failed: " + t.path("trace").asText());
                }
                running &= t.path("state").asText().equals("RUNNING");
            }
            if (running) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the tasks of connector " + name + " did not run within " + timeout + ": " + tasks);
            }
            Thread.sleep(100);
        }
    }

    /** The connector's committed source offsets: one {@code {partition, offset}} object per source partition. */
    public JsonNode offsets(String name) throws IOException {
        return rest("GET", "connectors/" + name + "/offsets", null, 200).path("offsets");
    }

    private JsonNode rest(String method, String path, Object body, int... ok) throws IOException {
        HttpRequest.Builder r = HttpRequest.newBuilder(restUrl.resolve(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
        HttpResponse<String> response;
        try {
            response = http.send(r.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " " + path + " interrupted", e);
        }
        for (int status : ok) {
            if (response.statusCode() == status) {
                return response.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(response.body());
            }
        }
        throw new IOException(method + " " + restUrl.resolve(path) + " answered " + response.statusCode() + ": " + response.body());
    }

}
