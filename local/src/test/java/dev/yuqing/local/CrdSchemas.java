package dev.yuqing.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code openAPIV3Schema} of every served version of every CustomResourceDefinition in a
 * directory, applied to a resource as the API server applies it.
 *
 * <p>JSON Schema accepts properties a schema does not name; Kubernetes does not: a structural schema
 * prunes them, and {@code kubectl apply}'s default strict field validation refuses them, unless the
 * object says {@code x-kubernetes-preserve-unknown-fields: true}. {@link #asKubernetesReads} writes
 * that rule into the schema ({@code additionalProperties: false} on every such object), so that a
 * misspelt field fails here as it would on a cluster. The dialect is OpenAPI 3.0's; the other
 * {@code x-kubernetes-*} keywords (list types, map types, CEL rules) are read and not checked.
 */
final class CrdSchemas {
    /** A served kind at one API version. */
    record Key(String group, String version, String kind) {
        @Override
        public String toString() {
            return group + "/" + version + " " + kind;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Kubernetes' extensions of the schema language: known, so not reported as unknown keywords, and not checked. */
    private static final List<String> KUBERNETES_KEYWORDS = List.of("x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
            "x-kubernetes-embedded-resource", "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
            "x-kubernetes-validations", "example");

    private final Map<Key, Schema> schemas;

    private CrdSchemas(Map<Key, Schema> schemas) {
        this.schemas = schemas;
    }

    /** Every CRD in the directory's *.yaml and *.yml files. */
    static CrdSchemas load(Path dir) throws IOException {
        Dialect.Builder dialect = Dialect.builder(Dialects.getOpenApi30());
        KUBERNETES_KEYWORDS.forEach(k -> dialect.keyword(new NonValidationKeyword(k)));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect.build());
        Map<Key, Schema> schemas = new HashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        for (Path file : files) {
            for (KubernetesManifest crd : KubernetesManifest.read(file)) {
                if (!"CustomResourceDefinition".equals(crd.kind())) {
                    continue;
                }
                String group = KubernetesManifest.string(crd.spec(), "group");
                String kind = KubernetesManifest.string(crd.spec(), "names", "kind");
                for (Map<String, Object> version : KubernetesManifest.maps(crd.spec(), "versions")) {
                    if (!Boolean.TRUE.equals(version.get("served"))) {
                        continue;
                    }
                    JsonNode schema = MAPPER.valueToTree(KubernetesManifest.map(version, "schema", "openAPIV3Schema"));
                    schemas.put(new Key(group, (String) version.get("name"), kind), registry.getSchema(asKubernetesReads(schema)));
                }
            }
        }
        return new CrdSchemas(Map.copyOf(schemas));
    }

    Set<Key> kinds() {
        return schemas.keySet();
    }

    boolean knows(KubernetesManifest m) {
        return schemas.containsKey(key(m));
    }

    /** What the API server would refuse in the resource; empty when it would accept it. */
    List<String> validate(KubernetesManifest m) {
        return validate(key(m), m.body());
    }

    List<String> validate(Key key, Map<String, Object> resource) {
        Schema schema = schemas.get(key);
        if (schema == null) {
            throw new IllegalArgumentException("no CRD serves " + key + " (known: " + schemas.keySet() + ")");
        }
        // com.networknt's Error, not java.lang's.
        List<com.networknt.schema.Error> errors = schema.validate(MAPPER.valueToTree(resource));
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static Key key(KubernetesManifest m) {
        return new Key(m.group(), m.version(), m.kind());
    }

    /**
     * A copy of an OpenAPI schema in which every object that Kubernetes would not let carry unknown
     * fields says so: type object, no {@code additionalProperties} of its own, and no
     * {@code x-kubernetes-preserve-unknown-fields: true}. Every resource has {@code apiVersion},
     * {@code kind} and {@code metadata} whether its schema names them or not (Fabric8-generated CRDs
     * do not); {@code metadata} is left open, as the API server checks ObjectMeta itself (the test
     * checks the few fields the manifests use).
     */
    static JsonNode asKubernetesReads(JsonNode openApiSchema) {
        ObjectNode copy = (ObjectNode) openApiSchema.deepCopy();
        ObjectNode properties = copy.has("properties") ? (ObjectNode) copy.get("properties") : copy.putObject("properties");
        properties.putObject("apiVersion").put("type", "string");
        properties.putObject("kind").put("type", "string");
        properties.putObject("metadata").put("type", "object");
        close(copy);
        ((ObjectNode) properties.get("metadata")).remove("additionalProperties");
        return copy;
    }

    private static void close(JsonNode node) {
        if (!(node instanceof ObjectNode s)) {
            return;
        }
        boolean preserves = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if ("object".equals(s.path("type").asText()) && !s.has("additionalProperties") && !preserves) {
            s.put("additionalProperties", false);
        }
        s.path("properties").forEach(CrdSchemas::close);
        JsonNode items = s.path("items");
        if (items.isArray()) {
            items.forEach(CrdSchemas::close);
        } else {
            close(items);
        }
        close(s.path("additionalProperties"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            s.path(combinator).forEach(CrdSchemas::close);
        }
        close(s.path("not"));
    }
}
