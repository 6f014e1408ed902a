package dev.yuqing.jobs.inspection;

import java.time.Instant;

/**
 * A publication of one of a site's columns, sent to the site's home-page column
 * ({@link RouteColumnUpdates}): a navigation-only home page is judged by its second-level pages
 * (首页栏目信息更新: "首页仅为网站栏目导航入口的，检查其二级页面"), so it counts as an update of the home
 * page, for freshness only.
 *
 * @param homePage   the site's home-page column, the key it goes to
 * @param column     the column that published
 * @param columnName the column's name, for the finding's detail
 * @param postId     the publication, for the finding's evidence
 * @param url        the publication's page; optional
 * @param at         when it was published
 */
public record ColumnUpdate(String homePage, String column, String columnName, String postId, String url, Instant at) {}
