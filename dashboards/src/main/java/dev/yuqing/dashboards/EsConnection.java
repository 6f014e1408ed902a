package dev.yuqing.dashboards;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Where Elasticsearch is and how to log in; serialisable so that a Flink sink can carry it.
 * An empty username means no authentication (the embedded node).
 */
public record EsConnection(List<String> urls, String username, String password) implements Serializable {

    public EsConnection {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("at least one Elasticsearch URL is needed");
        }
        for (String url : urls) {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("Elasticsearch URL must be scheme://host:port, was '" + url + "'");
            }
        }
        urls = List.copyOf(urls);
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    /** Comma-separated URLs, as configuration gives them. */
    public static EsConnection of(String commaSeparatedUrls, String username, String password) {
        return new EsConnection(List.of(commaSeparatedUrls.split("\\s*,\\s*")), username, password);
    }

    /** A client over its own REST client; closing the client's transport closes both. */
    public ElasticsearchClient open() {
        HttpHost[] hosts = urls.stream().map(u -> {
            URI uri = URI.create(u);
            return new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme());
        }).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts);
        if (!username.isEmpty()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(username, password));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        return new ElasticsearchClient(new RestClientTransport(builder.build(), new JacksonJsonpMapper(Json.MAPPER.copy())));
    }

    /** Closes a client made by {@link #open()}. */
    public static void close(ElasticsearchClient client) {
        try {
            client._transport().close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the Elasticsearch client failed", e);
        }
    }

    @Override
    public String toString() {
        return "EsConnection" + urls + (username.isEmpty() ? "" : " as " + username);
    }
}
