package dev.yuqing.local.elasticsearch;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Gives the embedded node the analyzer names production has: {@code cjk} (built into the
 * Elasticsearch distribution by its analysis-common module, which Maven Central lacks) and
 * {@code smartcn} / {@code smartcn_tokenizer} (the official analysis-smartcn plugin), over the same
 * Lucene analyzers.
 */
public final class ChineseAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
                "cjk", (indexSettings, env, name, settings) -> new Provider<>(name, settings, new CJKAnalyzer()),
                "smartcn", (indexSettings, env, name, settings) -> new Provider<>(name, settings, new SmartChineseAnalyzer()));
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("smartcn_tokenizer",
                (indexSettings, env, name, settings) -> TokenizerFactory.newFactory(name, HMMChineseTokenizer::new));
    }

    private static final class Provider<A extends Analyzer> extends AbstractIndexAnalyzerProvider<A> {
        private final A analyzer;

        Provider(String name, Settings settings, A analyzer) {
            super(name, settings);
            this.analyzer = analyzer;
        }

        @Override
        public A get() {
            return analyzer;
        }
    }
}
