package dev.yuqing.local.demo;

import dev.yuqing.core.analysis.PostAnalyzer;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.InvalidPostException;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.PostJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * The demo's posts as the enrichment job leaves them (parsed, analysed, repeats dropped), to run
 * the trend job on them without Kafka: in published order (then by id), as the enrichment keeps
 * each partition of a replay.
 */
public final class DemoPosts {
    private DemoPosts() {}

    /** The valid posts of {@code DemoScenario.generate(count, 0, seed)}, each once. */
    public static List<EnrichedPost> analysed(int count, long seed) throws InvalidPostException {
        PostJson reader = new PostJson();
        PostAnalyzer analyzer = PostAnalyzer.standard();
        Map<String, EnrichedPost> byId = new LinkedHashMap<>();
        for (DemoLine l : DemoScenario.generate(count, 0, seed)) {
            Post p = reader.read(l.json().getBytes(StandardCharsets.UTF_8));
            byId.putIfAbsent(p.id(), new EnrichedPost(p, analyzer.analyze(p), p.publishedAt()));
        }
        List<EnrichedPost> posts = new ArrayList<>(byId.values());
        posts.sort(Comparator.comparing((EnrichedPost p) -> p.post().publishedAt()).thenComparing(p -> p.post().id()));
        return posts;
    }

    /** Posts kept as JSON for a generator source (serialisable), handed out in their order. */
    public record Generator(byte[][] json) implements GeneratorFunction<Long, EnrichedPost> {
        public static Generator of(List<EnrichedPost> posts) {
            return new Generator(posts.stream().map(EnrichedPost::toJson).toArray(byte[][]::new));
        }

        public int size() {
            return json.length;
        }

        @Override
        public EnrichedPost map(Long index) throws Exception {
            return EnrichedPost.fromJson(json[index.intValue()]);
        }
    }
}
