package dev.yuqing.dashboards;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.yuqing.core.config.CommonOptions;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Sets up Elasticsearch and Kibana for Yuqing, idempotently: checks the templates and the saved
 * objects against each other (all that {@code --loader.dry.run=true} does), applies the lifecycle
 * policies where the cluster has ILM and the index templates, and imports the saved objects through
 * Kibana's {@code POST /api/saved_objects/_import?overwrite=true} (multipart, {@code kbn-xsrf},
 * basic authentication). Running it again changes nothing. Without a Kibana URL the import is
 * skipped with a line saying so (the embedded stack has no Kibana).
 */
public final class Loader {
    public static final ConfigKey<String> KIBANA_URL = ConfigKey.optionalString("kibana.url",
            "Kibana base URL for the saved-objects import, e.g. http://kibana:5601; empty skips the import");
    public static final ConfigKey<String> KIBANA_USERNAME = ConfigKey.optionalString("kibana.username",
            "user for Kibana's import API (a superuser such as elastic); empty sends no credentials");
    public static final ConfigKey<String> KIBANA_PASSWORD = ConfigKey.optionalString("kibana.password", "password of kibana.username");
    public static final ConfigKey<String> SAVED_OBJECTS = ConfigKey.optionalString("loader.saved.objects",
            "NDJSON file of saved objects to import instead of the shipped ones (dashboards/src/main/resources/kibana/yuqing.ndjson)");
    public static final ConfigKey<Boolean> DRY_RUN = ConfigKey.bool("loader.dry.run", false,
            "only check the templates and saved objects; change nothing");
    public static final ConfigKey<Duration> TIMEOUT = ConfigKey.duration("loader.timeout", "30s", Duration.ofSeconds(1),
            "how long to wait for Kibana's answer");

    public static final ConfigDef DEF = new ConfigDef("dashboards loader", keys());

    private Loader() {}

    private static ConfigKey<?>[] keys() {
        List<ConfigKey<?>> k = new ArrayList<>(List.of(CommonOptions.ES_URLS, CommonOptions.ES_USERNAME, CommonOptions.ES_PASSWORD,
                KIBANA_URL, KIBANA_USERNAME, KIBANA_PASSWORD, SAVED_OBJECTS, DRY_RUN, TIMEOUT));
        k.addAll(Lifecycle.KEYS);
        return k.toArray(ConfigKey<?>[]::new);
    }

    /** What a run did. */
    public record Result(List<String> problems, boolean applied, boolean ilm, int imported) {}

    public static Result run(Config c) throws IOException, InterruptedException {
        String file = c.get(SAVED_OBJECTS);
        SavedObjects objects = file.isBlank() ? SavedObjects.shipped() : SavedObjects.parse(Files.readAllBytes(Path.of(file)));
        List<String> problems = objects.problems();
        if (!problems.isEmpty() || c.get(DRY_RUN)) {
            return new Result(problems, false, false, 0);
        }
        EsConnection connection = EsConnection.of(c.get(CommonOptions.ES_URLS), c.get(CommonOptions.ES_USERNAME), c.get(CommonOptions.ES_PASSWORD));
        ElasticsearchClient client = connection.open();
        boolean ilm;
        try {
            ilm = Lifecycle.apply(client, Lifecycle.Retention.of(c));
            IndexTemplates.applyAll(client);
        } finally {
            EsConnection.close(client);
        }
        String kibana = c.get(KIBANA_URL);
        int imported = 0;
        if (kibana.isBlank()) {
            System.out.println("no kibana.url: saved objects not imported");
        } else {
            imported = importObjects(kibana, c.get(KIBANA_USERNAME), c.get(KIBANA_PASSWORD), objects, c.get(TIMEOUT));
        }
        return new Result(List.of(), true, ilm, imported);
    }

    /** Posts the objects to Kibana's import API; returns how many Kibana says it imported. */
    static int importObjects(String kibana, String user, String password, SavedObjects objects, Duration timeout)
            throws IOException, InterruptedException {
        String boundary = "yuqing-" + UUID.nameUUIDFromBytes(objects.ndjson());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"yuqing.ndjson\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(objects.ndjson());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(kibana.replaceAll("/+$", "") + "/api/saved_objects/_import?overwrite=true"))
                .timeout(timeout)
                .header("kbn-xsrf", "true")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (!user.isBlank()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(timeout).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("Kibana refused the import: HTTP " + response.statusCode() + " " + response.body());
        }
        var answer = dev.yuqing.core.json.Json.MAPPER.readTree(response.body());
        if (!answer.path("success").asBoolean(false)) {
            throw new IOException("Kibana imported with errors: " + answer.path("errors"));
        }
        return answer.path("successCount").asInt();
    }

    public static void main(String[] args) throws Exception {
        Config c = DEF.fromArgsOrExit(args);
        Result r = run(c);
        if (!r.problems().isEmpty()) {
            r.problems().forEach(p -> System.err.println("problem: " + p));
            System.exit(1);
        }
        System.out.println(r.applied() ? "applied: templates" + (r.ilm() ? " and lifecycle policies" : " (no ILM on this cluster)")
                + "; saved objects imported: " + r.imported() : "checked: templates and saved objects are consistent (dry run)");
    }
}
