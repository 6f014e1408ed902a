package dev.yuqing.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.yuqing.connectors.api.HttpApiSourceConnector;
import dev.yuqing.connectors.connect.PostSourceConnector;
import dev.yuqing.connectors.exports.ExportDirectorySourceConnector;
import dev.yuqing.connectors.replay.FileReplaySourceConnector;
import dev.yuqing.connectors.rss.RssSourceConnector;
import dev.yuqing.connectors.site.HtmlSiteSourceConnector;
import dev.yuqing.core.Topics;
import dev.yuqing.local.connect.EmbeddedConnect;
import dev.yuqing.local.kafka.EmbeddedKafka;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;

/**
 * Items per second per task and memory per task of each connector, in a real Kafka Connect
 * worker (standalone, in this JVM) writing to a real broker, against an HTTP server on loopback
 * that answers every request with new items (so every item a task reads is new and sent): a feed
 * of 1000 items, API pages of 500 items (10 a poll), a column list of 200 item pages. Each
 * connector runs alone with one task until it has sent {@code target} posts; the rate counts from
 * its first post to the target (the worker's start-up and the first request left out). Memory: ten
 * connectors of a kind that have each finished their first poll, heap after a full GC against the
 * heap before them, divided by ten. The server, the broker and the worker share the JVM and the
 * cores with the tasks, so the figures are a floor for one task on a machine of its own.
 *
 * <pre>
 * mvn -B -Pbench -pl bench -am -DskipTests package
 * java -Xmx2g -cp bench/target/yuqing-bench.jar dev.yuqing.bench.ConnectorThroughput [rss http-api html-site ...]
 * </pre>
 */
public final class ConnectorThroughput {
    private static final String POSTS = "bench.posts";
    private static final String DLQ = "bench.dlq";
    private static final int MEMORY_TASKS = 10;
    // Enough new items per request that the 100 ms poll interval does not bound the rate.
    private static final int FEED_ITEMS = 1000;
    private static final int PAGE_ITEMS = 500;
    private static final int LIST_ITEMS = 200;
    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT)
            .withZone(java.time.ZoneOffset.ofHours(8));

    /** One measured connector kind: its configuration for one task, and the posts to wait for. */
    private record Kind(String name, Map<String, String> config, long target) {}

    /** What one kind came to. */
    private record Result(String kind, long posts, double seconds, double perSecond, double kibPerTask) {}

    private ConnectorThroughput() {}

    public static void main(String[] args) throws Exception {
        // The JDK server writes headers and body apart; without this, Nagle's algorithm and delayed
        // ACKs hold each small answer some 40 ms, and the item pages would measure the server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path dir = Files.createTempDirectory("yuqing-connector-bench");
        HttpServer server = source();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path exports = Files.createDirectories(dir.resolve("exports"));
        Path replay = dir.resolve("replay.jsonl");
        writePosts(exports.resolve("weibo-0001.jsonl"), 100_000, "export");
        writePosts(replay, 100_000, "replay");

        List<Kind> kinds = List.of(
                new Kind("rss", rss(base), 20_000),
                new Kind("http-api", api(base), 50_000),
                new Kind("html-site", site(base), 5_000),
                new Kind("export-directory", exports(exports), 100_000),
                new Kind("file-replay", replay(replay), 100_000));
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            kafka.createTopics(List.of(POSTS, DLQ, Topics.SITE_LINKS, Topics.SOURCE_HEALTH), 2);
            try (EmbeddedConnect worker = EmbeddedConnect.start(kafka.bootstrapServers(), dir.resolve("connect"), 0)) {
                System.out.printf(Locale.ROOT, "%-18s %10s %9s %12s %14s%n", "connector", "posts", "seconds", "posts/s", "KiB per task");
                for (Kind k : kinds) {
                    if (args.length > 0 && !List.of(args).contains(k.name())) {
                        continue; // only the kinds named on the command line
                    }
                    Result r = measure(worker, k);
                    System.out.printf(Locale.ROOT, "%-18s %10d %9.1f %12.0f %14s%n", r.kind(), r.posts(), r.seconds(), r.perSecond(),
                            Double.isNaN(r.kibPerTask()) ? "-" : String.format(Locale.ROOT, "%.0f", r.kibPerTask()));
                }
            }
        } finally {
            server.stop(0);
        }
    }

    private static Result measure(EmbeddedConnect worker, Kind k) throws Exception {
        String name = k.name() + "-rate";
        worker.putConnector(name, k.config());
        worker.awaitRunning(name, LIMIT);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        long firstAt = 0;
        long firstPosts = 0;
        long posts = 0;
        while (posts < k.target() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            posts = posts(name);
            if (firstAt == 0 && posts > 0) {
                firstAt = System.nanoTime();
                firstPosts = posts;
            }
        }
        double seconds = (System.nanoTime() - firstAt) / 1e9;
        worker.deleteConnector(name);
        double kib = Double.NaN;
        if (k.config().containsKey("poll.interval.ms")) { // sources that poll: memory of a task between polls
            kib = memoryPerTask(worker, k);
        }
        return new Result(k.name(), posts, seconds, (posts - firstPosts) / seconds, kib);
    }

    /** Heap held by {@link #MEMORY_TASKS} connectors of the kind after their first poll, per connector, in KiB. */
    private static double memoryPerTask(EmbeddedConnect worker, Kind k) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Thread.sleep(1000); // the deleted connector's task winds down
        long before = usedAfterGc(memory);
        Map<String, String> quiet = new LinkedHashMap<>(k.config());
        quiet.put("poll.interval.ms", "3600000");
        for (int i = 0; i < MEMORY_TASKS; i++) {
            worker.putConnector(k.name() + "-mem-" + i, quiet);
        }
        for (int i = 0; i < MEMORY_TASKS; i++) {
            String name = k.name() + "-mem-" + i;
            worker.awaitRunning(name, LIMIT);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (posts(name) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        Thread.sleep(1000); // the first polls' records written
        long after = usedAfterGc(memory);
        for (int i = 0; i < MEMORY_TASKS; i++) {
            worker.deleteConnector(k.name() + "-mem-" + i);
        }
        return (after - before) / 1024.0 / MEMORY_TASKS;
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long posts(String connector) throws Exception {
        try {
            return (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new ObjectName("kafka.connect:type=plugins,connector=" + connector + ",task=0"), "posts-total");
        } catch (javax.management.InstanceNotFoundException notYet) {
            return 0;
        }
    }

    // ---- configurations -------------------------------------------------------------------------

    private static Map<String, String> common(Class<? extends PostSourceConnector> connector) {
        Map<String, String> m = PostSourceConnector.configuration(connector, POSTS, DLQ);
        m.put("http.allowed.hosts", "127.0.0.1"); // the bench's own server; loopback is refused by default
        return m;
    }

    private static Map<String, String> rss(String base) {
        Map<String, String> m = common(RssSourceConnector.class);
        m.put("feed.url", base + "/feed.xml");
        m.put("feed.account", "site:bench/rss");
        m.put("poll.interval.ms", "100");
        return m;
    }

    private static Map<String, String> api(String base) {
        Map<String, String> m = common(HttpApiSourceConnector.class);
        m.put("api.url", base + "/api/messages?page={page}");
        m.put("api.paging", "page");
        m.put("api.pages.max", "10");
        m.put("api.items.pointer", "/data/items");
        m.put("api.mapping", "id=/mid,title=/title,text=/content,publishedAt=/created_at,author=/user/name");
        m.put("api.account", "board:bench/api");
        m.put("api.source", "citizen-message");
        m.put("poll.interval.ms", "100");
        return m;
    }

    private static Map<String, String> site(String base) {
        Map<String, String> m = common(HtmlSiteSourceConnector.class);
        m.put("site.list.url", base + "/column/index.html");
        m.put("site.account", "site:bench/column");
        m.put("list.item.selector", "ul.list li");
        m.put("item.title.selector", "div.article h1");
        m.put("item.time.selector", "span.pubtime");
        m.put("item.body.selector", "div.content");
        m.put("links.check.max", "0");
        m.put("http.host.min.delay.ms", "0");
        m.put("http.host.max.concurrency", "4");
        m.put("poll.interval.ms", "100");
        return m;
    }

    private static Map<String, String> exports(Path dir) {
        Map<String, String> m = common(ExportDirectorySourceConnector.class);
        m.put("export.dir", dir.toString());
        m.put("export.glob", "*.jsonl");
        m.put("export.batch.size", "2000");
        return m;
    }

    private static Map<String, String> replay(Path file) {
        Map<String, String> m = common(FileReplaySourceConnector.class);
        m.put("file.path", file.toString());
        m.put("file.batch.size", "2000");
        return m;
    }

    // ---- the source ------------------------------------------------------------------------------

    /** Posts of the demo's shape, about 200 characters of text each. */
    private static void writePosts(Path file, int n, String prefix) throws IOException {
        String text = "南湖区幸福里小区从周一开始停水，物业说是管道检修，但一直没有通知什么时候恢复，老人和孩子用水非常困难，希望有关部门尽快协调解决。"
                .repeat(3);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write("{\"id\":\"" + prefix + "-" + i + "\",\"source\":\"weibo\",\"account\":\"weibo:bench\",\"text\":\"" + text
                        + "\",\"publishedAt\":\"2026-11-20T0" + (i % 10) + ":00:00Z\"}\n");
            }
        }
    }

    /** Answers each request with new items: a counter numbers them across requests. */
    private static HttpServer source() throws IOException {
        AtomicLong next = new AtomicLong();
        String text = "关于北山区光明路路灯长期不亮的反映，晚上出行很不方便，希望尽快维修。";
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-source");
            t.setDaemon(true); // the JVM ends with main
            return t;
        }));
        server.createContext("/feed.xml", ex -> {
            StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>bench</title>");
            String date = RFC_822.format(Instant.now());
            for (int i = 0; i < FEED_ITEMS; i++) {
                long n = next.incrementAndGet();
                s.append("<item><title>第").append(n).append("条通知</title><link>https://bench.invalid/rss/").append(n)
                        .append("</link><guid>rss-").append(n).append("</guid><pubDate>").append(date).append("</pubDate><description>")
                        .append(text).append("</description></item>");
            }
            reply(ex, "application/rss+xml; charset=utf-8", s.append("</channel></rss>").toString());
        });
        server.createContext("/api/messages", ex -> {
            StringBuilder s = new StringBuilder("{\"data\":{\"items\":[");
            for (int i = 0; i < PAGE_ITEMS; i++) {
                long n = next.incrementAndGet();
                s.append(i == 0 ? "" : ",").append("{\"mid\":\"").append(n).append("\",\"title\":\"留言").append(n)
                        .append("\",\"content\":\"").append(text).append("\",\"created_at\":\"2026-11-20 09:30:00\",\"user\":{\"name\":\"市民\"}}");
            }
            reply(ex, "application/json", s.append("]}}").toString());
        });
        server.createContext("/column/", ex -> {
            String path = ex.getRequestURI().getPath();
            if (path.endsWith("/index.html")) {
                StringBuilder s = new StringBuilder("<html><body><ul class=\"list\">");
                for (int i = 0; i < LIST_ITEMS; i++) {
                    s.append("<li><a href=\"art_").append(next.incrementAndGet()).append(".html\">通知</a></li>");
                }
                reply(ex, "text/html; charset=utf-8", s.append("</ul></body></html>").toString());
            } else {
                reply(ex, "text/html; charset=utf-8", "<html><body><div class=\"article\"><h1>关于停水的通知" + path
                        + "</h1><span class=\"pubtime\">2026-11-20 09:30</span><div class=\"content\">" + text + "</div></div></body></html>");
            }
        });
        server.createContext("/robots.txt", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        return server;
    }

    private static void reply(HttpExchange ex, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
