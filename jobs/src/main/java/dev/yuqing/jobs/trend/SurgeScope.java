package dev.yuqing.jobs.trend;

import dev.yuqing.core.post.EnrichedPost;
import dev.yuqing.core.post.SourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * What a negative surge is measured over: a new-media account, a site (its comments, messages and
 * pages) or a region. {@link #key} keys the surge state and names the alert.
 */
public record SurgeScope(Kind kind, String id) {
    public enum Kind {
        ACCOUNT("account", "账号"),
        SITE("site", "网站"),
        REGION("region", "地区");

        private final String code;
        private final String chinese;

        Kind(String code, String chinese) {
            this.code = code;
            this.chinese = chinese;
        }

        public String code() {
            return code;
        }

        public String chinese() {
            return chinese;
        }
    }

    public SurgeScope {
        if (kind == null || id == null || id.isBlank()) {
            throw new IllegalArgumentException("a surge scope needs a kind and an id, was " + kind + " '" + id + "'");
        }
    }

    /** {@code account:<id>}, {@code site:<id>} or {@code region:<name>}. */
    public String key() {
        return kind.code() + ":" + id;
    }

    /** The post's account or site, and its region, each when it has one. */
    public static List<SurgeScope> of(EnrichedPost p) {
        List<SurgeScope> scopes = new ArrayList<>(2);
        String account = p.post().account();
        if (account != null && !account.isBlank()) {
            scopes.add(new SurgeScope(isSite(p.post().source()) ? Kind.SITE : Kind.ACCOUNT, account));
        }
        String region = p.post().region();
        if (region != null && !region.isBlank()) {
            scopes.add(new SurgeScope(Kind.REGION, region));
        }
        return scopes;
    }

    private static boolean isSite(SourceType s) {
        return switch (s) {
            case SITE_COMMENT, CITIZEN_MESSAGE, SITE_PAGE -> true;
            case WEIBO, WECHAT, DOUYIN -> false;
        };
    }
}
