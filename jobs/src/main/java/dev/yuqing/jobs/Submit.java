package dev.yuqing.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import dev.yuqing.jobs.alerting.AlertJob;
import dev.yuqing.jobs.enrich.EnrichJob;
import dev.yuqing.jobs.inspection.InspectionJob;
import dev.yuqing.jobs.trend.TrendJob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the jobs on a Flink session cluster through its REST API, from the shaded job jar (the
 * compose file's submit service, and the cluster rig's). A job already running under its name is
 * left alone, so running this again changes nothing; with {@code submit.upgrade} it is stopped with
 * a savepoint instead and started again from it with the jar given, its state intact (the operators'
 * uids are stable, and a state the new jar cannot place fails the start rather than being dropped).
 * The jobs' {@code main} runs in the JobManager, so their settings come from its environment.
 */
public final class Submit {
    /** The jobs this command knows, by the short name {@code submit.jobs} lists. */
    public enum Deployable {
        ENRICH(EnrichJob.class.getName(), EnrichJob.NAME),
        TREND(TrendJob.class.getName(), TrendJob.NAME),
        ALERT(AlertJob.class.getName(), AlertJob.NAME),
        INSPECTION(InspectionJob.class.getName(), InspectionJob.NAME);

        private final String entryClass;
        private final String jobName;

        Deployable(String entryClass, String jobName) {
            this.entryClass = entryClass;
            this.jobName = jobName;
        }

        public String entryClass() {
            return entryClass;
        }

        public String jobName() {
            return jobName;
        }

        static List<Deployable> parse(String list) {
            List<Deployable> jobs = new ArrayList<>();
            for (String part : list.split(",")) {
                String name = part.strip().toUpperCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    jobs.add(valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown job '" + part.strip() + "' in submit.jobs: expected enrich, trend, alert or inspection", e);
                }
            }
            if (jobs.isEmpty()) {
                throw new IllegalArgumentException("submit.jobs names no job");
            }
            return jobs;
        }
    }

    public static final ConfigKey<String> REST_URL = ConfigKey.string("flink.rest.url", "http://localhost:8081",
            "the Flink session cluster's REST address (the JobManager's rest.port)");
    public static final ConfigKey<String> JAR = ConfigKey.string("submit.jar", "/opt/yuqing/yuqing-jobs.jar",
            "the shaded job jar to upload (jobs/target/yuqing-jobs.jar of the build)");
    public static final ConfigKey<String> JOBS = ConfigKey.string("submit.jobs", "enrich,trend,alert,inspection",
            "the jobs to run, comma-separated: enrich, trend, alert, inspection");
    public static final ConfigKey<Integer> PARALLELISM = ConfigKey.integer("submit.parallelism", 0, 0, 1024,
            "parallelism of each job; 0 leaves it to the cluster's parallelism.default");
    public static final ConfigKey<Boolean> UPGRADE = ConfigKey.bool("submit.upgrade", false,
            "stop each job already running with a savepoint and start it again from that savepoint with this jar;"
                    + " false leaves running jobs alone");
    public static final ConfigKey<String> SAVEPOINT_DIR = ConfigKey.optionalString("submit.savepoint.dir",
            "where an upgrade's savepoints go (a file path or an s3:// URL the cluster can write); empty uses the cluster's"
                    + " execution.checkpointing.savepoint-dir");
    public static final ConfigKey<Duration> WAIT = ConfigKey.duration("submit.wait", "5m", Duration.ofSeconds(1),
            "how long to wait for the REST API to answer, for each savepoint and for each job to run");

    public static final ConfigDef DEF = new ConfigDef("submit", REST_URL, JAR, JOBS, PARALLELISM, UPGRADE, SAVEPOINT_DIR, WAIT);

    /** Job states in which a job holds its name on the cluster. */
    private static final Set<String> ALIVE = Set.of("INITIALIZING", "CREATED", "RUNNING", "RESTARTING", "FAILING", "CANCELLING", "RECONCILING");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String rest;
    private final Path jar;
    private final List<Deployable> jobs;
    private final int parallelism;
    private final boolean upgrade;
    private final String savepointDir;
    private final Duration wait;
    private final PrintStream out;

    public Submit(Config c, PrintStream out) {
        this.rest = c.get(REST_URL).replaceAll("/+$", "");
        this.jar = Path.of(c.get(JAR));
        this.jobs = Deployable.parse(c.get(JOBS));
        this.parallelism = c.get(PARALLELISM);
        this.upgrade = c.get(UPGRADE);
        this.savepointDir = c.get(SAVEPOINT_DIR);
        this.wait = c.get(WAIT);
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        new Submit(DEF.fromArgs(args), System.out).run();
    }

    /** What ran, per job: its id on the cluster and the savepoint it started from (null for none). */
    public record Started(Deployable job, String jobId, String savepoint) {}

    public List<Started> run() throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("job jar " + jar + " does not exist: build it (mvn -DskipTests package) or set " + JAR.envName());
        }
        long deadline = System.nanoTime() + wait.toNanos();
        awaitRestApi(deadline);
        Map<String, String> alive = aliveJobs();
        List<Deployable> toRun = new ArrayList<>();
        for (Deployable job : jobs) {
            String id = alive.get(job.jobName());
            if (id != null && !upgrade) {
                out.println(job.jobName() + " is already running (" + id + "): left alone");
            } else {
                toRun.add(job);
            }
        }
        List<Started> started = new ArrayList<>();
        if (toRun.isEmpty()) {
            return started;
        }
        // The jar first: a jar the cluster refuses must not cost a running job its place.
        String jarId = upload();
        try {
            for (Deployable job : toRun) {
                String running = alive.get(job.jobName());
                String savepoint = running == null ? null : stopWithSavepoint(job, running);
                String id = runJar(jarId, job, savepoint);
                started.add(new Started(job, id, savepoint));
            }
        } finally {
            send(HttpRequest.newBuilder(uri("/jars/" + jarId)).DELETE(), Set.of(200, 404));
        }
        for (Started s : started) {
            awaitRunning(s, System.nanoTime() + wait.toNanos());
        }
        return started;
    }

    private void awaitRestApi(long deadline) throws IOException, InterruptedException {
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/overview")).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && json.readTree(r.body()).path("taskmanagers").asInt() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the Flink REST API at " + rest + " did not answer within " + wait + " (" + REST_URL.envName() + ")", notYet);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the Flink cluster at " + rest + " has no TaskManager after " + wait);
            }
            Thread.sleep(1000);
        }
    }

    /** Job name to id of the jobs that hold their name now. */
    private Map<String, String> aliveJobs() throws IOException, InterruptedException {
        Map<String, String> alive = new LinkedHashMap<>();
        for (JsonNode j : get("/jobs/overview").path("jobs")) {
            if (ALIVE.contains(j.path("state").asText())) {
                alive.put(j.path("name").asText(), j.path("jid").asText());
            }
        }
        return alive;
    }

    private String upload() throws IOException, InterruptedException {
        String boundary = "yuqing-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName()
                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode answer = send(HttpRequest.newBuilder(uri("/jars/upload")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), Set.of(200));
        String file = answer.path("filename").asText();
        if (file.isEmpty()) {
            throw new IOException("uploading " + jar + " to " + rest + " returned no file name: " + answer);
        }
        String id = Path.of(file).getFileName().toString();
        out.println("uploaded " + jar + " as " + id);
        return id;
    }

    private String stopWithSavepoint(Deployable job, String jobId) throws IOException, InterruptedException {
        ObjectNode request = json.createObjectNode().put("drain", false);
        if (!savepointDir.isBlank()) {
            request.put("targetDirectory", savepointDir);
        }
        String trigger = send(post("/jobs/" + jobId + "/stop", request), Set.of(200, 202)).path("request-id").asText();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            JsonNode status = get("/jobs/" + jobId + "/savepoints/" + trigger);
            if (status.path("status").path("id").asText().equals("COMPLETED")) {
                JsonNode operation = status.path("operation");
                if (operation.hasNonNull("failure-cause")) {
                    throw new IOException("stopping " + job.jobName() + " (" + jobId + ") with a savepoint failed, the job keeps running: "
                            + operation.path("failure-cause").path("stack-trace").asText(operation.path("failure-cause").toString()));
                }
                String location = operation.path("location").asText();
                out.println(job.jobName() + " (" + jobId + ") stopped with savepoint " + location);
                return location;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the savepoint of " + job.jobName() + " (" + jobId + ") did not complete within " + wait);
            }
            Thread.sleep(500);
        }
    }

    private String runJar(String jarId, Deployable job, String savepoint) throws IOException, InterruptedException {
        ObjectNode request = json.createObjectNode().put("entryClass", job.entryClass());
        if (parallelism > 0) {
            request.put("parallelism", parallelism);
        }
        if (savepoint != null) {
            request.put("savepointPath", savepoint).put("allowNonRestoredState", false);
        }
        String id = send(post("/jars/" + jarId + "/run", request), Set.of(200)).path("jobid").asText();
        out.println(job.jobName() + " submitted as " + id + (savepoint == null ? "" : " from " + savepoint));
        return id;
    }

    private void awaitRunning(Started s, long deadline) throws IOException, InterruptedException {
        while (true) {
            String state = get("/jobs/" + s.jobId()).path("state").asText();
            if (state.equals("RUNNING")) {
                out.println(s.job().jobName() + " is running");
                return;
            }
            if (Set.of("FAILED", "CANCELED", "FINISHED").contains(state) || System.nanoTime() > deadline) {
                JsonNode exceptions = get("/jobs/" + s.jobId() + "/exceptions");
                throw new IOException(s.job().jobName() + " (" + s.jobId() + ") is " + state + ", not running: "
                        + exceptions.path("root-exception").asText(exceptions.toString()));
            }
            Thread.sleep(500);
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), Set.of(200));
    }

    private HttpRequest.Builder post(String path, JsonNode body) throws IOException {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }

    private JsonNode send(HttpRequest.Builder request, Set<Integer> ok) throws IOException, InterruptedException {
        HttpRequest r = request.timeout(Duration.ofMinutes(2)).build();
        HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (!ok.contains(answer.statusCode())) {
            throw new IOException(r.method() + " " + r.uri() + " answered " + answer.statusCode() + ": " + errors(answer.body()));
        }
        return answer.body().isBlank() ? json.createObjectNode() : json.readTree(answer.body());
    }

    /** Flink's REST errors carry the job's exception (a main that threw) in {@code errors}. */
    private String errors(String body) {
        try {
            JsonNode errors = json.readTree(body).path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                List<String> parts = new ArrayList<>();
                errors.forEach(e -> parts.add(e.asText()));
                return String.join("\n", parts);
            }
        } catch (IOException notJson) {
            // the body as it came
        }
        return body;
    }

    private URI uri(String path) {
        return URI.create(rest + path);
    }
}
