package dev.yuqing.core.inspection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.post.Post;
import dev.yuqing.core.post.SourceType;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A site, a column of a site, or a new-media account that the office inspects.
 *
 * @param id           stable id; the {@code account} that posts of this target carry (for example
 *                     {@code weibo:示范市发布}, {@code site:www.example.gov.cn/tzgg}), so posts find
 *                     their target without a mapping table
 * @param name         for people: 示范市人民政府门户网站, 通知公告, 示范市发布
 * @param kind         site, column or account
 * @param siteId       the site a column belongs to; absent for sites and accounts
 * @param ownerUnit    the unit responsible (主办单位 / 运营单位), for per-unit statistics and routing
 * @param platform     {@code site} for sites and columns; the new-media platform for accounts
 * @param columnType   a column's type, which sets its default freshness; absent otherwise
 * @param region       district or city, as posts and alerts name it; optional
 * @param url          the page or account home, for evidence; optional, absolute http(s)
 * @param updatePeriod how often the target must publish; absent means the default of its column
 *                     type or kind from {@link InspectionRules}. Sites have none: a site is judged by
 *                     its home page and its other columns
 * @param navigationOnly a home-page column that is only a navigation entry to the site's columns:
 *                     the national indicator then checks its second-level pages for 首页栏目信息更新
 *                     ("首页仅为网站栏目导航入口的，检查其二级页面"), so a publication of any other column of
 *                     the site counts as an update of the home page too (for freshness only). Only
 *                     on a home-page column; false when absent, and not written when false
 */
public record MonitoredTarget(String id, String name, TargetKind kind, String siteId, String ownerUnit, Platform platform,
                              ColumnType columnType, String region, String url, Span updatePeriod,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean navigationOnly) implements Serializable {
    public static final int MAX_ID_LENGTH = 256;
    static final String[] FIELDS = {"id", "name", "kind", "siteId", "ownerUnit", "platform", "columnType", "region", "url", "updatePeriod", "navigationOnly"};

    public MonitoredTarget {
        if (id == null || id.isBlank()) {
            throw new InvalidRegistryException("target", "id", "required");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidRegistryException(id, "id", "longer than " + MAX_ID_LENGTH + " characters");
        }
        if (id.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidRegistryException(id, "id", "contains white space or control characters (posts carry it as their account)");
        }
        require(id, "name", name);
        if (kind == null) {
            throw new InvalidRegistryException(id, "kind", "required (" + TargetKind.codes() + ")");
        }
        require(id, "ownerUnit", ownerUnit);
        if (kind == TargetKind.ACCOUNT) {
            if (platform == null) {
                throw new InvalidRegistryException(id, "platform", "required for an account (" + Platform.codes() + ")");
            }
            if (platform == Platform.SITE) {
                throw new InvalidRegistryException(id, "platform", "an account is on a new-media platform, not 'site'");
            }
        } else {
            if (platform != null && platform != Platform.SITE) {
                throw new InvalidRegistryException(id, "platform", "a " + kind.code() + " is on platform 'site', not '" + platform.code() + "'");
            }
            platform = Platform.SITE;
        }
        if (kind == TargetKind.COLUMN) {
            require(id, "siteId", siteId);
            if (siteId.equals(id)) {
                throw new InvalidRegistryException(id, "siteId", "a column cannot be its own site");
            }
            if (columnType == null) {
                throw new InvalidRegistryException(id, "columnType", "required for a column (" + ColumnType.codes() + ")");
            }
        } else {
            if (siteId != null) {
                throw new InvalidRegistryException(id, "siteId", "only a column belongs to a site");
            }
            if (columnType != null) {
                throw new InvalidRegistryException(id, "columnType", "only a column has a column type");
            }
        }
        if (kind == TargetKind.SITE && updatePeriod != null) {
            throw new InvalidRegistryException(id, "updatePeriod",
                    "a site is judged by its columns; give the period to its home-page column instead");
        }
        if (navigationOnly && columnType != ColumnType.HOME_PAGE) {
            throw new InvalidRegistryException(id, "navigationOnly", "only a home-page column can be navigation-only, not "
                    + switch (kind) {
                        case COLUMN -> "a '" + columnType.code() + "' column";
                        case SITE -> "a site";
                        case ACCOUNT -> "an account";
                    });
        }
        if (url != null) {
            checkUrl(id, url);
        }
    }

    /** The id of what this target's findings are scored under: a column's site, else itself. */
    public String scoredId() {
        return kind == TargetKind.COLUMN ? siteId : id;
    }

    /**
     * Whether a post is a publication of this target, one that shows it is kept up: a page of the
     * column, or a post of the account. Comments and citizen messages are written by visitors, not
     * by the target, and do not count; an interaction column is kept up by its official replies.
     */
    public boolean isPublishedBy(Post post) {
        if (kind == TargetKind.SITE || !id.equals(post.account())) {
            return false;
        }
        if (columnType == ColumnType.INTERACTION) {
            return post.source() == SourceType.CITIZEN_MESSAGE && post.replyTo() != null;
        }
        return platform.publishes().map(s -> s == post.source()).orElse(false);
    }

    /** Reads one registry entry; {@code entry} names it in errors until its id is known. */
    static MonitoredTarget read(JsonNode o, String entry) {
        String where = entry;
        try {
            if (!o.isObject()) {
                throw new InvalidRegistryException(entry, "record", "expected a JSON object");
            }
            String id = Fields.text(o, "id");
            if (id == null) {
                throw new InvalidRegistryException(entry, "id", "required");
            }
            where = id;
            Fields.known(o, FIELDS);
            return new MonitoredTarget(id, Fields.text(o, "name"), code(o, "kind", TargetKind::fromCode, TargetKind.codes(), id),
                    Fields.text(o, "siteId"), Fields.text(o, "ownerUnit"), code(o, "platform", Platform::fromCode, Platform.codes(), id),
                    code(o, "columnType", ColumnType::fromCode, ColumnType.codes(), id), Fields.text(o, "region"),
                    Fields.text(o, "url"), Fields.span(o, "updatePeriod"), Fields.bool(o, "navigationOnly"));
        } catch (Fields.Problem p) {
            throw new InvalidRegistryException(where, p.field, p.reason);
        }
    }

    private static <E> E code(JsonNode o, String field, java.util.function.Function<String, java.util.Optional<E>> lookup,
                              String known, String where) {
        String code = Fields.text(o, field);
        if (code == null) {
            return null;
        }
        return lookup.apply(code).orElseThrow(() -> new InvalidRegistryException(where, field,
                "unknown '" + code + "' (expected one of " + known + ")"));
    }

    private static void require(String id, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRegistryException(id, field, "required");
        }
    }

    private static void checkUrl(String id, String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                throw new InvalidRegistryException(id, "url", "not an absolute http(s) URL: '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new InvalidRegistryException(id, "url", "not a URL: '" + url + "'");
        }
    }
}
