package dev.yuqing.local.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The Elasticsearch node as a process of its own (the cluster rig's stand-in for the
 * elasticsearch container): {@code ElasticsearchNode HOME HTTP_PORT}. It runs until the process is
 * stopped; its data stays under HOME, so a node started again on it finds its indices.
 */
public final class ElasticsearchNode {
    private ElasticsearchNode() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ElasticsearchNode HOME HTTP_PORT");
            System.exit(2);
        }
        EmbeddedElasticsearch es = EmbeddedElasticsearch.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                es.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing the node failed", e);
            }
        }, "elasticsearch-stop"));
        System.out.println("Elasticsearch answers at " + es.url());
        Thread.currentThread().join();
    }
}
