package dev.yuqing.connectors.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A robots.txt (RFC 9309): the rules of the group for our product token (case-insensitive), else
 * of the {@code *} group; the longest matching rule wins, Allow on a tie; {@code *} matches any
 * characters and a final {@code $} the end of the path. No matching group allows everything.
 */
public final class Robots {
    /** One Allow or Disallow line. */
    private record Rule(boolean allow, String path, Pattern pattern) {}

    /** The rules of one or more groups that name the same agents. */
    private record Group(List<String> agents, List<Rule> rules) {}

    private final List<Group> groups;

    private Robots(List<Group> groups) {
        this.groups = groups;
    }

    public static Robots allowAll() {
        return new Robots(List.of());
    }

    /** Nothing may be fetched: RFC 9309 2.3.1.4 for a robots.txt the server fails to give (5xx, no answer). */
    public static Robots disallowAll() {
        return new Robots(List.of(new Group(List.of("*"), List.of(new Rule(false, "/", compile("/"))))));
    }

    public static Robots parse(String text) {
        List<Group> groups = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        boolean inRules = false;
        for (String raw : text.split("\\r?\\n|\\r")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (field) {
                case "user-agent" -> {
                    if (inRules) {
                        groups.add(new Group(List.copyOf(agents), List.copyOf(rules)));
                        agents.clear();
                        rules.clear();
                        inRules = false;
                    }
                    agents.add(value.toLowerCase(Locale.ROOT));
                }
                case "allow", "disallow" -> {
                    inRules = true;
                    // An empty Disallow allows everything, as no rule does.
                    if (!value.isEmpty() && !agents.isEmpty()) {
                        rules.add(new Rule(field.equals("allow"), value, compile(value)));
                    }
                }
                default -> {
                    // Crawl-delay, Sitemap and others: not rules of access
                }
            }
        }
        if (!agents.isEmpty()) {
            groups.add(new Group(List.copyOf(agents), List.copyOf(rules)));
        }
        return new Robots(groups);
    }

    private static Pattern compile(String path) {
        StringBuilder regex = new StringBuilder();
        boolean anchored = path.endsWith("$");
        String p = anchored ? path.substring(0, path.length() - 1) : path;
        for (String part : p.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex + (anchored ? "" : ".*"), Pattern.DOTALL);
    }

    /** Whether {@code agent} may fetch {@code path} (the path and query of the URL). */
    public boolean allows(String agent, String path) {
        String token = agent.toLowerCase(Locale.ROOT);
        List<Rule> rules = rulesFor(g -> g.agents().contains(token));
        if (rules == null) {
            rules = rulesFor(g -> g.agents().contains("*"));
        }
        if (rules == null) {
            return true;
        }
        Rule best = null;
        for (Rule r : rules) {
            if (r.pattern().matcher(path).matches() && (best == null || r.path().length() > best.path().length()
                    || (r.path().length() == best.path().length() && r.allow()))) {
                best = r;
            }
        }
        return best == null || best.allow();
    }

    /** The rules of every group the predicate picks, null when it picks none. */
    private List<Rule> rulesFor(java.util.function.Predicate<Group> pick) {
        List<Rule> rules = null;
        for (Group g : groups) {
            if (pick.test(g)) {
                if (rules == null) {
                    rules = new ArrayList<>();
                }
                rules.addAll(g.rules());
            }
        }
        return rules;
    }
}
