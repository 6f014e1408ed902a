package dev.yuqing.core.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.alert.Alert;
import dev.yuqing.core.alert.AlertLevel;
import dev.yuqing.core.alert.AlertType;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which channels an alert goes to, from a JSON routing file (format in docs/architecture.md,
 * "Routing configuration"). Every route whose conditions all hold adds its channels; an alert no
 * route matches goes to the default channels. Values of the form {@code ${NAME}} are read from the
 * environment, so robot URLs and secrets stay out of the file.
 */
public final class RoutingRules implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** One rule; an empty set matches anything. */
    public record Route(String name, Set<AlertType> types, AlertLevel minLevel, Set<String> regions, Set<String> accounts,
                        List<String> channels) implements Serializable {
        public boolean matches(Alert a) {
            return (types.isEmpty() || types.contains(a.type()))
                    && (minLevel == null || a.level().compareTo(minLevel) >= 0)
                    && (regions.isEmpty() || a.region() != null && regions.contains(a.region()))
                    && (accounts.isEmpty() || a.account() != null && accounts.contains(a.account()));
        }
    }

    private final Map<String, ChannelDef> channels;
    private final List<Route> routes;
    private final List<String> defaults;

    public RoutingRules(Map<String, ChannelDef> channels, List<Route> routes, List<String> defaults) {
        this.channels = Map.copyOf(channels);
        this.routes = List.copyOf(routes);
        this.defaults = List.copyOf(defaults);
        List<String> problems = new ArrayList<>();
        for (Route r : routes) {
            r.channels().stream().filter(c -> !channels.containsKey(c))
                    .forEach(c -> problems.add("route '" + r.name() + "' names unknown channel '" + c + "'"));
        }
        defaults.stream().filter(c -> !channels.containsKey(c)).forEach(c -> problems.add("default names unknown channel '" + c + "'"));
        if (defaults.isEmpty()) {
            problems.add("a default route with at least one channel is required, so no alert goes nowhere");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("alert routing: " + String.join("; ", problems));
        }
    }

    /** Every alert to one channel: what the job does without a routing file. */
    public static RoutingRules only(ChannelDef channel) {
        return new RoutingRules(Map.of(channel.name(), channel), List.of(), List.of(channel.name()));
    }

    /** The channels of the matching routes, in file order without repeats, or the default ones. */
    public List<String> route(Alert alert) {
        Set<String> out = new LinkedHashSet<>();
        for (Route r : routes) {
            if (r.matches(alert)) {
                out.addAll(r.channels());
            }
        }
        return out.isEmpty() ? defaults : List.copyOf(out);
    }

    public Map<String, ChannelDef> channels() {
        return channels;
    }

    public ChannelDef channel(String name) {
        ChannelDef c = channels.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no channel '" + name + "'");
        }
        return c;
    }

    public List<Route> routes() {
        return routes;
    }

    public List<String> defaults() {
        return defaults;
    }

    /** Reads the routing file's JSON; {@code env} resolves {@code ${NAME}}. */
    public static RoutingRules parse(String json, Map<String, String> env) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("alert routing is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("alert routing must be a JSON object with channels, routes and default");
        }
        known(root, "routing file", "channels", "routes", "default");
        Map<String, ChannelDef> channels = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("channels").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode c = e.getValue();
            known(c, "channel " + name, "kind", "url", "secret", "to", "rate");
            ChannelKind kind = enumOf(ChannelKind.class, text(c, "kind", env), "channel " + name + " kind");
            String url = text(c, "url", env);
            if (kind != ChannelKind.EMAIL && kind != ChannelKind.KAFKA && (url == null || !url.matches("https?://.+"))) {
                throw new IllegalArgumentException("channel " + name + " needs an http(s) url");
            }
            List<String> to = strings(c.path("to"), env);
            if (kind == ChannelKind.EMAIL && to.isEmpty()) {
                throw new IllegalArgumentException("channel " + name + " needs recipients in 'to'");
            }
            String rate = text(c, "rate", env);
            channels.put(name, new ChannelDef(name, kind, url, text(c, "secret", env), to, rate == null ? null : RateLimit.parse(rate)));
        }
        List<Route> routes = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root.path("routes")) {
            i++;
            known(r, "route " + i, "name", "types", "minLevel", "regions", "accounts", "channels");
            String name = r.hasNonNull("name") ? r.get("name").asText() : "#" + i;
            Set<AlertType> types = new LinkedHashSet<>();
            for (String t : strings(r.path("types"), env)) {
                types.add(enumOf(AlertType.class, t, "route " + name + " type"));
            }
            String min = text(r, "minLevel", env);
            routes.add(new Route(name, Set.copyOf(types), min == null ? null : enumOf(AlertLevel.class, min, "route " + name + " minLevel"),
                    Set.copyOf(strings(r.path("regions"), env)), Set.copyOf(strings(r.path("accounts"), env)),
                    strings(r.path("channels"), env)));
        }
        return new RoutingRules(channels, routes, strings(root.path("default"), env));
    }

    private static void known(JsonNode node, String what, String... fields) {
        Set<String> allowed = Set.of(fields);
        node.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                // A misspelt condition would silently widen a route.
                throw new IllegalArgumentException(what + ": unknown field '" + f + "' (known: " + String.join(", ", fields) + ")");
            }
        });
    }

    private static String text(JsonNode node, String field, Map<String, String> env) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : resolve(v.asText(), env);
    }

    private static List<String> strings(JsonNode node, Map<String, String> env) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(resolve(node.asText(), env));
        } else {
            node.forEach(n -> out.add(resolve(n.asText(), env)));
        }
        return out;
    }

    static String resolve(String value, Map<String, String> env) {
        Matcher m = ENV.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("alert routing needs the environment variable " + m.group(1));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** By code ({@code harmful-content}, {@code red}, {@code wecom}: each enum's code is its lower-case name with dashes), any case. */
    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String what) {
        if (value != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(value.trim().replace('-', '_'))) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException(what + ": '" + value + "' is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
    }
}
