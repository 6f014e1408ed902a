package dev.yuqing.core.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.Coded;
import dev.yuqing.core.classified.ClassifiedMarking;
import dev.yuqing.core.harmful.HarmfulCategory;
import dev.yuqing.core.pii.PiiType;
import dev.yuqing.core.post.PostTimes;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every inspection rule, threshold and point value, from one JSON file whose defaults
 * ({@link #RESOURCE}) follow 国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》 and say, value by
 * value, where each comes from. Loading checks that the file is whole and consistent: every
 * column type and accounts have a freshness entry, every referenced rule exists and is of the
 * right kind, every rule is used, and every entry is described and has its basis.
 */
public final class InspectionRules implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String RESOURCE = "inspection/rules.json";
    /** The freshness key of accounts; columns use their {@link ColumnType} code. */
    public static final String ACCOUNT_KEY = "account";
    /** The kinds the expression checker reports (see lexicons/expression/corrections.txt). */
    static final Set<String> EXPRESSION_KINDS = Set.of("name", "term", "norm", "typo");

    /** The total and the pass mark of the deduction part (扣分指标). */
    public record Scoring(int maxScore, int passMark, String description, String basis) implements Serializable {
        public Scoring {
            if (maxScore <= 0) {
                throw new IllegalArgumentException("scoring: maxScore must be positive, was " + maxScore);
            }
            if (passMark < 0 || passMark > maxScore) {
                throw new IllegalArgumentException("scoring: passMark must be within 0.." + maxScore + ", was " + passMark);
            }
        }
    }

    /**
     * The default freshness of one column type, or of accounts.
     *
     * @param appliesTo  a column type code, or {@code account}
     * @param limit      the default silence allowed; absent when the type has no national default
     *                   and is checked only against a period the registry gives the target
     */
    public record FreshnessRule(String appliesTo, Span limit, Span warnBefore, String ruleId, String description, String basis)
            implements Serializable {}

    /** How many working days a class of citizen message may wait for its answer. */
    public record ReplyDeadline(String messageClass, int workingDays, int warnBefore, String ruleId, String description, String basis)
            implements Serializable {
        public ReplyDeadline {
            if (workingDays < 1) {
                throw new IllegalArgumentException("reply class " + messageClass + ": workingDays must be at least 1, was " + workingDays);
            }
            if (warnBefore < 0 || warnBefore >= workingDays) {
                throw new IllegalArgumentException("reply class " + messageClass + ": warnBefore must be within 0.." + (workingDays - 1)
                        + " working days, was " + warnBefore);
            }
        }

        /** The end of the last working day for the answer, estimated when it counts days past the calendar's end. */
        public WorkingCalendar.Due due(Instant asked, WorkingCalendar calendar) {
            return calendar.due(asked, workingDays);
        }

        /** {@link #due}'s instant. */
        public Instant deadline(Instant asked, WorkingCalendar calendar) {
            return due(asked, calendar).at();
        }

        /** When to warn: {@code warnBefore} working days before the deadline; empty for 0. */
        public Optional<Instant> warnAt(Instant asked, WorkingCalendar calendar) {
            return warnBefore == 0 ? Optional.empty() : Optional.of(calendar.deadline(asked, workingDays - warnBefore));
        }
    }

    /** How long a message may go without any answer before the veto, in calendar time. */
    public record UnansweredLimit(Span limit, Span warnBefore, String ruleId, String description, String basis) implements Serializable {
        public Instant breachAt(Instant asked) {
            return limit.addTo(asked, PostTimes.CHINA);
        }

        public Optional<Instant> warnAt(Instant asked) {
            if (warnBefore == null) {
                return Optional.empty();
            }
            Instant warn = warnBefore.subtractFrom(breachAt(asked), PostTimes.CHINA);
            return warn.isAfter(asked) ? Optional.of(warn) : Optional.empty();
        }
    }

    /**
     * Which detector results on an official publication raise a rule's finding.
     *
     * @param matches by the rule's kind: personal-data types ({@code id-card}, {@code bank-card} …),
     *                classification levels (绝密 机密 秘密 内部), expression-error kinds (name, term,
     *                norm, typo) or harmful categories ({@code pornography}, {@code illegal-url} …)
     */
    public record ContentCheck(String ruleId, List<String> matches, String description, String basis) implements Serializable {
        public ContentCheck {
            matches = List.copyOf(matches);
        }
    }

    /** Links found dead on monitored pages (链接可用性): on the home-page column, and on any other column's pages. */
    public record LinkRules(String homePageRuleId, String ruleId, String description, String basis) implements Serializable {}

    /**
     * Site availability from its probes (站点无法访问): within the last {@code window}, the share of
     * probes that failed or took {@code slowMillis} or longer reaching {@code badShare} is a finding,
     * judged only once {@code minProbes} probes are in the window.
     */
    public record ProbeRule(Span window, long slowMillis, double badShare, int minProbes, String ruleId, String description, String basis)
            implements Serializable {
        public ProbeRule {
            if (window == null) {
                throw new IllegalArgumentException("probes: window: required");
            }
            if (slowMillis <= 0) {
                throw new IllegalArgumentException("probes: slowMillis: must be positive, was " + slowMillis);
            }
            if (!(badShare > 0 && badShare <= 1)) {
                throw new IllegalArgumentException("probes: badShare: must be within (0, 1], was " + badShare);
            }
            if (minProbes < 1) {
                throw new IllegalArgumentException("probes: minProbes: must be at least 1, was " + minProbes);
            }
        }

        /** Whether a probe counts against the site: it failed, or the page took the limit or longer. */
        public boolean bad(dev.yuqing.core.source.SiteProbe p) {
            return p.failed() || p.loadMillis() >= slowMillis;
        }

        /** Whether {@code bad} of {@code probes} in the window breaks the rule; false below {@code minProbes}. */
        public boolean broken(long probes, long bad) {
            return probes >= minProbes && bad >= badShare * probes;
        }
    }

    /** A registered column still without any item {@code grace} after it was registered (空白栏目). */
    public record BlankColumnRule(Span grace, String ruleId, String description, String basis) implements Serializable {}

    /** The operators' finding when a column's or account's source is not read. */
    public record SourceHealthRule(String ruleId, String description, String basis) implements Serializable {}

    /** A detector result a content check names: its kind and what it found ({@code id-card}, {@code typo}). */
    private record ContentMatch(FindingKind kind, String match) implements Serializable {}

    private final String description;
    private final Scoring scoring;
    private final LinkedHashMap<String, InspectionRule> rules;
    private final LinkedHashMap<String, FreshnessRule> freshness;
    private final LinkedHashMap<String, ReplyDeadline> replies;
    private final String defaultReplyClass;
    private final UnansweredLimit unanswered;
    private final List<ContentCheck> content;
    private final LinkRules links;
    private final ProbeRule probes;
    private final BlankColumnRule blankColumns;
    private final SourceHealthRule sourceHealth;
    /** The content checks' rules by what they catch; filled by {@link #validate}, which refuses a result caught twice. */
    private final HashMap<ContentMatch, InspectionRule> contentRules = new HashMap<>();

    private InspectionRules(String description, Scoring scoring, LinkedHashMap<String, InspectionRule> rules,
                            LinkedHashMap<String, FreshnessRule> freshness, LinkedHashMap<String, ReplyDeadline> replies,
                            String defaultReplyClass, UnansweredLimit unanswered, List<ContentCheck> content, LinkRules links,
                            ProbeRule probes, BlankColumnRule blankColumns, SourceHealthRule sourceHealth) {
        this.description = description;
        this.scoring = scoring;
        this.rules = rules;
        this.freshness = freshness;
        this.replies = replies;
        this.defaultReplyClass = defaultReplyClass;
        this.unanswered = unanswered;
        this.content = List.copyOf(content);
        this.links = links;
        this.probes = probes;
        this.blankColumns = blankColumns;
        this.sourceHealth = sourceHealth;
        validate();
    }

    public static InspectionRules standard() {
        try (InputStream in = InspectionRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static InspectionRules fromFile(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    public static InspectionRules parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException naming the section, the entry and the field */
    public static InspectionRules parse(byte[] json) {
        String where = "rules file";
        try {
            JsonNode root = Fields.parse(json, "the inspection rules");
            Fields.known(root, "description", "scoring", "rules", "freshness", "replies", "content", "links", "probes", "blankColumns",
                    "sourceHealth");
            String description = Fields.requiredText(root, "description");

            where = "scoring";
            JsonNode s = Fields.object(root, "scoring");
            Fields.known(s, "maxScore", "passMark", "description", "basis");
            Scoring scoring = new Scoring(Fields.requiredInt(s, "maxScore"), Fields.requiredInt(s, "passMark"),
                    Fields.requiredText(s, "description"), Fields.requiredText(s, "basis"));

            LinkedHashMap<String, InspectionRule> rules = new LinkedHashMap<>();
            int i = 0;
            for (JsonNode r : Fields.array(root, "rules")) {
                where = "rules[" + i++ + "]";
                String id = Fields.requiredText(r, "id");
                where = "rule " + id;
                Fields.known(r, "id", "title", "kind", "appliesTo", "vetoAt", "points", "perFindings", "maxPoints", "countsFor", "description",
                        "basis");
                String kindCode = Fields.requiredText(r, "kind");
                FindingKind kind = FindingKind.fromCode(kindCode)
                        .orElseThrow(() -> new Fields.Problem("kind", "unknown '" + kindCode + "' (expected one of " + FindingKind.codes() + ")"));
                Set<TargetKind> appliesTo = EnumSet.noneOf(TargetKind.class);
                for (String a : Fields.strings(r, "appliesTo")) {
                    appliesTo.add(TargetKind.fromCode(a)
                            .orElseThrow(() -> new Fields.Problem("appliesTo", "unknown '" + a + "' (expected site or account)")));
                }
                Integer vetoAt = Fields.integer(r, "vetoAt");
                Integer points = Fields.integer(r, "points");
                Integer maxPoints = Fields.integer(r, "maxPoints");
                Integer perFindings = Fields.integer(r, "perFindings");
                InspectionRule rule;
                try {
                    rule = new InspectionRule(id, Fields.text(r, "title"), kind, appliesTo, vetoAt == null ? 0 : vetoAt,
                            points == null ? 0 : points, perFindings == null ? 1 : perFindings, maxPoints == null ? 0 : maxPoints,
                            Fields.span(r, "countsFor"),
                            Fields.text(r, "description"), Fields.text(r, "basis"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("inspection rules, " + e.getMessage(), e);
                }
                if (rules.put(id, rule) != null) {
                    throw new Fields.Problem("id", "appears twice");
                }
            }

            LinkedHashMap<String, FreshnessRule> freshness = new LinkedHashMap<>();
            i = 0;
            for (JsonNode f : Fields.array(root, "freshness")) {
                where = "freshness[" + i++ + "]";
                String appliesTo = Fields.requiredText(f, "appliesTo");
                where = "freshness " + appliesTo;
                Fields.known(f, "appliesTo", "limit", "warnBefore", "rule", "description", "basis");
                if (!appliesTo.equals(ACCOUNT_KEY) && ColumnType.fromCode(appliesTo).isEmpty()) {
                    throw new Fields.Problem("appliesTo", "unknown '" + appliesTo + "' (expected a column type: " + ColumnType.codes() + "; or account)");
                }
                Span limit = Fields.span(f, "limit");
                Span warn = Fields.span(f, "warnBefore");
                if (limit != null && warn != null && !limit.isLongerThan(warn)) {
                    throw new Fields.Problem("warnBefore", warn + " is not shorter than the limit " + limit);
                }
                FreshnessRule fr = new FreshnessRule(appliesTo, limit, warn, Fields.requiredText(f, "rule"),
                        Fields.requiredText(f, "description"), Fields.requiredText(f, "basis"));
                if (freshness.put(appliesTo, fr) != null) {
                    throw new Fields.Problem("appliesTo", "listed twice");
                }
            }

            where = "replies";
            JsonNode rp = Fields.object(root, "replies");
            Fields.known(rp, "defaultClass", "classes", "unanswered", "description", "basis");
            Fields.requiredText(rp, "description");
            Fields.requiredText(rp, "basis");
            String defaultClass = Fields.requiredText(rp, "defaultClass");
            LinkedHashMap<String, ReplyDeadline> replies = new LinkedHashMap<>();
            i = 0;
            for (JsonNode c : Fields.array(rp, "classes")) {
                where = "replies.classes[" + i++ + "]";
                String cls = Fields.requiredText(c, "class");
                where = "reply class " + cls;
                Fields.known(c, "class", "workingDays", "warnBefore", "rule", "description", "basis");
                Integer warn = Fields.integer(c, "warnBefore");
                ReplyDeadline d;
                try {
                    d = new ReplyDeadline(cls, Fields.requiredInt(c, "workingDays"), warn == null ? 0 : warn, Fields.requiredText(c, "rule"),
                            Fields.requiredText(c, "description"), Fields.requiredText(c, "basis"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("inspection rules, " + e.getMessage(), e);
                }
                if (replies.put(cls, d) != null) {
                    throw new Fields.Problem("class", "listed twice");
                }
            }
            where = "replies.unanswered";
            JsonNode u = Fields.object(rp, "unanswered");
            Fields.known(u, "limit", "warnBefore", "rule", "description", "basis");
            Span uLimit = Fields.span(u, "limit");
            if (uLimit == null) {
                throw new Fields.Problem("limit", "required");
            }
            Span uWarn = Fields.span(u, "warnBefore");
            if (uWarn != null && !uLimit.isLongerThan(uWarn)) {
                throw new Fields.Problem("warnBefore", uWarn + " is not shorter than the limit " + uLimit);
            }
            UnansweredLimit unanswered = new UnansweredLimit(uLimit, uWarn, Fields.requiredText(u, "rule"),
                    Fields.requiredText(u, "description"), Fields.requiredText(u, "basis"));

            List<ContentCheck> content = new ArrayList<>();
            i = 0;
            for (JsonNode c : Fields.array(root, "content")) {
                where = "content[" + i++ + "]";
                String ruleId = Fields.requiredText(c, "rule");
                where = "content " + ruleId;
                Fields.known(c, "rule", "matches", "description", "basis");
                List<String> matches = Fields.strings(c, "matches");
                if (matches.isEmpty()) {
                    throw new Fields.Problem("matches", "required: what the rule catches");
                }
                content.add(new ContentCheck(ruleId, matches, Fields.requiredText(c, "description"), Fields.requiredText(c, "basis")));
            }

            where = "links";
            JsonNode l = Fields.object(root, "links");
            Fields.known(l, "homePageRule", "rule", "description", "basis");
            LinkRules links = new LinkRules(Fields.requiredText(l, "homePageRule"), Fields.requiredText(l, "rule"),
                    Fields.requiredText(l, "description"), Fields.requiredText(l, "basis"));

            where = "probes";
            JsonNode pr = Fields.object(root, "probes");
            Fields.known(pr, "window", "slowMillis", "badShare", "minProbes", "rule", "description", "basis");
            JsonNode share = pr.get("badShare");
            if (share == null || !share.isNumber()) {
                throw new Fields.Problem("badShare", "required: a number such as 0.05");
            }
            ProbeRule probes;
            try {
                probes = new ProbeRule(Fields.span(pr, "window"), Fields.requiredInt(pr, "slowMillis"), share.doubleValue(),
                        Fields.requiredInt(pr, "minProbes"), Fields.requiredText(pr, "rule"), Fields.requiredText(pr, "description"),
                        Fields.requiredText(pr, "basis"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("inspection rules, " + e.getMessage(), e);
            }

            where = "blankColumns";
            JsonNode b = Fields.object(root, "blankColumns");
            Fields.known(b, "grace", "rule", "description", "basis");
            Span grace = Fields.span(b, "grace");
            if (grace == null) {
                throw new Fields.Problem("grace", "required");
            }
            BlankColumnRule blank = new BlankColumnRule(grace, Fields.requiredText(b, "rule"), Fields.requiredText(b, "description"),
                    Fields.requiredText(b, "basis"));

            where = "sourceHealth";
            JsonNode h = Fields.object(root, "sourceHealth");
            Fields.known(h, "rule", "description", "basis");
            SourceHealthRule health = new SourceHealthRule(Fields.requiredText(h, "rule"), Fields.requiredText(h, "description"),
                    Fields.requiredText(h, "basis"));
            return new InspectionRules(description, scoring, rules, freshness, replies, defaultClass, unanswered, content, links, probes,
                    blank, health);
        } catch (Fields.Problem p) {
            throw new IllegalArgumentException("inspection rules, " + where + ": " + p.field + ": " + p.reason);
        }
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (ColumnType t : ColumnType.values()) {
            if (!freshness.containsKey(t.code())) {
                problems.add("freshness: no entry for column type " + t.code());
            }
        }
        if (!freshness.containsKey(ACCOUNT_KEY)) {
            problems.add("freshness: no entry for accounts");
        }
        for (FreshnessRule f : freshness.values()) {
            check(problems, used, "freshness " + f.appliesTo(), f.ruleId(), FindingKind.STALE);
        }
        if (!replies.containsKey(defaultReplyClass)) {
            problems.add("replies: defaultClass '" + defaultReplyClass + "' is not among the classes " + replies.keySet());
        }
        for (ReplyDeadline d : replies.values()) {
            check(problems, used, "reply class " + d.messageClass(), d.ruleId(), FindingKind.REPLY_LATE);
        }
        check(problems, used, "replies.unanswered", unanswered.ruleId(), FindingKind.UNANSWERED);
        check(problems, used, "links.homePageRule", links.homePageRuleId(), FindingKind.DEAD_LINK);
        check(problems, used, "links.rule", links.ruleId(), FindingKind.DEAD_LINK);
        check(problems, used, "probes", probes.ruleId(), FindingKind.UNREACHABLE);
        check(problems, used, "blankColumns", blankColumns.ruleId(), FindingKind.BLANK_COLUMN);
        check(problems, used, "sourceHealth", sourceHealth.ruleId(), FindingKind.SOURCE_NOT_READ);
        for (ContentCheck c : content) {
            InspectionRule r = rules.get(c.ruleId());
            if (r == null) {
                problems.add("content " + c.ruleId() + ": no such rule");
                continue;
            }
            used.add(c.ruleId());
            for (String m : c.matches()) {
                Optional<String> bad = contentMatchProblem(r.kind(), m);
                bad.ifPresent(reason -> problems.add("content " + c.ruleId() + ": matches: " + reason));
                InspectionRule other = contentRules.putIfAbsent(new ContentMatch(r.kind(), m), r);
                if (other != null) {
                    problems.add("content " + c.ruleId() + ": matches: '" + m + "' is already caught by " + other.id());
                }
            }
        }
        for (String id : rules.keySet()) {
            if (!used.contains(id)) {
                problems.add("rule " + id + ": no freshness, reply, content, links, probes, blankColumns or sourceHealth entry uses it");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("inspection rules: " + String.join("; ", problems));
        }
    }

    private void check(List<String> problems, Set<String> used, String where, String ruleId, FindingKind kind) {
        InspectionRule r = rules.get(ruleId);
        if (r == null) {
            problems.add(where + ": rule: no rule '" + ruleId + "'");
        } else if (r.kind() != kind) {
            problems.add(where + ": rule: '" + ruleId + "' is a " + r.kind().code() + " rule, expected " + kind.code());
        } else {
            used.add(ruleId);
        }
    }

    private static Optional<String> contentMatchProblem(FindingKind kind, String m) {
        boolean ok = switch (kind) {
            case PERSONAL_DATA -> piiType(m).isPresent();
            case CLASSIFIED -> ClassifiedMarking.LEVELS.contains(m);
            case EXPRESSION_ERROR -> EXPRESSION_KINDS.contains(m);
            case HARMFUL -> HarmfulCategory.fromCode(m).isPresent();
            case STALE, REPLY_LATE, UNANSWERED, DEAD_LINK, UNREACHABLE, BLANK_COLUMN, SOURCE_NOT_READ -> false;
        };
        if (ok) {
            return Optional.empty();
        }
        return Optional.of(switch (kind) {
            case PERSONAL_DATA -> "unknown personal-data type '" + m + "' (" + Coded.codes(PiiType.class) + ")";
            case CLASSIFIED -> "unknown classification level '" + m + "' (" + String.join(" ", ClassifiedMarking.LEVELS) + ")";
            case EXPRESSION_ERROR -> "unknown expression-error kind '" + m + "' (" + String.join(", ", EXPRESSION_KINDS) + ")";
            case HARMFUL -> "unknown harmful category '" + m + "'";
            case STALE, REPLY_LATE, UNANSWERED, DEAD_LINK, UNREACHABLE, BLANK_COLUMN, SOURCE_NOT_READ ->
                    "a " + kind.code() + " rule is not a content check";
        });
    }

    /** A personal-data type by its {@link PiiType#code() code} ({@code id-card}). */
    public static Optional<PiiType> piiType(String code) {
        return Coded.find(PiiType.class, code);
    }

    public String description() {
        return description;
    }

    public Scoring scoring() {
        return scoring;
    }

    /** Every rule, in file order. */
    public List<InspectionRule> rules() {
        return List.copyOf(rules.values());
    }

    public Optional<InspectionRule> find(String ruleId) {
        return Optional.ofNullable(rules.get(ruleId));
    }

    public InspectionRule rule(String ruleId) {
        InspectionRule r = rules.get(ruleId);
        if (r == null) {
            throw new IllegalArgumentException("no inspection rule '" + ruleId + "' (known: " + rules.keySet() + ")");
        }
        return r;
    }

    /** The default freshness entries by column type code and {@code account}. */
    public Map<String, FreshnessRule> freshnessDefaults() {
        return new LinkedHashMap<>(freshness);
    }

    /**
     * The freshness check of a target: its own period when the registry gives one, else its
     * type's default. Empty for a site (judged by its columns) and for a column of a type without a
     * default that has no period of its own.
     */
    public Optional<Freshness> freshnessFor(MonitoredTarget target) {
        FreshnessRule f = switch (target.kind()) {
            case SITE -> null;
            case COLUMN -> freshness.get(target.columnType().code());
            case ACCOUNT -> freshness.get(ACCOUNT_KEY);
        };
        if (f == null) {
            return Optional.empty();
        }
        Span limit = target.updatePeriod() != null ? target.updatePeriod() : f.limit();
        if (limit == null) {
            return Optional.empty();
        }
        Span warn = f.warnBefore() != null && limit.isLongerThan(f.warnBefore()) ? f.warnBefore() : null;
        return Optional.of(new Freshness(target.id(), limit, warn, f.ruleId(), target.updatePeriod() != null));
    }

    /**
     * Targets whose own period is longer than the national default for their type: the registry may
     * do that (its period wins), but then the inspection is laxer than the national check, which
     * operators should know. Empty when there are none.
     */
    public List<String> laxerThanDefaults(Registry registry) {
        List<String> out = new ArrayList<>();
        for (MonitoredTarget t : registry.targets()) {
            if (t.updatePeriod() == null || t.kind() == TargetKind.SITE) {
                continue;
            }
            FreshnessRule f = freshness.get(t.kind() == TargetKind.ACCOUNT ? ACCOUNT_KEY : t.columnType().code());
            if (f != null && f.limit() != null && t.updatePeriod().isLongerThan(f.limit())) {
                out.add(t.id() + ": updatePeriod " + t.updatePeriod() + " is longer than the default " + f.limit()
                        + " for " + f.appliesTo() + " (rule " + f.ruleId() + ")");
            }
        }
        return out;
    }

    public Map<String, ReplyDeadline> replyDeadlines() {
        return new LinkedHashMap<>(replies);
    }

    /** The deadline of a class of message; unknown or absent classes get the default class's. */
    public ReplyDeadline replyDeadline(String messageClass) {
        ReplyDeadline d = messageClass == null ? null : replies.get(messageClass);
        return d != null ? d : replies.get(defaultReplyClass);
    }

    public String defaultReplyClass() {
        return defaultReplyClass;
    }

    public UnansweredLimit unanswered() {
        return unanswered;
    }

    public List<ContentCheck> contentChecks() {
        return content;
    }

    public LinkRules links() {
        return links;
    }

    /** The rule a dead link on a column of type {@code column} breaks: the home page's own, or the other pages'. */
    public InspectionRule deadLinkRule(ColumnType column) {
        return rule(column == ColumnType.HOME_PAGE ? links.homePageRuleId() : links.ruleId());
    }

    public ProbeRule probes() {
        return probes;
    }

    public BlankColumnRule blankColumns() {
        return blankColumns;
    }

    public SourceHealthRule sourceHealth() {
        return sourceHealth;
    }

    /**
     * The rule a detector result raises on an official publication, if any: for example
     * ({@code PERSONAL_DATA}, {@code id-card}) or ({@code EXPRESSION_ERROR}, {@code typo}).
     */
    public Optional<InspectionRule> contentRule(FindingKind kind, String match) {
        return Optional.ofNullable(contentRules.get(new ContentMatch(kind, match)));
    }
}
