package dev.yuqing.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real Kafka broker and one real Elasticsearch node for all integration tests of this
 * JVM (an Elasticsearch node configures process-wide logging, so one is started, not one per
 * class), on free ports, and stops them when the tests are done. Test methods receive the
 * {@link LocalStack} as a parameter.
 */
public final class LocalStackExtension implements ParameterResolver {

    private static final class Resource implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final LocalStack stack;
        final Path dir;

        Resource() {
            try {
                dir = Files.createTempDirectory("yuqing-it-");
                stack = LocalStack.start(dir, 0, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("the local stack did not start", e);
            }
        }

        @Override
        public void close() throws IOException {
            stack.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return e.getRoot().getStore(ExtensionContext.Namespace.create(LocalStackExtension.class))
                .getOrComputeIfAbsent("stack", k -> new Resource(), Resource.class).stack;
    }
}
