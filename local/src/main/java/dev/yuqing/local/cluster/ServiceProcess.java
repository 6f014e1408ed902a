package dev.yuqing.local.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service of the cluster rig: a JVM process of its own, started from its command, stopped
 * (SIGTERM, as {@code docker stop}), killed (SIGKILL, as a crashed host) and started again on the
 * same command, ports and data, as a container's restart policy would. Its output goes to one log
 * file across restarts.
 */
public final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    /** Guarded by this. */
    private Process process;
    /** Whether the process was stopped or killed on purpose since it last started (guarded by this). */
    private boolean stoppedOnPurpose;

    ServiceProcess(String name, List<String> command, Map<String, String> env, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.log = log;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return log;
    }

    /** Starts the process; the environment is this JVM's without its YUQING_ variables, plus the service's. */
    public synchronized ServiceProcess start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        Files.createDirectories(log.getParent());
        Files.writeString(log, "=== " + name + " starting: " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("YUQING_"));
        pb.environment().putAll(env);
        process = pb.start();
        stoppedOnPurpose = false;
        return this;
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    /** Whether the process ended without being stopped or killed: what a restart policy restarts. */
    public synchronized boolean crashed() {
        return process != null && !process.isAlive() && !stoppedOnPurpose;
    }

    /** The exit code of an ended process. */
    public synchronized int exitCode() {
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public synchronized void kill() throws InterruptedException {
        stoppedOnPurpose = true;
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGTERM, then SIGKILL after {@code graceSeconds} (Docker's stop gives 10). */
    public synchronized void stop(int graceSeconds) throws InterruptedException {
        stoppedOnPurpose = true;
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Waits for a one-shot process to end and returns its exit code. */
    public int awaitExit(long timeoutSeconds) throws InterruptedException, IOException {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IOException(name + " did not end within " + timeoutSeconds + " s; its output:\n" + output());
        }
        return p.exitValue();
    }

    /** Everything the process wrote so far, over all its starts. */
    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Fails, with the end of the log, when the process has ended; for waits on a service that should be starting. */
    void requireAlive() throws IOException {
        if (!alive()) {
            String out = output();
            throw new IOException(name + " ended while starting; the end of its log (" + log + "):\n"
                    + out.substring(Math.max(0, out.length() - 4000)));
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(30);
    }
}
