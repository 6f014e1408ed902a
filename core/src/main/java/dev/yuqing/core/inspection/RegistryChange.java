package dev.yuqing.core.inspection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.json.Json;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One change to the registry, as it travels on the {@code registry} topic (key: the target id):
 * {@code {"op":"upsert","target":{…},"at":…}} or {@code {"op":"remove","id":…,"at":…}}.
 *
 * <p>The topic should have a single partition: a site must arrive before its columns and its
 * columns must go before it, and only one partition keeps that order across ids.
 *
 * @param id     the target's id (for an upsert, the target's own)
 * @param target the new or replaced target; absent for a remove
 * @param at     when the change was made, for the record; optional
 */
public record RegistryChange(Op op, String id, MonitoredTarget target, Instant at) implements Serializable {

    public enum Op {
        UPSERT("upsert"), REMOVE("remove");

        private final String code;

        Op(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }

        @JsonCreator
        static Op parse(String code) {
            for (Op op : values()) {
                if (op.code.equals(code)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("unknown op '" + code + "' (expected upsert or remove)");
        }
    }

    public RegistryChange {
        if (op == null) {
            throw new InvalidRegistryException(id == null ? "change" : id, "op", "required (upsert or remove)");
        }
        if (op == Op.UPSERT) {
            if (target == null) {
                throw new InvalidRegistryException(id == null ? "change" : id, "target", "required for an upsert");
            }
            if (id != null && !id.equals(target.id())) {
                throw new InvalidRegistryException(id, "id", "differs from the target's id '" + target.id() + "'");
            }
            id = target.id();
        } else {
            if (id == null || id.isBlank()) {
                throw new InvalidRegistryException("change", "id", "required for a remove");
            }
            if (target != null) {
                throw new InvalidRegistryException(id, "target", "a remove carries only the id");
            }
        }
    }

    public static RegistryChange upsert(MonitoredTarget target, Instant at) {
        return new RegistryChange(Op.UPSERT, target.id(), target, at);
    }

    public static RegistryChange remove(String id, Instant at) {
        return new RegistryChange(Op.REMOVE, id, null, at);
    }

    /** The Kafka record key: the target id. */
    public byte[] key() {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] toJson() {
        try {
            return Json.MAPPER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a RegistryChange always serialises", e);
        }
    }

    /**
     * Reads a change strictly (unknown fields refused), validating the target as the registry file
     * does.
     *
     * @throws InvalidRegistryException naming the entry and the field, for the dead-letter record
     */
    public static RegistryChange fromJson(byte[] json) {
        JsonNode o;
        String id;
        String opCode;
        Instant at;
        try {
            o = Fields.parse(json, "the change");
            id = Fields.text(o, "id");
            Fields.known(o, "op", "id", "target", "at");
            opCode = Fields.requiredText(o, "op");
            at = Fields.instant(o, "at");
        } catch (Fields.Problem p) {
            throw new InvalidRegistryException("change", p.field, p.reason);
        }
        Op op;
        try {
            op = Op.parse(opCode);
        } catch (IllegalArgumentException e) {
            throw new InvalidRegistryException(id == null ? "change" : id, "op", e.getMessage());
        }
        JsonNode t = o.get("target");
        MonitoredTarget target = t == null || t.isNull() ? null : MonitoredTarget.read(t, id == null ? "target" : id);
        return new RegistryChange(op, id, target, at);
    }
}
