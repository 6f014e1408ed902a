package dev.yuqing.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kibana saved objects (NDJSON, one object a line, as Kibana's import takes them) and their
 * checks, since Kibana cannot run here: every line parses; ids are unique; every reference
 * resolves inside the file; a data view's title is an index family and its time field a date in
 * that family's template; a saved search's columns, sort fields and query fields exist in its data
 * view's template, and it sorts on a field that can be sorted; every layer of a Lens visualisation
 * has a data view, each column's field is in that view's template with a type its operation
 * accepts (terms on keyword, boolean or numbers; date histograms on dates; averages and sums on
 * numbers…), the columns the chart and the terms ordering name are in the layer, and the query's
 * fields exist; every panel of a dashboard names a saved object that is in the file.
 */
public final class SavedObjects {
    public static final String RESOURCE = "/kibana/yuqing.ndjson";
    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*(:|<=|>=|<|>)");
    private static final Set<String> SORTABLE = Set.of("keyword", "date", "long", "integer", "double", "float", "boolean");
    private static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float");
    /** Lens's own name for "count the documents", which is no field. */
    static final String RECORDS = "___records___";
    /** Where a Lens visualisation names the columns it draws, by visualisation type. */
    private static final List<String> ACCESSOR_KEYS = List.of("xAccessor", "splitAccessor", "accessors", "metricAccessor", "primaryGroups",
            "metrics", "columnId");
    private static final int GRID_COLUMNS = 48;

    private final byte[] ndjson;
    private final List<JsonNode> objects;

    private SavedObjects(byte[] ndjson, List<JsonNode> objects) {
        this.ndjson = ndjson;
        this.objects = objects;
    }

    public static SavedObjects shipped() {
        try (InputStream in = SavedObjects.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no saved objects resource " + RESOURCE);
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE + " failed", e);
        }
    }

    /** Parses the NDJSON; a line that is not a JSON object with type, id and attributes is an error naming the line. */
    public static SavedObjects parse(byte[] ndjson) {
        List<JsonNode> objects = new ArrayList<>();
        String[] lines = new String(ndjson, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            JsonNode o;
            try {
                o = Json.MAPPER.readTree(lines[i]);
            } catch (IOException e) {
                throw new IllegalArgumentException("saved objects line " + (i + 1) + " is not JSON: " + e.getMessage());
            }
            if (!o.isObject() || !o.path("type").isTextual() || !o.path("id").isTextual() || !o.path("attributes").isObject()) {
                throw new IllegalArgumentException("saved objects line " + (i + 1) + " needs type, id and attributes");
            }
            objects.add(o);
        }
        return new SavedObjects(ndjson, objects);
    }

    public byte[] ndjson() {
        return ndjson.clone();
    }

    public List<JsonNode> objects() {
        return List.copyOf(objects);
    }

    /** Every problem found, each naming the object; empty when the set is consistent with the templates. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode o : objects) {
            if (byKey.put(key(o.get("type").asText(), o.get("id").asText()), o) != null) {
                out.add(name(o) + ": duplicate id");
            }
        }
        Map<String, Map<String, String>> fieldsByFamily = new HashMap<>();
        for (JsonNode o : objects) {
            for (JsonNode r : o.path("references")) {
                if (!byKey.containsKey(key(r.path("type").asText(), r.path("id").asText()))) {
                    out.add(name(o) + ": reference " + r.path("name").asText() + " to " + r.path("type").asText() + " "
                            + r.path("id").asText() + " is not in the file");
                }
            }
            switch (o.get("type").asText()) {
                case "index-pattern" -> checkDataView(o, fieldsByFamily, out);
                case "search" -> checkSearch(o, byKey, fieldsByFamily, out);
                case "lens" -> checkLens(o, byKey, fieldsByFamily, out);
                case "dashboard" -> checkDashboard(o, byKey, out);
                default -> { } // other kinds are checked by their references only
            }
        }
        return out;
    }

    private static void checkDataView(JsonNode o, Map<String, Map<String, String>> cache, List<String> out) {
        String title = o.at("/attributes/title").asText();
        Map<String, String> fields = fields(title, cache);
        if (fields == null) {
            out.add(name(o) + ": title " + title + " is no index family (" + IndexTemplates.ALL + ")");
            return;
        }
        String time = o.at("/attributes/timeFieldName").asText(null);
        if (time != null && !"date".equals(fields.get(time))) {
            out.add(name(o) + ": time field " + time + " is " + fields.get(time) + " in the template, not a date");
        }
    }

    private static void checkSearch(JsonNode o, Map<String, JsonNode> byKey, Map<String, Map<String, String>> cache, List<String> out) {
        JsonNode view = null;
        for (JsonNode r : o.path("references")) {
            if (view == null && r.path("type").asText().equals("index-pattern")) {
                view = byKey.get(key("index-pattern", r.path("id").asText())); // a missing one is reported above
            }
        }
        if (view == null) {
            out.add(name(o) + ": no data view");
            return;
        }
        Map<String, String> fields = fields(view.at("/attributes/title").asText(), cache);
        if (fields == null) {
            return; // reported with the data view
        }
        for (JsonNode c : o.at("/attributes/columns")) {
            if (!fields.containsKey(c.asText())) {
                out.add(name(o) + ": column " + c.asText() + " is not in the template");
            }
        }
        for (JsonNode s : o.at("/attributes/sort")) {
            String f = s.get(0).asText();
            if (!SORTABLE.contains(fields.get(f))) {
                out.add(name(o) + ": sort field " + f + " is " + fields.get(f) + ", which cannot be sorted on");
            }
        }
        try {
            JsonNode source = Json.MAPPER.readTree(o.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON").asText());
            Matcher m = KQL_FIELD.matcher(source.at("/query/query").asText());
            while (m.find()) {
                if (!fields.containsKey(m.group(1))) {
                    out.add(name(o) + ": query field " + m.group(1) + " is not in the template");
                }
            }
        } catch (IOException e) {
            out.add(name(o) + ": searchSourceJSON is not JSON");
        }
    }

    /**
     * The mapping types a Lens operation accepts for its field, as Kibana 8.19 offers them in the
     * editor; null for an operation these checks do not know (reported, so that a new operation is
     * looked at rather than passed unchecked).
     */
    static Set<String> accepted(String operation) {
        return switch (operation) {
            case "terms" -> union(NUMERIC, Set.of("keyword", "boolean", "ip"));
            case "date_histogram" -> Set.of("date", "date_nanos");
            case "average", "sum", "min", "max", "median", "standard_deviation", "percentile", "percentile_rank" -> NUMERIC;
            case "unique_count" -> union(NUMERIC, Set.of("keyword", "date", "boolean", "ip"));
            case "last_value" -> union(NUMERIC, Set.of("keyword", "date", "boolean", "ip"));
            default -> null;
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    private static void checkLens(JsonNode o, Map<String, JsonNode> byKey, Map<String, Map<String, String>> cache, List<String> out) {
        JsonNode state = o.at("/attributes/state");
        JsonNode layers = state.at("/datasourceStates/formBased/layers");
        if (!layers.isObject() || layers.isEmpty()) {
            out.add(name(o) + ": no formBased layers");
            return;
        }
        Set<String> allColumns = new java.util.HashSet<>();
        Map<String, String> firstFields = null;
        for (var layerEntry : (Iterable<Map.Entry<String, JsonNode>>) layers::fields) {
            String layerId = layerEntry.getKey();
            JsonNode layer = layerEntry.getValue();
            JsonNode columns = layer.path("columns");
            columns.fieldNames().forEachRemaining(allColumns::add); // a layer without a data view still has its columns
            String refName = "indexpattern-datasource-layer-" + layerId;
            JsonNode view = null;
            for (JsonNode r : o.path("references")) {
                if (r.path("name").asText().equals(refName) && r.path("type").asText().equals("index-pattern")) {
                    view = byKey.get(key("index-pattern", r.path("id").asText())); // a missing one is reported with the references
                }
            }
            if (view == null) {
                out.add(name(o) + ": layer " + layerId + " has no data view (no index-pattern reference " + refName + " in the file)");
                continue;
            }
            Map<String, String> fields = fields(view.at("/attributes/title").asText(), cache);
            if (fields == null) {
                continue; // reported with the data view
            }
            if (firstFields == null) {
                firstFields = fields;
            }
            for (var c : (Iterable<Map.Entry<String, JsonNode>>) columns::fields) {
                checkColumn(name(o) + ": layer " + layerId + " column " + c.getKey(), c.getValue(), columns, fields, out);
            }
            for (JsonNode id : layer.path("columnOrder")) {
                if (!columns.has(id.asText())) {
                    out.add(name(o) + ": layer " + layerId + " orders column " + id.asText() + ", which it does not have");
                }
            }
        }
        for (String id : accessors(state.path("visualization"), new ArrayList<>())) {
            if (!allColumns.contains(id)) {
                out.add(name(o) + ": the visualisation draws column " + id + ", which no layer has");
            }
        }
        if (firstFields != null) {
            Matcher m = KQL_FIELD.matcher(state.at("/query/query").asText());
            while (m.find()) {
                if (!firstFields.containsKey(m.group(1))) {
                    out.add(name(o) + ": query field " + m.group(1) + " is not in the template");
                }
            }
        }
    }

    private static void checkColumn(String where, JsonNode c, JsonNode columns, Map<String, String> fields, List<String> out) {
        String op = c.path("operationType").asText();
        String field = c.path("sourceField").asText(null);
        if (op.equals("count")) {
            if (field != null && !field.equals(RECORDS) && !fields.containsKey(field)) {
                out.add(where + ": count of " + field + ", which is not in the template");
            }
            return;
        }
        Set<String> accepted = accepted(op);
        if (accepted == null) {
            out.add(where + ": operation " + op + " is not one these checks know");
            return;
        }
        String type = fields.get(field);
        if (type == null) {
            out.add(where + ": " + op + " on " + field + ", which is not in the template");
        } else if (!accepted.contains(type)) {
            out.add(where + ": " + op + " on " + field + ", which is " + type + "; " + op + " takes " + new java.util.TreeSet<>(accepted));
        }
        if (op.equals("last_value")) {
            String sort = c.at("/params/sortField").asText(null);
            if (sort == null || !"date".equals(fields.get(sort))) {
                out.add(where + ": last_value sorted by " + sort + ", which is " + fields.get(sort) + " in the template, not a date");
            }
        }
        JsonNode orderBy = c.at("/params/orderBy");
        if (orderBy.path("type").asText().equals("column") && !columns.has(orderBy.path("columnId").asText())) {
            out.add(where + ": ordered by column " + orderBy.path("columnId").asText() + ", which the layer does not have");
        }
    }

    /** Every column id a visualisation state names (accessors of layers, a datatable's columns). */
    private static List<String> accessors(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (ACCESSOR_KEYS.contains(e.getKey())) {
                    if (e.getValue().isTextual()) {
                        out.add(e.getValue().asText());
                    } else {
                        e.getValue().forEach(v -> {
                            if (v.isTextual()) {
                                out.add(v.asText());
                            }
                        });
                    }
                } else {
                    accessors(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(v -> accessors(v, out));
        }
        return out;
    }

    private static void checkDashboard(JsonNode o, Map<String, JsonNode> byKey, List<String> out) {
        JsonNode panels;
        try {
            panels = Json.MAPPER.readTree(o.at("/attributes/panelsJSON").asText());
        } catch (IOException e) {
            out.add(name(o) + ": panelsJSON is not JSON");
            return;
        }
        if (!panels.isArray() || panels.isEmpty()) {
            out.add(name(o) + ": no panels");
            return;
        }
        Set<String> indices = new java.util.HashSet<>();
        for (JsonNode p : panels) {
            String index = p.path("panelIndex").asText();
            String where = name(o) + ": panel " + index;
            if (!indices.add(index)) {
                out.add(where + ": duplicate panelIndex");
            }
            JsonNode grid = p.path("gridData");
            if (grid.path("x").asInt(-1) < 0 || grid.path("w").asInt(0) <= 0 || grid.path("h").asInt(0) <= 0
                    || grid.path("x").asInt() + grid.path("w").asInt() > GRID_COLUMNS || !grid.path("i").asText().equals(index)) {
                out.add(where + ": gridData " + grid + " is not a place in the " + GRID_COLUMNS + "-column grid with i = panelIndex");
            }
            String refName = p.path("panelRefName").asText(null);
            if (refName == null) {
                out.add(where + ": no panelRefName (a panel must be a saved object in the file, so that the checks see it)");
                continue;
            }
            JsonNode ref = null;
            for (JsonNode r : o.path("references")) {
                String n = r.path("name").asText();
                if (n.equals(refName) || n.equals(index + ":" + refName)) {
                    ref = r;
                }
            }
            if (ref == null) {
                out.add(where + ": no reference named " + refName + " or " + index + ":" + refName);
            } else if (!byKey.containsKey(key(ref.path("type").asText(), ref.path("id").asText()))) {
                out.add(where + ": " + ref.path("type").asText() + " " + ref.path("id").asText() + " is not in the file");
            } else if (!ref.path("type").asText().equals(p.path("type").asText())) {
                out.add(where + ": a " + p.path("type").asText() + " panel refers to a " + ref.path("type").asText());
            }
        }
    }

    /** Field path → mapping type of an index family's template (sub-fields as {@code a.b}), or null for no family. */
    static Map<String, String> fields(String family, Map<String, Map<String, String>> cache) {
        if (!IndexTemplates.ALL.contains(family)) {
            return null;
        }
        return cache.computeIfAbsent(family, f -> {
            try (InputStream in = IndexTemplates.resource(f)) {
                Map<String, String> out = new HashMap<>();
                collect("", Json.MAPPER.readTree(in).at("/template/mappings/properties"), out);
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException("reading template " + f + " failed", e);
            }
        });
    }

    private static void collect(String prefix, JsonNode properties, Map<String, String> out) {
        properties.fields().forEachRemaining(e -> {
            String path = prefix + e.getKey();
            JsonNode def = e.getValue();
            out.put(path, def.path("type").asText("object"));
            if (def.has("properties")) {
                collect(path + ".", def.get("properties"), out);
            }
            if (def.has("fields")) {
                collect(path + ".", def.get("fields"), out);
            }
        });
    }

    private static String key(String type, String id) {
        return type + "/" + id;
    }

    private static String name(JsonNode o) {
        return o.get("type").asText() + " " + o.get("id").asText();
    }
}
