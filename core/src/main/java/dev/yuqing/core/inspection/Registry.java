package dev.yuqing.core.inspection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.json.Json;
import dev.yuqing.core.post.Post;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sites, columns and accounts under inspection. Loaded from a JSON file
 * ({@code {"description": …, "targets": [MonitoredTarget…]}}) and changed at run time by
 * {@link RegistryChange}s from the {@code registry} topic. Immutable: {@link #apply} returns a new
 * registry, so a job can swap it in one step and never sees half a change.
 *
 * <p>Always valid: ids are unique, every column names a site that exists, a site has at most one
 * home page, periods are positive. Errors name the entry and the field.
 */
public final class Registry implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The synthetic 示范市 registry the demo and the tests use. */
    public static final String DEMO_RESOURCE = "inspection/registry-demo.json";

    private final String description;
    /** In file order, so that what is written back reads like what was loaded. */
    private final LinkedHashMap<String, MonitoredTarget> targets;

    public Registry(String description, Collection<MonitoredTarget> targets) {
        this.description = description;
        LinkedHashMap<String, MonitoredTarget> byId = new LinkedHashMap<>();
        for (MonitoredTarget t : targets) {
            if (byId.putIfAbsent(t.id(), t) != null) {
                throw new InvalidRegistryException(t.id(), "id", "appears more than once");
            }
        }
        validate(byId);
        this.targets = byId;
    }

    public static Registry empty() {
        return new Registry(null, List.of());
    }

    private static void validate(Map<String, MonitoredTarget> byId) {
        Map<String, String> homePages = new HashMap<>();
        for (MonitoredTarget t : byId.values()) {
            if (t.kind() != TargetKind.COLUMN) {
                continue;
            }
            MonitoredTarget site = byId.get(t.siteId());
            if (site == null) {
                throw new InvalidRegistryException(t.id(), "siteId", "no site '" + t.siteId() + "' in the registry");
            }
            if (site.kind() != TargetKind.SITE) {
                throw new InvalidRegistryException(t.id(), "siteId", "'" + t.siteId() + "' is a " + site.kind().code() + ", not a site");
            }
            if (t.columnType() == ColumnType.HOME_PAGE) {
                String other = homePages.putIfAbsent(t.siteId(), t.id());
                if (other != null) {
                    throw new InvalidRegistryException(t.id(), "columnType", "site '" + t.siteId() + "' already has home page '" + other + "'");
                }
            }
        }
    }

    public static Registry parse(byte[] json) {
        JsonNode root;
        try {
            root = Fields.parse(json, "the registry");
            Fields.known(root, "description", "targets");
        } catch (Fields.Problem p) {
            throw new InvalidRegistryException("registry", p.field, p.reason);
        }
        String description;
        JsonNode list;
        try {
            description = Fields.text(root, "description");
            list = Fields.array(root, "targets");
        } catch (Fields.Problem p) {
            throw new InvalidRegistryException("registry", p.field, p.reason);
        }
        List<MonitoredTarget> targets = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int i = 0;
        for (JsonNode n : list) {
            MonitoredTarget t = MonitoredTarget.read(n, "targets[" + i + "]");
            Integer before = seen.putIfAbsent(t.id(), i);
            if (before != null) {
                throw new InvalidRegistryException(t.id(), "id", "appears twice (targets[" + before + "] and targets[" + i + "])");
            }
            targets.add(t);
            i++;
        }
        return new Registry(description, targets);
    }

    public static Registry parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    public static Registry fromFile(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    public static Registry fromResource(String resource) {
        try (InputStream in = Registry.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static Registry demo() {
        return fromResource(DEMO_RESOURCE);
    }

    public String description() {
        return description;
    }

    public Optional<MonitoredTarget> get(String id) {
        return Optional.ofNullable(targets.get(id));
    }

    /** Every target, in file order (changes append). */
    public List<MonitoredTarget> targets() {
        return List.copyOf(targets.values());
    }

    public List<MonitoredTarget> columnsOf(String siteId) {
        return targets.values().stream().filter(t -> siteId.equals(t.siteId())).toList();
    }

    public int size() {
        return targets.size();
    }

    /**
     * The registry after a change. An upsert adds or replaces a target; a remove of an id that is
     * not there changes nothing, so a change delivered twice (the topic is at-least-once) is
     * harmless. A site cannot be removed while columns name it: dropping them with it would stop
     * their inspection without anyone asking for that.
     *
     * @throws InvalidRegistryException when the result would not be valid; this registry is unchanged
     */
    public Registry apply(RegistryChange change) {
        LinkedHashMap<String, MonitoredTarget> next = new LinkedHashMap<>(targets);
        switch (change.op()) {
            case UPSERT -> {
                if (change.target().equals(targets.get(change.id()))) {
                    return this;
                }
                next.put(change.id(), change.target());
            }
            case REMOVE -> {
                if (!targets.containsKey(change.id())) {
                    return this;
                }
                List<String> columns = columnsOf(change.id()).stream().map(MonitoredTarget::id).toList();
                if (!columns.isEmpty()) {
                    throw new InvalidRegistryException(change.id(), "id",
                            "the site still has columns " + String.join(", ", columns) + "; remove them first");
                }
                next.remove(change.id());
            }
        }
        return new Registry(description, next.values());
    }

    /** The target a post is a publication of (see {@link MonitoredTarget#isPublishedBy}), if any. */
    public Optional<MonitoredTarget> publisherOf(Post post) {
        MonitoredTarget t = targets.get(post.account());
        return t != null && t.isPublishedBy(post) ? Optional.of(t) : Optional.empty();
    }

    public byte[] toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (description != null) {
            root.put("description", description);
        }
        root.set("targets", Json.MAPPER.valueToTree(targets.values()));
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Registry always serialises", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Registry r && targets.equals(r.targets) && java.util.Objects.equals(description, r.description);
    }

    @Override
    public int hashCode() {
        return targets.hashCode();
    }

    @Override
    public String toString() {
        return "Registry" + targets.keySet();
    }
}
