package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yuqing.core.analysis.PostAnalyzer;
import dev.yuqing.core.config.CommonOptions;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.SourceType;
import dev.yuqing.dashboards.SearchExport;
import dev.yuqing.jobs.elasticsearch.Document;
import dev.yuqing.jobs.enrich.PostDocuments;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The questions of docs/search.md on the real node, exported to CSV. */
@ExtendWith(LocalStackExtension.class)
class SearchExportIT {
    private static final String INDEX = "yuqing-posts-2099.01";
    private LocalStack stack;

    @BeforeEach
    void index(LocalStack stack) throws Exception {
        this.stack = stack;
        PostAnalyzer analyzer = PostAnalyzer.standard();
        PostDocuments docs = new PostDocuments("yuqing-posts");
        List<Post> posts = List.of(
                post("a", "南湖区幸福里小区停水一整天，物业电话打不通，太气人了", "南湖区", "2099-01-05T02:00:00Z"),
                post("b", "南湖区今天恢复供水，感谢抢修人员", "南湖区", "2099-01-06T02:00:00Z"),
                post("c", "北山区光明路停水，什么时候来水？", "北山区", "2099-01-05T03:00:00Z"),
                post("d", "南湖区通知：\"停水\"期间请储水, 谢谢配合", "南湖区", "2099-01-20T03:00:00Z"));
        for (Post p : posts) {
            Document d = docs.toDocument(new EnrichedPost(p, analyzer.analyze(p), p.publishedAt()));
            stack.client().index(i -> i.index(d.index()).id(d.id()).withJson(new ByteArrayInputStream(d.json())));
        }
        stack.client().indices().refresh(r -> r.index(INDEX));
    }

    @AfterEach
    void drop() throws Exception {
        stack.client().indices().delete(d -> d.index(INDEX));
    }

    private static Post post(String id, String text, String region, String at) {
        return new Post("export-" + id, SourceType.WEIBO, "weibo:网友" + id, null, null, null, text, Instant.parse(at), null, region,
                null, null, null);
    }

    private String export(Map<String, String> settings) throws Exception {
        Map<String, String> m = new HashMap<>(settings);
        m.put(CommonOptions.ES_URLS.name(), stack.elasticsearchUrl());
        m.put(SearchExport.INDEX.name(), "yuqing-posts");
        Config c = SearchExport.DEF.resolve(m, Map.of());
        StringWriter out = new StringWriter();
        SearchExport.export(stack.client(), c, out);
        return out.toString();
    }

    @Test
    void aPhraseInADateRangeAndARegionNewestFirst() throws Exception {
        String csv = export(Map.of(SearchExport.QUERY.name(), "(text:\"停水\" OR text.cjk:\"停水\") AND region:南湖区",
                SearchExport.FROM.name(), "2099-01-01T00:00:00+08:00", SearchExport.TO.name(), "2099-01-15T00:00:00+08:00",
                SearchExport.FIELDS.name(), "id,region,text"));
        assertThat(csv).startsWith("\uFEFFid,region,text\r\n");
        assertThat(csv.lines().skip(1).map(l -> l.split(",")[0]).toList()).containsExactly("export-a");
    }

    @Test
    void allPostsOfAnAlertByIdAndQuotingOfCommasAndQuotes() throws Exception {
        String csv = export(Map.of(SearchExport.QUERY.name(), "id:(\"export-d\" OR \"export-c\")", SearchExport.FIELDS.name(), "id,text"));
        List<String> rows = csv.lines().skip(1).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).as("newest first, and a text with a comma and quotes is quoted, quotes doubled")
                .isEqualTo("export-d,\"南湖区通知：\"\"停水\"\"期间请储水, 谢谢配合\"");
    }

    @Test
    void negativePostsAboutAnEvent() throws Exception {
        String csv = export(Map.of(SearchExport.QUERY.name(), "sentiment.label:negative AND text:\"停水\"", SearchExport.FIELDS.name(),
                "id,sentiment.label"));
        assertThat(csv.lines().skip(1).toList()).isNotEmpty().allMatch(l -> l.endsWith(",negative")).anyMatch(l -> l.startsWith("export-a,"));
    }
}
