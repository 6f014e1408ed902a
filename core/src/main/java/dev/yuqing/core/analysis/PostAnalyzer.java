package dev.yuqing.core.analysis;

import dev.yuqing.core.harmful.HarmfulDetector;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.text.TextAnalyzer;

/**
 * The whole analysis chain for a post, the same for the streaming job and the batch command.
 * Loads models and lexicons once; thread-safe; not serialisable (make one per operator instance).
 */
public final class PostAnalyzer {
    private final TextAnalyzer text;
    private final HarmfulDetector harmful;

    public PostAnalyzer(TextAnalyzer text, HarmfulDetector harmful) {
        this.text = text;
        this.harmful = harmful;
    }

    /** With the shipped models and lexicons. */
    public static PostAnalyzer standard() {
        return new PostAnalyzer(new TextAnalyzer(), HarmfulDetector.standard());
    }

    public PostAnalysis analyze(Post post) {
        return analyze(post.title(), post.text());
    }

    /** The title (may be null) and text of a post; offsets in the result are into title + "\n" + text. */
    public PostAnalysis analyze(String title, String body) {
        String all = title == null || title.isBlank() ? body : title + "\n" + body;
        return new PostAnalysis(text.analyze(title, body), harmful.detect(all));
    }
}
