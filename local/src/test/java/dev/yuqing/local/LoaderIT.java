package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.yuqing.core.config.CommonOptions;
import dev.yuqing.core.config.Config;
import dev.yuqing.dashboards.IndexTemplates;
import dev.yuqing.dashboards.Loader;
import dev.yuqing.dashboards.SavedObjects;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboards loader against the real Elasticsearch node and a real HTTP server standing in for
 * Kibana that records what it is sent (Kibana cannot run here): the import request is Kibana's
 * (path, overwrite, kbn-xsrf, credentials, a multipart file part holding the NDJSON), a second run
 * sends the same, and a dry run sends nothing.
 */
@ExtendWith(LocalStackExtension.class)
class LoaderIT {
    /** One request as the server saw it. */
    private record Request(String method, String uri, String xsrf, String authorization, String contentType, byte[] body) {}

    @Test
    void theLoaderAppliesTemplatesAndImportsTheSavedObjectsTheSameEachTime(LocalStack stack) throws Exception {
        List<Request> requests = new CopyOnWriteArrayList<>();
        HttpServer kibana = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int objects = SavedObjects.shipped().objects().size();
        kibana.createContext("/", ex -> {
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().toString(), ex.getRequestHeaders().getFirst("kbn-xsrf"),
                    ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("Content-Type"),
                    ex.getRequestBody().readAllBytes()));
            byte[] answer = ("{\"success\":true,\"successCount\":" + objects + ",\"successResults\":[]}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        kibana.start();
        try {
            String url = "http://127.0.0.1:" + kibana.getAddress().getPort();
            Map<String, String> m = Map.of(CommonOptions.ES_URLS.name(), stack.elasticsearchUrl(), Loader.KIBANA_URL.name(), url,
                    Loader.KIBANA_USERNAME.name(), "elastic", Loader.KIBANA_PASSWORD.name(), "秘密");

            Config dry = Loader.DEF.resolve(Map.of(Loader.DRY_RUN.name(), "true", Loader.KIBANA_URL.name(), url), Map.of());
            assertThat(Loader.run(dry).problems()).isEmpty();
            assertThat(requests).as("a dry run changes nothing").isEmpty();

            Loader.Result first = Loader.run(Loader.DEF.resolve(m, Map.of()));
            Loader.Result second = Loader.run(Loader.DEF.resolve(m, Map.of()));
            assertThat(first.applied()).isTrue();
            assertThat(first.ilm()).as("the embedded node has no ILM").isFalse();
            assertThat(first.imported()).isEqualTo(objects);
            assertThat(requests).hasSize(2);
            Request r = requests.get(0);
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.uri()).isEqualTo("/api/saved_objects/_import?overwrite=true");
            assertThat(r.xsrf()).isEqualTo("true");
            assertThat(r.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString("elastic:秘密".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.contentType()).startsWith("multipart/form-data; boundary=");
            String body = new String(r.body(), StandardCharsets.UTF_8);
            String boundary = r.contentType().substring(r.contentType().indexOf('=') + 1);
            assertThat(body).startsWith("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"yuqing.ndjson\"\r\n")
                    .contains(new String(SavedObjects.shipped().ndjson(), StandardCharsets.UTF_8))
                    .endsWith("\r\n--" + boundary + "--\r\n");
            assertThat(requests.get(1).body()).as("a second run sends the same").isEqualTo(r.body());
            for (String family : IndexTemplates.ALL) {
                assertThat(stack.client().indices().existsIndexTemplate(e -> e.name(family)).value()).as(family).isTrue();
            }
            assertThat(second.applied()).isTrue();
        } finally {
            kibana.stop(0);
        }
    }
}
