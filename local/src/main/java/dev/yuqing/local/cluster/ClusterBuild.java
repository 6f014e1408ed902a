package dev.yuqing.local.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the build makes and the cluster rig runs, under the project root: the class paths of the
 * Flink and Kafka images' libraries (local/cluster/*), the shaded job and tools jars, the
 * connectors' plugin directory and the Connect worker's properties.
 */
public record ClusterBuild(Path root) {
    private static final String BUILD = "build it first: mvn -B -DskipTests package";

    public ClusterBuild {
        root = root.toAbsolutePath().normalize();
    }

    /** The project root the system property {@code yuqing.root} names, else the working directory. */
    public static ClusterBuild fromEnvironment() {
        return new ClusterBuild(Path.of(System.getProperty("yuqing.root", ".")));
    }

    public Path jobsJar() {
        return root.resolve("jobs/target/yuqing-jobs.jar");
    }

    public Path toolsJar() {
        return root.resolve("tools/target/yuqing-tools.jar");
    }

    public Path pluginDirectory() {
        return root.resolve("connectors/target/yuqing-connectors-plugin");
    }

    public Path connectProperties() {
        return root.resolve("docker/connect/connect-distributed.properties");
    }

    public Path demoRegistry() {
        return root.resolve("core/src/main/resources/inspection/registry-demo.json");
    }

    /** The Flink image's lib: flink-runtime, streaming, clients, RocksDB, log4j. */
    public String flinkClasspath() throws IOException {
        return classpath(root.resolve("local/cluster/flink-lib/target/classpath.txt"));
    }

    /** The Kafka image's libs: the broker and Connect runtime. */
    public String kafkaClasspath() throws IOException {
        return classpath(root.resolve("local/cluster/kafka-libs/target/classpath.txt"));
    }

    /** The local module with its dependencies: the Elasticsearch node with the Chinese analysis plugin. */
    public String localClasspath() throws IOException {
        return root.resolve("local/target/classes") + java.io.File.pathSeparator + classpath(root.resolve("local/target/classpath.txt"));
    }

    /** Fails naming the first missing piece. */
    public void check() throws IOException {
        for (Path p : List.of(jobsJar(), toolsJar(), pluginDirectory(), connectProperties(), demoRegistry(),
                root.resolve("local/cluster/flink-lib/target/classpath.txt"), root.resolve("local/cluster/kafka-libs/target/classpath.txt"),
                root.resolve("local/target/classpath.txt"), root.resolve("local/target/classes"))) {
            if (!Files.exists(p)) {
                throw new IOException(p + " is missing: " + BUILD);
            }
        }
    }

    private static String classpath(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + " is missing: " + BUILD);
        }
        return Files.readString(file).strip();
    }
}
