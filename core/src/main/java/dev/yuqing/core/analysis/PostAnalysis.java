package dev.yuqing.core.analysis;

import dev.yuqing.core.classified.ClassifiedMarking;
import dev.yuqing.core.expression.ExpressionError;
import dev.yuqing.core.harmful.HarmfulResult;
import dev.yuqing.core.pii.PiiMatch;
import dev.yuqing.core.sentiment.Sentiment;
import dev.yuqing.core.text.TextFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the analysers say about one post. Offsets of matches are into the analysed text:
 * the title, a line break and the body (just the body when there is no title).
 *
 * @param offensive    probability that the text is offensive language
 * @param personalData personal data found, each only in masked form
 * @param maskedTitle  the title with personal data masked, or the title itself when it has none
 * @param maskedText   the body with personal data masked, or the body itself when it has none
 */
public record PostAnalysis(TextFeatures features, Sentiment sentiment, double offensive, HarmfulResult harmful,
                           List<PiiMatch> personalData, List<ClassifiedMarking> classified,
                           List<ExpressionError> expressionErrors, String maskedTitle, String maskedText) {
    public PostAnalysis {
        // Mutable copies: Flink's Kryo fallback copies lists by adding to them.
        personalData = new ArrayList<>(personalData);
        classified = new ArrayList<>(classified);
        expressionErrors = new ArrayList<>(expressionErrors);
    }
}
