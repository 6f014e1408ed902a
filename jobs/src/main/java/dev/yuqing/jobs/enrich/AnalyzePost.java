package dev.yuqing.jobs.enrich;

import dev.yuqing.core.analysis.PostAnalyzer;
import dev.yuqing.core.harmful.HarmfulDetector;
import dev.yuqing.core.harmful.Lexicon;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole analysis chain (segmentation, entities, sentiment, offensive language, harmful
 * content, personal data, classification markings, expression errors) for each post. With a
 * lexicon directory, the harmful-content lexicons come from there and are reloaded when a file in
 * it changes, checked at most once per reload interval: editing a term needs no restart.
 */
public final class AnalyzePost extends RichMapFunction<Post, EnrichedPost> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzePost.class);

    private final String lexiconDir;
    private final Duration reloadInterval;

    /** HanLP's segmenter and the lexicon tries are not serialisable: made per instance on open. */
    private transient PostAnalyzer analyzer;
    private transient String lexiconVersion;
    private transient long nextCheckMillis;
    private transient Counter reloads;
    private transient Counter reloadFailures;

    /** @param lexiconDir harmful-content lexicons to use and watch; empty for the shipped ones */
    public AnalyzePost(String lexiconDir, Duration reloadInterval) {
        this.lexiconDir = lexiconDir == null ? "" : lexiconDir;
        this.reloadInterval = reloadInterval;
    }

    public AnalyzePost() {
        this("", Duration.ofMinutes(1));
    }

    @Override
    public void open(OpenContext openContext) {
        reloads = getRuntimeContext().getMetricGroup().counter("lexiconReloads");
        reloadFailures = getRuntimeContext().getMetricGroup().counter("lexiconReloadFailures");
        if (lexiconDir.isEmpty()) {
            analyzer = PostAnalyzer.standard();
            return;
        }
        lexiconVersion = version(Path.of(lexiconDir));
        analyzer = PostAnalyzer.withLexicons(Path.of(lexiconDir));
        nextCheckMillis = System.currentTimeMillis() + reloadInterval.toMillis();
    }

    @Override
    public EnrichedPost map(Post post) {
        if (!lexiconDir.isEmpty() && System.currentTimeMillis() >= nextCheckMillis) {
            reloadIfChanged();
        }
        return new EnrichedPost(post, analyzer.analyze(post), Instant.now());
    }

    private void reloadIfChanged() {
        nextCheckMillis = System.currentTimeMillis() + reloadInterval.toMillis();
        Path dir = Path.of(lexiconDir);
        try {
            String now = version(dir);
            if (!now.equals(lexiconVersion)) {
                analyzer = analyzer.withHarmful(new HarmfulDetector(Lexicon.fromDirectory(dir)));
                lexiconVersion = now;
                reloads.inc();
                LOG.info("Harmful-content lexicons reloaded from {}", dir);
            }
        } catch (RuntimeException e) {
            // A half-written or broken edit must not stop the monitoring: keep the last good lexicons.
            reloadFailures.inc();
            LOG.error("Reloading the lexicons from {} failed; the previous ones stay in use", dir, e);
        }
    }

    /** Names, sizes and modification times of the files: changes when any file is edited. */
    static String version(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            StringBuilder sb = new StringBuilder();
            files.sorted().forEach(f -> {
                try {
                    sb.append(f.getFileName()).append(':').append(Files.size(f)).append(':')
                            .append(Files.getLastModifiedTime(f).toMillis()).append(';');
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f, e);
                }
            });
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lexicon directory " + dir, e);
        }
    }
}
