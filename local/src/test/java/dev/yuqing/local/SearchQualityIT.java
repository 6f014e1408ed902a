package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import dev.yuqing.core.analysis.PostAnalysis;
import dev.yuqing.core.analysis.PostAnalyzer;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.jobs.elasticsearch.Document;
import dev.yuqing.jobs.enrich.PostDocuments;
import dev.yuqing.local.quality.SearchTestSet;
import dev.yuqing.local.quality.SearchTestSet.Outcome;
import dev.yuqing.local.quality.SearchTestSet.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chinese search quality on the real node (issue 7): the search test set's posts go through the
 * job's analysis and document mapping into an index of the posts template, and every query is
 * searched on the {@code smartcn} field, on its {@code cjk} sub-field and on both. The report in
 * docs/quality.md is what this test computes: it fails when the document is stale, and
 * {@code -Dyuqing.search.quality.write=true} rewrites the report's block in place.
 */
@ExtendWith(LocalStackExtension.class)
class SearchQualityIT {
    /**
     * Matches the posts template's pattern {@code yuqing-posts-*}, so it gets the real mapping and
     * analyzers. It also joins the {@code yuqing-posts} alias, which other tests count, so it is
     * deleted afterwards.
     */
    static final String INDEX = "yuqing-posts-searchqt";
    static final String SMARTCN_FIELD = "text";
    static final String CJK_FIELD = "text.cjk";
    static final Path DOC = Path.of(System.getProperty("yuqing.root", "..")).resolve("docs/quality.md");
    static final String BEGIN = "<!-- search-quality:begin";
    static final String END = "<!-- search-quality:end -->";

    /**
     * Where the report shows how the node segments: a query as typed, or a fragment of a post as
     * the post's whole text is analysed (smartcn segments a sentence at a time, so a fragment
     * analysed alone can come out differently).
     */
    record Example(String post, String fragment) {
        static Example query(String text) {
            return new Example(null, text);
        }
    }

    /** Segmentations behind the failures in the report, found while judging them. */
    static final List<Example> SEGMENTATION_EXAMPLES = List.of(
            // smartcn: the query's tokens are not the post's tokens
            Example.query("停水"), new Example("gov-39", "散布停水谣言"), new Example("water-01", "开始停水"),
            Example.query("路灯"), new Example("traffic-18", "小区路灯不亮"), new Example("traffic-24", "的路灯晚上"),
            Example.query("地铁"), new Example("traffic-02", "坐地铁上班"), new Example("traffic-01", "地铁2号线"), new Example("traffic-25", "地铁站"),
            Example.query("学生"), new Example("edu-01", "大学生"), new Example("edu-18", "留学生"),
            Example.query("公安"), new Example("gov-08", "市公安局"),
            Example.query("区长"), new Example("gov-07", "江滨区区长"),
            Example.query("江滨路"), new Example("traffic-20", "沿江滨路"), new Example("traffic-19", "江滨路口"),
            Example.query("东城"), new Example("water-04", "东城区"),
            Example.query("李明"), new Example("gov-26", "市民李明说"), new Example("gov-27", "记者李明天一早"),
            Example.query("停车"), new Example("traffic-07", "乱停车"), new Example("traffic-08", "地下停车位"),
            new Example("home-12", "分类垃圾桶"),
            // cjk: a bigram across two words
            Example.query("市长"), new Example("gov-04", "超市长期"), new Example("traffic-15", "示范市长江大桥"),
            new Example("gov-06", "社区长期"), new Example("gov-09", "办公安排"), new Example("edu-05", "学校长期"),
            new Example("gov-11", "教育局长期不回复"), new Example("water-08", "暂停水费缴纳"), new Example("water-09", "提供水质检测"),
            new Example("power-04", "暂停电梯使用"), new Example("traffic-09", "暂停车辆通行"), new Example("traffic-05", "本地铁路"),
            new Example("gov-28", "李明亮"), new Example("slang-07", "国外卖家"), new Example("gov-25", "沿河长廊"),
            new Example("gov-35", "乒乓球拍卖完了"),
            // cjk: a character next to a date's last character
            Example.query("7月15日"), new Example("water-03", "7月15日8:00"), new Example("water-02", "7月15日停水"),
            // both: written another way
            Example.query("南湖区"), new Example("water-05", "南湖區"), new Example("water-17", "南湖區恢復供水"),
            new Example("water-12", "又亭水了"), new Example("edu-08", "幼儿圆"),
            new Example("gov-21", "12345市民热线"), new Example("traffic-04", "地铁三号线"));

    /** The searches compared: the first three compare the analysers; {@code BOTH} and the last two, how an analyst types the query. */
    enum Search {
        SMARTCN("smartcn", "`match_phrase` on `text`"),
        CJK("cjk", "`match_phrase` on `text.cjk`"),
        BOTH("both", "`multi_match`, `type: phrase`, over `text` and `text.cjk`"),
        BOTH_MATCH_AND("both, unquoted, all tokens", "`multi_match`, `best_fields`, `operator: and`, over both, the whole query"),
        BOTH_MATCH_OR("both, unquoted, any token", "`multi_match`, `best_fields`, `operator: or`, over both, the whole query");

        final String label;
        final String dsl;

        Search(String label, String dsl) {
            this.label = label;
            this.dsl = dsl;
        }

        /**
         * Each word of the query as a phrase, all of them required: a word is found only where
         * its tokens stand together in the same order, as the analyst typed it. (A {@code match}
         * with {@code operator: and} would accept the single characters smartcn cuts an unknown
         * word into anywhere in the post; the two unquoted searches measure that.)
         */
        Query query(SearchTestSet.Query q) {
            return switch (this) {
                case SMARTCN -> allWords(q, w -> Query.of(x -> x.matchPhrase(m -> m.field(SMARTCN_FIELD).query(w))));
                case CJK -> allWords(q, w -> Query.of(x -> x.matchPhrase(m -> m.field(CJK_FIELD).query(w))));
                // Per word, either field: a word smartcn cuts badly in one post is still found by its bigrams.
                case BOTH -> allWords(q, w -> Query.of(x -> x.multiMatch(m -> m.fields(SMARTCN_FIELD, CJK_FIELD).query(w)
                        .type(TextQueryType.Phrase))));
                case BOTH_MATCH_AND -> Query.of(x -> x.multiMatch(m -> m.fields(SMARTCN_FIELD, CJK_FIELD).query(q.query())
                        .type(TextQueryType.BestFields).operator(Operator.And)));
                case BOTH_MATCH_OR -> Query.of(x -> x.multiMatch(m -> m.fields(SMARTCN_FIELD, CJK_FIELD).query(q.query())
                        .type(TextQueryType.BestFields).operator(Operator.Or)));
            };
        }

        private static Query allWords(SearchTestSet.Query q, Function<String, Query> word) {
            List<String> words = q.words();
            return words.size() == 1 ? word.apply(words.get(0))
                    : Query.of(x -> x.bool(b -> b.must(words.stream().map(word).toList())));
        }
    }

    private static ElasticsearchClient client;
    private static List<Post> posts;
    private static List<SearchTestSet.Query> queries;
    private static final Map<Search, List<Outcome>> OUTCOMES = new EnumMap<>(Search.class);
    private static String report;

    @BeforeAll
    static void indexTheTestSetAndSearchIt(LocalStack stack) throws Exception {
        client = stack.client();
        posts = SearchTestSet.posts();
        queries = SearchTestSet.queries();
        client.indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
        client.indices().create(c -> c.index(INDEX));

        // As EnrichJob indexes a post: the whole analysis, then the posts document (strict mapping).
        PostAnalyzer analyzer = PostAnalyzer.standard();
        PostDocuments documents = new PostDocuments("yuqing-posts");
        List<BulkOperation> operations = new ArrayList<>();
        for (Post post : posts) {
            PostAnalysis analysis = analyzer.analyze(post);
            // The judgements are about the text as written; masking would change what is searched.
            assertThat(analysis.maskedText()).as("%s holds personal data, which the index would mask", post.id()).isEqualTo(post.text());
            Document d = documents.toDocument(new EnrichedPost(post, analysis, post.publishedAt()));
            operations.add(BulkOperation.of(b -> b.index(i -> i.index(INDEX).id(d.id())
                    .document(BinaryData.of(d.json(), ContentType.APPLICATION_JSON)))));
        }
        BulkResponse bulk = client.bulk(b -> b.operations(operations).refresh(Refresh.True));
        assertThat(bulk.items()).allSatisfy(item -> assertThat(item.error()).as(item.id()).isNull());
        assertThat(client.count(c -> c.index(INDEX)).count()).isEqualTo(posts.size());

        for (Search s : Search.values()) {
            List<Outcome> outcomes = new ArrayList<>();
            for (SearchTestSet.Query q : queries) {
                outcomes.add(new Outcome(q, search(s.query(q))));
            }
            OUTCOMES.put(s, outcomes);
        }
        report = report(stack);
        System.out.println(report);
        Path out = Path.of("target", "search-quality.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    @AfterAll
    static void deleteTheIndex() throws IOException {
        if (client != null) {
            client.indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
        }
    }

    @Test
    void bothFieldsFindEverythingEachFieldFinds() {
        for (int i = 0; i < queries.size(); i++) {
            Set<String> both = OUTCOMES.get(Search.BOTH).get(i).found();
            assertThat(both).as("%s: both ⊇ smartcn", queries.get(i).id()).containsAll(OUTCOMES.get(Search.SMARTCN).get(i).found());
            assertThat(both).as("%s: both ⊇ cjk", queries.get(i).id()).containsAll(OUTCOMES.get(Search.CJK).get(i).found());
        }
        Summary both = Summary.of(OUTCOMES.get(Search.BOTH));
        assertThat(both.microRecall()).isGreaterThanOrEqualTo(Summary.of(OUTCOMES.get(Search.SMARTCN)).microRecall())
                .isGreaterThanOrEqualTo(Summary.of(OUTCOMES.get(Search.CJK)).microRecall());
        assertThat(both.macroRecall()).isGreaterThanOrEqualTo(Summary.of(OUTCOMES.get(Search.SMARTCN)).macroRecall())
                .isGreaterThanOrEqualTo(Summary.of(OUTCOMES.get(Search.CJK)).macroRecall());
    }

    @Test
    void anyTokenFindsEverythingTheOtherFormsFind() {
        // Each quoted word's tokens, or all the query's tokens, are in a post it finds: so is one of them.
        // ("All tokens in one field" and "each word in either field" are not nested: words can match in different fields.)
        for (int i = 0; i < queries.size(); i++) {
            Set<String> any = OUTCOMES.get(Search.BOTH_MATCH_OR).get(i).found();
            assertThat(any).as(queries.get(i).id()).containsAll(OUTCOMES.get(Search.BOTH).get(i).found())
                    .containsAll(OUTCOMES.get(Search.BOTH_MATCH_AND).get(i).found());
        }
    }

    @Test
    void theConclusionsInQualityMdHold() {
        Summary smartcn = Summary.of(OUTCOMES.get(Search.SMARTCN));
        Summary cjk = Summary.of(OUTCOMES.get(Search.CJK));
        Summary both = Summary.of(OUTCOMES.get(Search.BOTH));
        Summary anyToken = Summary.of(OUTCOMES.get(Search.BOTH_MATCH_OR));
        // The recommended default: both fields have the best F1; what they cost is smartcn's precision.
        assertThat(both.microF1()).isGreaterThan(smartcn.microF1()).isGreaterThanOrEqualTo(cjk.microF1());
        assertThat(smartcn.microPrecision()).isGreaterThan(both.microPrecision());
        // What both fields miss is written another way (traditional, a typo, another form), never a segmentation.
        for (Outcome o : OUTCOMES.get(Search.BOTH)) {
            assertThat(o.query().forms().keySet()).as(o.query().id()).containsAll(o.missed());
        }
        // Unquoted, any token: more wrong posts than right ones.
        assertThat(anyToken.retrieved() - anyToken.correct()).isGreaterThan(anyToken.correct());
    }

    @Test
    void theQueryStringInTheDocsFindsWhatBothFinds() throws IOException {
        // The README's curl and docs/quality.md give the default as a query string: each word quoted, on either field.
        for (int i = 0; i < queries.size(); i++) {
            String qs = queryString(queries.get(i));
            assertThat(search(Query.of(x -> x.queryString(q -> q.query(qs))))).as(qs).isEqualTo(OUTCOMES.get(Search.BOTH).get(i).found());
        }
    }

    /** Each word quoted, on {@code text} or {@code text.cjk}; all words: {@code (text:"w" OR text.cjk:"w") AND …}. */
    static String queryString(SearchTestSet.Query q) {
        return q.words().stream().map(w -> "(" + SMARTCN_FIELD + ":\"" + w + "\" OR " + CJK_FIELD + ":\"" + w + "\")")
                .collect(java.util.stream.Collectors.joining(" AND "));
    }

    @Test
    void theReportInQualityMdIsWhatThisTestComputes() throws IOException {
        String doc = Files.exists(DOC) ? Files.readString(DOC) : "";
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/quality.md has no '%s' … '%s' block", BEGIN, END).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String current = doc.substring(begin, end + END.length());
        if (Boolean.getBoolean("yuqing.search.quality.write") && !current.equals(report)) {
            Files.writeString(DOC, doc.substring(0, begin) + report + doc.substring(end + END.length()));
            return;
        }
        assertThat(current).as("docs/quality.md's search report is stale: copy local/target/search-quality.md into it, "
                + "or re-run with -Dyuqing.search.quality.write=true").isEqualTo(report);
    }

    private static Set<String> search(Query query) throws IOException {
        var response = client.search(s -> s.index(INDEX).query(query).size(posts.size()).source(src -> src.fetch(false)), Void.class);
        Set<String> ids = new HashSet<>();
        for (Hit<Void> hit : response.hits().hits()) {
            ids.add(hit.id());
        }
        return ids;
    }

    // ---- the report ----

    private static String report(LocalStack stack) throws IOException {
        long phrases = queries.stream().filter(q -> q.kind().equals("phrase")).count();
        int relevant = queries.stream().mapToInt(q -> q.expected().size()).sum();
        StringBuilder sb = new StringBuilder(BEGIN)
                .append(" generated by SearchQualityIT from local/src/test/resources/search; do not edit by hand -->\n\n")
                .append(String.format(Locale.ROOT, "%d posts, %d queries (%d phrases, %d sets of words), %d relevant (query, post) pairs.\n\n",
                        posts.size(), queries.size(), phrases, queries.size() - phrases, relevant));

        sb.append("| search | query, per word | found | right | wrong | missed | precision | recall | F1 | macro precision | macro recall | queries all found | queries nothing wrong |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Search s : Search.values()) {
            if (s == Search.BOTH_MATCH_AND) {
                sb.append("\nThe same over both fields, by how the query is typed (each word quoted, as above; or unquoted):\n\n")
                        .append("| search | query, whole | found | right | wrong | missed | precision | recall | F1 | macro precision | macro recall | queries all found | queries nothing wrong |\n")
                        .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
                summaryRow(sb, Search.BOTH);
            }
            summaryRow(sb, s);
        }

        sb.append("\nPer query (precision / recall):\n\n| query | kind | relevant | smartcn | cjk | both |\n|---|---|---:|---:|---:|---:|\n");
        for (int i = 0; i < queries.size(); i++) {
            SearchTestSet.Query q = queries.get(i);
            sb.append("| ").append(q.id()).append(" ").append(q.query()).append(" | ").append(q.kind()).append(" | ").append(q.expected().size());
            for (Search s : List.of(Search.SMARTCN, Search.CJK, Search.BOTH)) {
                Outcome o = OUTCOMES.get(s).get(i);
                sb.append(" | ").append(String.format(Locale.ROOT, "%.2f / %.2f", o.precision(), o.recall()));
            }
            sb.append(" |\n");
        }

        sb.append("\nWhat each search got wrong (missed: an expected post not found; wrong: a post found that was not expected):\n\n");
        for (int i = 0; i < queries.size(); i++) {
            List<String> parts = new ArrayList<>();
            for (Search s : List.of(Search.SMARTCN, Search.CJK, Search.BOTH)) {
                Outcome o = OUTCOMES.get(s).get(i);
                List<String> what = new ArrayList<>();
                if (!o.missed().isEmpty()) {
                    what.add("missed " + String.join(", ", o.missed()));
                }
                if (!o.wrong().isEmpty()) {
                    what.add("wrong " + String.join(", ", o.wrong()));
                }
                if (!what.isEmpty()) {
                    parts.add(s.label + " " + String.join(", ", what));
                }
            }
            if (!parts.isEmpty()) {
                SearchTestSet.Query q = queries.get(i);
                sb.append("- ").append(q.id()).append(" ").append(q.query()).append(": ").append(String.join("; ", parts)).append("\n");
            }
        }

        sb.append("\nExpected posts that write the query another way, and how many of them each search found:\n\n")
                .append("| written | expected | smartcn | cjk | both |\n|---|---:|---:|---:|---:|\n");
        for (String form : SearchTestSet.FORMS) {
            sb.append("| ").append(form).append(" | ").append(queries.stream().mapToLong(q -> q.forms().values().stream().filter(form::equals).count()).sum());
            for (Search s : List.of(Search.SMARTCN, Search.CJK, Search.BOTH)) {
                sb.append(" | ").append(OUTCOMES.get(s).stream().mapToLong(o -> o.query().forms().entrySet().stream()
                        .filter(e -> e.getValue().equals(form) && o.found().contains(e.getKey())).count()).sum());
            }
            sb.append(" |\n");
        }

        sb.append("\nWhere typing the words unquoted (all tokens) finds other posts than quoting each word:\n\n");
        int differences = 0;
        for (int i = 0; i < queries.size(); i++) {
            Outcome quoted = OUTCOMES.get(Search.BOTH).get(i);
            Outcome unquoted = OUTCOMES.get(Search.BOTH_MATCH_AND).get(i);
            Set<String> more = new TreeSet<>(unquoted.found());
            more.removeAll(quoted.found());
            Set<String> fewer = new TreeSet<>(quoted.found());
            fewer.removeAll(unquoted.found());
            if (!more.isEmpty() || !fewer.isEmpty()) {
                differences++;
                sb.append("- ").append(queries.get(i).id()).append(" ").append(queries.get(i).query()).append(":");
                List<String> expected = queries.get(i).expected();
                more.forEach(id -> sb.append(" +").append(id).append(expected.contains(id) ? " (expected)" : " (not expected)"));
                fewer.forEach(id -> sb.append(" −").append(id).append(expected.contains(id) ? " (expected)" : " (not expected)"));
                sb.append("\n");
            }
        }
        if (differences == 0) {
            sb.append("- none\n");
        }

        sb.append("\nSegmentation on the node (`_analyze`; a post's fragment as its whole text is analysed, the tokens within it):\n\n")
                .append("| where | text | smartcn | cjk |\n|---|---|---|---|\n");
        Map<String, Post> byId = posts.stream().collect(java.util.stream.Collectors.toMap(Post::id, p -> p));
        for (Example e : SEGMENTATION_EXAMPLES) {
            String text = e.post() == null ? e.fragment() : byId.get(e.post()).text();
            int from = text.indexOf(e.fragment());
            assertThat(from).as("%s contains '%s'", e.post(), e.fragment()).isNotNegative();
            int to = from + e.fragment().length();
            sb.append("| ").append(e.post() == null ? "query" : e.post()).append(" | ").append(e.fragment())
                    .append(" | ").append(String.join(" / ", analyze(stack, "smartcn", text, from, to)))
                    .append(" | ").append(String.join(" ", analyze(stack, "cjk", text, from, to))).append(" |\n");
        }
        return sb.append(END).toString();
    }

    private static void summaryRow(StringBuilder sb, Search s) {
        Summary m = Summary.of(OUTCOMES.get(s));
        sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %d | %d |\n",
                s.label, s.dsl, m.retrieved(), m.correct(), m.retrieved() - m.correct(), m.relevant() - m.correct(),
                m.microPrecision(), m.microRecall(), m.microF1(), m.macroPrecision(), m.macroRecall(), m.allFound(), m.noneWrong()));
    }

    /**
     * The tokens of {@code text} within characters {@code from} to {@code to}. A token across either
     * end would be left out of the report silently, so none may be: fragments are whole words.
     */
    private static List<String> analyze(LocalStack stack, String analyzer, String text, int from, int to) throws IOException {
        List<String> tokens = new ArrayList<>();
        for (AnalyzeToken t : stack.client().indices().analyze(a -> a.analyzer(analyzer).text(text)).tokens()) {
            boolean inside = t.startOffset() >= from && t.endOffset() <= to;
            boolean outside = t.endOffset() <= from || t.startOffset() >= to;
            // cjk bigrams always straddle a fragment's ends (the characters beside it); they belong to the context.
            assertThat(inside || outside || analyzer.equals("cjk")).as("%s token '%s' crosses the end of fragment %d-%d of %s",
                    analyzer, t.token(), from, to, text).isTrue();
            if (inside) {
                tokens.add(t.token());
            }
        }
        return tokens;
    }
}
