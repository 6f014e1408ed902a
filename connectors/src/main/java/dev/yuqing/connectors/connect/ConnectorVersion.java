package dev.yuqing.connectors.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version the connectors report to Connect, written into a resource at build time. */
public final class ConnectorVersion {
    public static final String VERSION = load();

    private ConnectorVersion() {}

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = ConnectorVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the connectors jar; rebuild it with Maven");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the connectors' version.properties", e);
        }
        return p.getProperty("version");
    }
}
