package dev.yuqing.dashboards;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.config.CommonOptions;
import dev.yuqing.core.config.Config;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exports what an analyst's search finds to CSV (UTF-8 with a byte-order mark, so that Excel opens
 * Chinese text right; RFC 4180 quoting): a Lucene query string (the syntax of Kibana's Lucene
 * mode and of docs/search.md) over an index or alias, optionally within a time range, newest
 * first, paged through a point in time so the export is consistent while the jobs keep writing.
 */
public final class SearchExport {
    public static final ConfigKey<String> INDEX = ConfigKey.string("export.index", IndexTemplates.POSTS,
            "index or alias to search (yuqing-posts, yuqing-alerts, yuqing-inspections, yuqing-messages, …)");
    public static final ConfigKey<String> QUERY = ConfigKey.string("export.query", "*",
            "Lucene query string, e.g. text:\"停水\" AND region:南湖区 (see docs/search.md)");
    public static final ConfigKey<String> TIME_FIELD = ConfigKey.string("export.time.field", "publishedAt",
            "date field the range and the order apply to");
    public static final ConfigKey<String> FROM = ConfigKey.optionalString("export.from",
            "earliest time, inclusive (ISO-8601 or date math such as now-7d); empty: no bound");
    public static final ConfigKey<String> TO = ConfigKey.optionalString("export.to", "latest time, exclusive; empty: no bound");
    public static final ConfigKey<String> FIELDS = ConfigKey.string("export.fields",
            "id,publishedAt,source,account,region,title,text,sentiment.label,harmful.categories,url",
            "columns, comma-separated; nested fields with dots; lists are joined with ';'");
    public static final ConfigKey<Integer> MAX = ConfigKey.integer("export.max", 100_000, 1, 10_000_000, "most rows written");
    public static final ConfigKey<String> OUT = ConfigKey.string("export.out", "-", "CSV file to write; - for standard output");

    public static final ConfigDef DEF = new ConfigDef("search export", CommonOptions.ES_URLS, CommonOptions.ES_USERNAME,
            CommonOptions.ES_PASSWORD, INDEX, QUERY, TIME_FIELD, FROM, TO, FIELDS, MAX, OUT);
    private static final int PAGE = 1000;

    private SearchExport() {}

    /** Writes the matching documents as CSV to {@code out}; returns the number of rows. */
    public static long export(ElasticsearchClient client, Config c, Writer out) throws IOException {
        List<String> fields = Arrays.stream(c.get(FIELDS).split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
        Query query = query(c);
        String pit = client.openPointInTime(p -> p.index(c.get(INDEX)).keepAlive(k -> k.time("2m"))).id();
        long rows = 0;
        try {
            out.write('\uFEFF');
            writeRow(out, fields);
            List<FieldValue> after = List.of();
            while (rows < c.get(MAX)) {
                List<FieldValue> searchAfter = after;
                SearchResponse<JsonNode> r = client.search(s -> {
                    s.pit(p -> p.id(pit).keepAlive(k -> k.time("2m"))).size(PAGE).query(query)
                            .sort(o -> o.field(f -> f.field(c.get(TIME_FIELD)).order(SortOrder.Desc)))
                            .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
                    if (!searchAfter.isEmpty()) {
                        s.searchAfter(searchAfter);
                    }
                    return s;
                }, JsonNode.class);
                if (r.hits().hits().isEmpty()) {
                    break;
                }
                for (Hit<JsonNode> h : r.hits().hits()) {
                    if (rows >= c.get(MAX)) {
                        break;
                    }
                    List<String> row = new ArrayList<>(fields.size());
                    for (String f : fields) {
                        row.add(value(h.source(), f));
                    }
                    writeRow(out, row);
                    rows++;
                }
                after = r.hits().hits().get(r.hits().hits().size() - 1).sort();
            }
        } finally {
            client.closePointInTime(p -> p.id(pit));
        }
        out.flush();
        return rows;
    }

    static Query query(Config c) {
        Query text = Query.of(q -> q.queryString(s -> s.query(c.get(QUERY)).defaultOperator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)));
        String from = c.get(FROM);
        String to = c.get(TO);
        if (from.isBlank() && to.isBlank()) {
            return text;
        }
        Query range = Query.of(q -> q.range(r -> r.date(d -> {
            d.field(c.get(TIME_FIELD));
            if (!from.isBlank()) {
                d.gte(from);
            }
            if (!to.isBlank()) {
                d.lt(to);
            }
            return d;
        })));
        return Query.of(q -> q.bool(b -> b.must(text).filter(range)));
    }

    /** A field of a document by its dotted path; lists joined with ';'; absent is empty. */
    static String value(JsonNode doc, String path) {
        JsonNode n = doc;
        for (String part : path.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        if (n == null || n.isNull()) {
            return "";
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(e -> parts.add(e.isValueNode() ? e.asText() : e.toString()));
            return String.join(";", parts);
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }

    /** One CSV row: a field with a comma, quote or line break is quoted, quotes doubled (RFC 4180). */
    static void writeRow(Writer out, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String v = values.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                out.write('"' + v.replace("\"", "\"\"") + '"');
            } else {
                out.write(v);
            }
        }
        out.write("\r\n");
    }

    public static void main(String[] args) throws Exception {
        Config c = DEF.fromArgsOrExit(args);
        EsConnection connection = EsConnection.of(c.get(CommonOptions.ES_URLS), c.get(CommonOptions.ES_USERNAME), c.get(CommonOptions.ES_PASSWORD));
        ElasticsearchClient client = connection.open();
        String out = c.get(OUT);
        try (Writer w = out.equals("-") ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
            long rows = export(client, c, w);
            System.err.println(rows + " rows exported from " + c.get(INDEX));
        } finally {
            EsConnection.close(client);
        }
    }
}
