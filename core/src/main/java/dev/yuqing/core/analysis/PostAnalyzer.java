package dev.yuqing.core.analysis;

import dev.yuqing.core.classified.ClassifiedMarkingDetector;
import dev.yuqing.core.expression.ExpressionChecker;
import dev.yuqing.core.harmful.HarmfulDetector;
import dev.yuqing.core.offensive.OffensiveClassifier;
import dev.yuqing.core.pii.PiiDetector;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.sentiment.SentimentAnalyzer;
import dev.yuqing.core.text.TextAnalyzer;

/**
 * The whole analysis chain for a post, the same for the streaming job and the batch command.
 * Loads models and lexicons once; thread-safe; not serialisable (make one per operator instance).
 */
public final class PostAnalyzer {
    private final TextAnalyzer text;
    private final SentimentAnalyzer sentiment;
    private final OffensiveClassifier offensive;
    private final HarmfulDetector harmful;
    private final PiiDetector pii;
    private final ClassifiedMarkingDetector classified;
    private final ExpressionChecker expression;

    public PostAnalyzer(TextAnalyzer text, SentimentAnalyzer sentiment, OffensiveClassifier offensive, HarmfulDetector harmful,
                        PiiDetector pii, ClassifiedMarkingDetector classified, ExpressionChecker expression) {
        this.text = text;
        this.sentiment = sentiment;
        this.offensive = offensive;
        this.harmful = harmful;
        this.pii = pii;
        this.classified = classified;
        this.expression = expression;
    }

    /** With the shipped models and lexicons. */
    public static PostAnalyzer standard() {
        return new PostAnalyzer(new TextAnalyzer(), SentimentAnalyzer.load(), OffensiveClassifier.load(), HarmfulDetector.standard(),
                new PiiDetector(), new ClassifiedMarkingDetector(), ExpressionChecker.standard());
    }

    /** The same chain with other harmful-content lexicons (after an edit of the lexicon files). */
    public PostAnalyzer withHarmful(HarmfulDetector other) {
        return new PostAnalyzer(text, sentiment, offensive, other, pii, classified, expression);
    }

    /** The shipped chain, with the harmful-content lexicons of {@code lexiconDir} instead of the shipped ones. */
    public static PostAnalyzer withLexicons(java.nio.file.Path lexiconDir) {
        return standard().withHarmful(new HarmfulDetector(dev.yuqing.core.harmful.Lexicon.fromDirectory(lexiconDir)));
    }

    public PostAnalysis analyze(Post post) {
        return analyze(post.title(), post.text());
    }

    /** The title (may be null) and body of a post. */
    public PostAnalysis analyze(String title, String body) {
        boolean titled = title != null && !title.isBlank();
        String all = titled ? title + "\n" + body : body;
        var personal = pii.find(all);
        return new PostAnalysis(
                text.analyze(title, body),
                sentiment.analyze(all),
                offensive.probability(all),
                harmful.detect(all),
                personal,
                classified.find(all),
                expression.check(all),
                titled && !personal.isEmpty() ? pii.mask(title) : title,
                personal.isEmpty() ? body : pii.mask(body));
    }
}
