package dev.yuqing.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the Lens visualisations and the four dashboards into {@code kibana/yuqing.ndjson}: a Lens
 * object spelled out by hand is some hundred lines of JSON in which one wrong column id goes
 * unnoticed, so they are described here, a panel a few lines, and rendered. The data views and the
 * saved searches stay hand-written in the file and are kept as they are; the generated lines follow
 * them. {@code KibanaDashboardsTest} fails when the file is not what this class renders, so a change
 * here without running it does not reach Kibana unnoticed. Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl dashboards exec:java -Dexec.mainClass=dev.yuqing.dashboards.KibanaDashboards
 * </pre>
 *
 * <p>The objects are in the Kibana 8.9+ shape (the {@code formBased} data source, a pie's
 * {@code metrics} list) and say so with {@code typeMigrationVersion}, so Kibana 8.19 migrates them
 * from there on import rather than from 7.x.
 */
public final class KibanaDashboards {
    static final Path FILE = Path.of("dashboards/src/main/resources/kibana/yuqing.ndjson");
    private static final Set<String> GENERATED = Set.of("lens", "dashboard");
    private static final String VERSION = "8.9.0";

    private KibanaDashboards() {}

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : FILE;
        String rendered = render(Files.readString(file, StandardCharsets.UTF_8));
        Files.writeString(file, rendered, StandardCharsets.UTF_8);
        System.out.println("wrote " + file.toAbsolutePath());
    }

    /** The file's hand-written lines (data views, saved searches) followed by the generated objects. */
    public static String render(String ndjson) {
        StringBuilder out = new StringBuilder();
        for (String line : ndjson.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                if (!GENERATED.contains(Json.MAPPER.readTree(line).path("type").asText())) {
                    out.append(line).append('\n');
                }
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not a JSON line: " + line, e);
            }
        }
        for (ObjectNode o : objects()) {
            try {
                out.append(Json.MAPPER.writeValueAsString(o)).append('\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    /** The Lens objects, then the dashboards that lay them out. */
    static List<ObjectNode> objects() {
        List<ObjectNode> out = new ArrayList<>();
        for (Board b : boards()) {
            for (Panel p : b.panels) {
                out.add(p.lens.toSavedObject());
            }
            out.add(b.toSavedObject());
        }
        return out;
    }

    static List<Board> boards() {
        return List.of(overview(), alerts(), events(), inspection());
    }

    // ---- the dashboards -------------------------------------------------------------------------

    private static Board overview() {
        String v = "yuqing-dv-posts";
        return new Board("yuqing-dashboard-overview", "舆情总览",
                "Post volume, sentiment, sources, regions, keywords and harmful content of all monitored posts",
                new Panel(0, 0, 12, 8, Lens.metric("yuqing-lens-posts-total", "帖子总数", v, "", count("帖子数"))),
                new Panel(12, 0, 12, 8, Lens.metric("yuqing-lens-posts-sentiment-mean", "平均情感得分", v, "",
                        metric("average", "sentiment.score", "平均情感得分"))),
                new Panel(24, 0, 12, 8, Lens.metric("yuqing-lens-posts-negative", "负面帖子数", v, "sentiment.label : \"negative\"", count("负面帖子"))),
                new Panel(36, 0, 12, 8, Lens.metric("yuqing-lens-posts-harmful", "违法有害帖子数", v, "harmful.flagged : true", count("有害帖子"))),
                new Panel(0, 8, 24, 14, Lens.xy("yuqing-lens-posts-volume-by-source", "帖子量趋势（按来源）", v, "", "bar_stacked",
                        dateHistogram("publishedAt", "发布时间"), count("帖子数"), terms("source", 10, "来源"))),
                new Panel(24, 8, 24, 14, Lens.xy("yuqing-lens-posts-sentiment-over-time", "情感趋势", v, "", "area_stacked",
                        dateHistogram("publishedAt", "发布时间"), count("帖子数"), terms("sentiment.label", 3, "情感"))),
                new Panel(0, 22, 16, 14, Lens.pie("yuqing-lens-posts-by-source", "来源分布", v, "", terms("source", 10, "来源"), count("帖子数"))),
                new Panel(16, 22, 16, 14, Lens.xy("yuqing-lens-posts-by-region", "地区分布", v, "", "bar_horizontal",
                        terms("region", 20, "地区"), count("帖子数"), null)),
                new Panel(32, 22, 16, 14, Lens.pie("yuqing-lens-posts-harmful-categories", "违法有害信息类别", v, "harmful.flagged : true",
                        terms("harmful.categories", 10, "类别"), count("帖子数"))),
                new Panel(0, 36, 48, 14, Lens.table("yuqing-lens-posts-top-keywords", "热词 Top 30", v, "",
                        List.of(terms("keywords", 30, "关键词")), List.of(count("帖子数"), metric("average", "sentiment.score", "平均情感得分")))));
    }

    private static Board alerts() {
        String v = "yuqing-dv-alerts";
        return new Board("yuqing-dashboard-alerts", "预警处置",
                "Alerts by level, type and handling status, the time handlers take to acknowledge them, and the alerts still open",
                new Panel(0, 0, 12, 8, Lens.metric("yuqing-lens-alerts-open-count", "未处置预警数", v, "status : \"open\"", count("未处置"))),
                new Panel(12, 0, 36, 22, Lens.xy("yuqing-lens-alerts-level-status", "预警级别与处置状态", v, "", "bar_stacked",
                        terms("level", 4, "级别"), count("预警数"), terms("status", 3, "状态"))),
                new Panel(0, 8, 12, 14, Lens.pie("yuqing-lens-alerts-by-status", "处置状态", v, "", terms("status", 3, "状态"), count("预警数"))),
                new Panel(0, 22, 24, 14, Lens.xy("yuqing-lens-alerts-over-time", "预警趋势（按类型）", v, "", "bar_stacked",
                        dateHistogram("firstSeen", "首次发现"), count("预警数"), terms("type", 10, "类型"))),
                new Panel(24, 22, 24, 14, Lens.xy("yuqing-lens-alerts-acknowledged-by", "确认人", v, "acknowledged.by : *", "bar_horizontal",
                        terms("acknowledged.by", 20, "确认人"), count("已确认预警"), null)),
                new Panel(0, 36, 12, 12, Lens.metric("yuqing-lens-alerts-ack-minutes", "平均确认用时（分钟）", v, "acknowledged.minutes : *",
                        metric("average", "acknowledged.minutes", "平均确认用时"))),
                new Panel(12, 36, 36, 12, Lens.xy("yuqing-lens-alerts-ack-minutes-by-level", "确认用时（按级别，分钟）", v, "acknowledged.minutes : *",
                        "bar", terms("level", 4, "级别"), metric("average", "acknowledged.minutes", "平均确认用时"), null)),
                new Panel(0, 48, 48, 16, Lens.table("yuqing-lens-alerts-open-table", "未处置预警", v, "status : \"open\"",
                        List.of(terms("title.keyword", 50, "预警"), terms("level", 4, "级别"), terms("type", 10, "类型")),
                        List.of(metric("sum", "count", "发现次数")))));
    }

    private static Board events() {
        String e = "yuqing-dv-events";
        String t = "yuqing-dv-trends";
        return new Board("yuqing-dashboard-events", "热点事件",
                "Events over time by level, the largest events with their keywords and representative posts, and bursting terms",
                new Panel(0, 0, 24, 14, Lens.xy("yuqing-lens-events-over-time", "事件趋势（按级别）", e, "", "bar_stacked",
                        dateHistogram("firstSeen", "首次出现"), count("事件数"), terms("level", 4, "级别"))),
                new Panel(24, 0, 24, 14, Lens.xy("yuqing-lens-trends-bursts", "突增词", t, "burst : true", "bar_horizontal",
                        terms("term", 20, "词"), metric("max", "score", "最高突增分"), null)),
                new Panel(0, 14, 48, 16, Lens.table("yuqing-lens-events-top", "热点事件 Top 20", e, "",
                        List.of(terms("title.keyword", 20, "事件")),
                        List.of(metric("max", "volume", "帖子量"), metric("max", "reach", "传播量"),
                                lastValue("keywords", "lastSeen", "关键词"), lastValue("peakLevel", "lastSeen", "最高级别")))),
                new Panel(0, 30, 24, 14, Lens.pie("yuqing-lens-events-by-source", "事件来源", e, "", terms("sources", 10, "来源"), count("事件数"))),
                new Panel(24, 30, 24, 14, Lens.xy("yuqing-lens-trends-term-volume", "突增词词频趋势", t, "burst : true", "line",
                        dateHistogram("windowEnd", "窗口结束"), metric("sum", "count", "词频"), terms("term", 5, "词"))),
                new Panel(0, 44, 48, 16, Lens.table("yuqing-lens-events-representatives", "热点事件代表性帖子", e, "",
                        List.of(terms("title.keyword", 10, "事件"), terms("representatives.title.keyword", 3, "代表性帖子")),
                        List.of(metric("max", "volume", "帖子量")))));
    }

    private static Board inspection() {
        String f = "yuqing-dv-inspections";
        String s = "yuqing-dv-scores";
        String m = "yuqing-dv-messages";
        String r = "yuqing-dv-reply-stats";
        String p = "yuqing-dv-probes";
        return new Board("yuqing-dashboard-inspection", "网站与新媒体巡检",
                "Open inspection findings by kind and unit, veto items, scores, overdue citizen messages and on-time replies by unit, "
                        + "open dead links, site availability from probes, and sources not read",
                new Panel(0, 0, 12, 8, Lens.metric("yuqing-lens-findings-open-count", "未整改问题数", f, "status : \"open\" and stage : \"breach\"",
                        count("未整改"))),
                new Panel(12, 0, 12, 8, Lens.metric("yuqing-lens-messages-count", "留言数", m, "", metric("unique_count", "thread", "留言数"))),
                new Panel(0, 8, 24, 14, Lens.xy("yuqing-lens-findings-open-by-unit", "未整改问题（按单位和类型）", f, "status : \"open\"",
                        "bar_horizontal_stacked", terms("ownerUnit", 20, "责任单位"), count("问题数"), terms("kind", 10, "类型"))),
                new Panel(24, 0, 24, 22, Lens.table("yuqing-lens-findings-veto", "否决项", f, "veto : true",
                        List.of(terms("ruleId", 20, "规则"), terms("targetName", 50, "对象"), terms("status", 2, "状态")),
                        List.of(count("问题数")))),
                new Panel(0, 22, 24, 16, Lens.table("yuqing-lens-scores", "巡检评分", s, "",
                        List.of(terms("targetId", 100, "网站或账号"), terms("passed", 2, "合格")),
                        List.of(metric("max", "score", "得分"), metric("max", "passMark", "合格线"), metric("max", "maxScore", "满分")))),
                new Panel(24, 22, 24, 16, Lens.table("yuqing-lens-messages-overdue", "超期未答复留言", m,
                        "state : \"overdue\" or state : \"unanswered\"",
                        List.of(terms("ownerUnit", 20, "责任单位"), terms("boardName", 20, "栏目"), terms("state", 2, "状态")),
                        List.of(count("留言数")))),
                new Panel(0, 38, 48, 14, Lens.xy("yuqing-lens-reply-on-time", "按时答复率（按单位）", r, "", "bar_horizontal",
                        terms("ownerUnit", 50, "责任单位"), metric("average", "onTimeShare", "按时答复率"), null)),
                new Panel(0, 52, 24, 16, Lens.table("yuqing-lens-dead-links-open", "未修复的不可用链接", f,
                        "kind : \"dead-link\" and status : \"open\"",
                        List.of(terms("scoredId", 20, "网站"), terms("targetName", 50, "栏目"), terms("evidence.urls", 100, "链接")),
                        List.of(count("问题数")))),
                new Panel(24, 52, 24, 16, Lens.xy("yuqing-lens-probes-by-site", "站点可用性（按站点，探测结果）", p, "", "bar_horizontal_stacked",
                        terms("siteId", 50, "网站"), count("探测次数"), terms("outcome", 3, "结果"))),
                new Panel(0, 68, 24, 14, Lens.table("yuqing-lens-probes-bad", "无法访问或超过15秒的探测", p, "failed : true or slow : true",
                        List.of(terms("siteId", 50, "网站"), terms("outcome", 3, "结果")),
                        List.of(count("探测次数"), metric("max", "loadMillis", "最长用时（毫秒）")))),
                new Panel(24, 68, 24, 14, Lens.table("yuqing-lens-sources-unread", "数据源未读取（运维）", f,
                        "kind : \"source-not-read\" and status : \"open\"",
                        List.of(terms("targetName", 50, "栏目或账号"), terms("ownerUnit", 20, "责任单位")),
                        List.of(count("问题数"), lastValue("targetId", "firstSeen", "编号")))));
    }

    // ---- columns --------------------------------------------------------------------------------

    /** A Lens column: its id in the layer and its definition. */
    record Column(String id, ObjectNode json) {
        boolean bucketed() {
            return json.get("isBucketed").asBoolean();
        }
    }

    private static ObjectNode column(String label, String dataType, String op, String field, boolean bucketed, String scale) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("label", label).put("customLabel", true).put("dataType", dataType).put("operationType", op);
        c.put("sourceField", field).put("isBucketed", bucketed).put("scale", scale);
        return c;
    }

    static Column count(String label) {
        return new Column(null, column(label, "number", "count", "___records___", false, "ratio"));
    }

    static Column metric(String op, String field, String label) {
        return new Column(null, column(label, "number", op, field, false, "ratio"));
    }

    /** The value of {@code field} in the latest document by {@code sortField} (a date), as Lens's "last value". */
    static Column lastValue(String field, String sortField, String label) {
        ObjectNode c = column(label, "string", "last_value", field, false, "ordinal");
        c.putObject("params").put("sortField", sortField).put("showArrayValues", true);
        return new Column(null, c);
    }

    static Column dateHistogram(String field, String label) {
        ObjectNode c = column(label, "date", "date_histogram", field, true, "interval");
        c.putObject("params").put("interval", "auto").put("includeEmptyRows", true).put("dropPartials", false);
        return new Column(null, c);
    }

    /** Top {@code size} values, ordered by the layer's first metric (filled in when the layer is built). */
    static Column terms(String field, int size, String label) {
        ObjectNode c = column(label, "string", "terms", field, true, "ordinal");
        ObjectNode p = c.putObject("params");
        p.put("size", size).put("orderDirection", "desc").put("otherBucket", false).put("missingBucket", false);
        return new Column(null, c);
    }

    // ---- Lens -----------------------------------------------------------------------------------

    /** One Lens visualisation with one layer on one data view. */
    static final class Lens {
        final String id;
        final String title;
        final String type;
        final String view;
        final String kql;
        final String layer;
        final List<Column> columns = new ArrayList<>();
        final ObjectNode visualization = Json.MAPPER.createObjectNode();

        private Lens(String id, String title, String type, String view, String kql) {
            this.id = id;
            this.title = title;
            this.type = type;
            this.view = view;
            this.kql = kql;
            this.layer = "layer-" + id.substring("yuqing-lens-".length());
        }

        /** Gives each column a stable id (layer-local) and orders terms by the first metric. */
        private Column add(Column c) {
            if (c == null) {
                return null;
            }
            Column named = new Column("col" + (columns.size() + 1), c.json().deepCopy());
            columns.add(named);
            return named;
        }

        private void orderTermsByFirstMetric() {
            Column first = columns.stream().filter(c -> !c.bucketed() && !c.json().get("operationType").asText().equals("last_value"))
                    .findFirst().orElseThrow();
            for (Column c : columns) {
                if (c.json().get("operationType").asText().equals("terms")) {
                    ObjectNode p = (ObjectNode) c.json().get("params");
                    ObjectNode order = Json.MAPPER.createObjectNode().put("type", "column").put("columnId", first.id());
                    p.set("orderBy", order);
                }
            }
        }

        static Lens metric(String id, String title, String view, String kql, Column value) {
            Lens l = new Lens(id, title, "lnsMetric", view, kql);
            Column v = l.add(value);
            l.visualization.put("layerId", l.layer).put("layerType", "data").put("metricAccessor", v.id());
            return l;
        }

        /** A chart of {@code y} over {@code x}, one series per value of {@code split} when given. */
        static Lens xy(String id, String title, String view, String kql, String series, Column x, Column y, Column split) {
            Lens l = new Lens(id, title, "lnsXY", view, kql);
            Column cx = l.add(x);
            Column cs = l.add(split);
            Column cy = l.add(y);
            l.orderTermsByFirstMetric();
            l.visualization.put("preferredSeriesType", series).put("valueLabels", "hide");
            l.visualization.putObject("legend").put("isVisible", true).put("position", "right");
            ObjectNode layer = l.visualization.putArray("layers").addObject();
            layer.put("layerId", l.layer).put("layerType", "data").put("seriesType", series).put("xAccessor", cx.id());
            layer.putArray("accessors").add(cy.id());
            if (cs != null) {
                layer.put("splitAccessor", cs.id());
            }
            return l;
        }

        static Lens pie(String id, String title, String view, String kql, Column group, Column value) {
            Lens l = new Lens(id, title, "lnsPie", view, kql);
            Column g = l.add(group);
            Column v = l.add(value);
            l.orderTermsByFirstMetric();
            l.visualization.put("shape", "donut");
            ObjectNode layer = l.visualization.putArray("layers").addObject();
            layer.put("layerId", l.layer).put("layerType", "data");
            layer.putArray("primaryGroups").add(g.id());
            layer.putArray("metrics").add(v.id());
            layer.put("numberDisplay", "percent").put("categoryDisplay", "default").put("legendDisplay", "default").put("nestedLegend", false);
            return l;
        }

        static Lens table(String id, String title, String view, String kql, List<Column> rows, List<Column> values) {
            Lens l = new Lens(id, title, "lnsDatatable", view, kql);
            rows.forEach(l::add);
            values.forEach(l::add);
            l.orderTermsByFirstMetric();
            l.visualization.put("layerId", l.layer).put("layerType", "data");
            ArrayNode cols = l.visualization.putArray("columns");
            l.columns.forEach(c -> cols.addObject().put("columnId", c.id()));
            return l;
        }

        ObjectNode toSavedObject() {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("type", "lens").put("id", id);
            ObjectNode a = o.putObject("attributes");
            a.put("title", title).put("description", "").put("visualizationType", type);
            ObjectNode state = a.putObject("state");
            ObjectNode layer = state.putObject("datasourceStates").putObject("formBased").putObject("layers").putObject(this.layer);
            ObjectNode cols = layer.putObject("columns");
            ArrayNode order = layer.putArray("columnOrder");
            for (Column c : columns) {
                cols.set(c.id(), c.json());
                order.add(c.id());
            }
            layer.putObject("incompleteColumns");
            state.set("visualization", visualization);
            state.putObject("query").put("query", kql).put("language", "kuery");
            state.putArray("filters");
            state.putArray("internalReferences");
            state.putObject("adHocDataViews");
            o.putArray("references").addObject().put("type", "index-pattern").put("id", view)
                    .put("name", "indexpattern-datasource-layer-" + this.layer);
            o.put("coreMigrationVersion", "8.8.0").put("typeMigrationVersion", VERSION);
            return o;
        }
    }

    // ---- dashboards -----------------------------------------------------------------------------

    /** A Lens panel at {@code x, y} (grid of 48 columns), {@code w} wide and {@code h} high. */
    record Panel(int x, int y, int w, int h, Lens lens) {}

    static final class Board {
        final String id;
        final String title;
        final String description;
        final List<Panel> panels;

        Board(String id, String title, String description, Panel... panels) {
            this.id = id;
            this.title = title;
            this.description = description;
            this.panels = List.of(panels);
        }

        /** Panels by reference: {@code panelRefName} {@code panel_<n>}, reference {@code <n>:panel_<n>}, as Kibana itself saves them. */
        ObjectNode toSavedObject() {
            ArrayNode panelsJson = Json.MAPPER.createArrayNode();
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("type", "dashboard").put("id", id);
            ArrayNode refs = Json.MAPPER.createArrayNode();
            for (int n = 0; n < panels.size(); n++) {
                Panel p = panels.get(n);
                String index = Integer.toString(n + 1);
                ObjectNode j = panelsJson.addObject();
                j.put("version", VERSION).put("type", "lens").put("panelIndex", index);
                j.putObject("gridData").put("x", p.x()).put("y", p.y()).put("w", p.w()).put("h", p.h()).put("i", index);
                j.putObject("embeddableConfig").putObject("enhancements");
                j.put("panelRefName", "panel_" + index);
                refs.addObject().put("name", index + ":panel_" + index).put("type", "lens").put("id", p.lens().id);
            }
            ObjectNode a = o.putObject("attributes");
            a.put("title", title).put("description", description);
            a.put("panelsJSON", write(panelsJson));
            a.put("optionsJSON", "{\"useMargins\":true,\"syncColors\":false,\"syncCursor\":true,\"syncTooltips\":false,\"hidePanelTitles\":false}");
            a.put("timeRestore", false).put("version", 1);
            a.putObject("kibanaSavedObjectMeta").put("searchSourceJSON", "{\"query\":{\"query\":\"\",\"language\":\"kuery\"},\"filter\":[]}");
            o.set("references", refs);
            o.put("coreMigrationVersion", "8.8.0").put("typeMigrationVersion", VERSION);
            return o;
        }
    }

    private static String write(JsonNode n) {
        try {
            return Json.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
