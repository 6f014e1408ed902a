package dev.yuqing.core.analysis;

import dev.yuqing.core.harmful.HarmfulResult;
import dev.yuqing.core.text.TextFeatures;

/** Everything the analysers say about one post. */
public record PostAnalysis(TextFeatures features, HarmfulResult harmful) {}
