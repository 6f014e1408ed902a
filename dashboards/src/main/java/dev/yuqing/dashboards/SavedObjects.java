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
 * view's template, and it sorts on a field that can be sorted.
 */
public final class SavedObjects {
    public static final String RESOURCE = "/kibana/yuqing.ndjson";
    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*(:|<=|>=|<|>)");
    private static final Set<String> SORTABLE = Set.of("keyword", "date", "long", "integer", "double", "float", "boolean");

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
