package dev.yuqing.local.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * The commands of a Flink standalone session cluster, as the image's jobmanager.sh and
 * taskmanager.sh build them: a configuration directory with config.yaml, the JVM memory flags
 * and dynamic properties Flink derives from the process size (the scripts ask BashJavaUtils for
 * the same), and the entry points {@code StandaloneSessionClusterEntrypoint} and
 * {@code TaskManagerRunner} on the Flink libraries' class path.
 */
final class FlinkProcesses {
    /**
     * The module openings the Flink distribution's config.yaml sets for every Flink JVM on Java 17
     * ({@code env.java.opts.all}); without them a job's main fails in the JobManager
     * ({@code InaccessibleObjectException} on {@code java.util}).
     */
    static final List<String> JAVA_17_OPTIONS = List.of("--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED", "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final ClusterBuild build;
    private final Path confDir;
    private final Path logConfig;
    private final Configuration configuration;

    FlinkProcesses(ClusterBuild build, Path dir, Path logConfig, Map<String, String> config) throws IOException {
        this.build = build;
        this.confDir = dir.resolve("conf");
        this.logConfig = logConfig;
        this.configuration = Configuration.fromMap(config);
        Files.createDirectories(confDir);
        StringBuilder yaml = new StringBuilder("# the rig's Flink configuration (flat keys, as FLINK_PROPERTIES in compose)\n");
        config.forEach((k, v) -> yaml.append(k).append(": ").append(quote(v)).append('\n'));
        Files.writeString(confDir.resolve("config.yaml"), yaml);
    }

    List<String> jobManagerCommand() throws IOException {
        JobManagerProcessSpec spec = JobManagerProcessUtils.processSpecFromConfig(configuration);
        return command(JobManagerProcessUtils.generateJvmParametersStr(spec, configuration),
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                List.of("--configDir", confDir.toString(), "--executionMode", "cluster"), JobManagerProcessUtils.generateDynamicConfigsStr(spec));
    }

    List<String> taskManagerCommand() throws IOException {
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(configuration);
        return command(ProcessMemoryUtils.generateJvmParametersStr(spec), "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                List.of("--configDir", confDir.toString()), TaskExecutorProcessUtils.generateDynamicConfigsStr(spec));
    }

    private List<String> command(String jvmParameters, String mainClass, List<String> args, String dynamicConfigs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(split(jvmParameters));
        command.addAll(JAVA_17_OPTIONS);
        command.add("-Dlog4j2.configurationFile=" + logConfig.toUri());
        command.add("-cp");
        command.add(build.flinkClasspath());
        command.add(mainClass);
        command.addAll(args);
        command.addAll(split(dynamicConfigs));
        return command;
    }

    private static List<String> split(String s) {
        List<String> parts = new ArrayList<>();
        for (String p : s.trim().split("\\s+")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }

    private static String quote(String v) {
        return v.matches("[A-Za-z0-9_./:,-]+") ? v : "'" + v.replace("'", "''") + "'";
    }
}
