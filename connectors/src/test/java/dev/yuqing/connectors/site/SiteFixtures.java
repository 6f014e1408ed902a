package dev.yuqing.connectors.site;

import static dev.yuqing.connectors.http.FeedServer.page;
import static dev.yuqing.connectors.http.FeedServer.redirect;
import static dev.yuqing.connectors.http.FeedServer.resource;
import static dev.yuqing.connectors.http.FeedServer.status;

import dev.yuqing.connectors.connect.HttpSourceKeys;
import dev.yuqing.connectors.http.FeedServer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixture site of src/test/resources/site, served the same way to {@code HtmlSiteSourceTaskTest}
 * and to {@code SiteConnectIT} in local, with the configurations that read it: a column of two list
 * pages whose items are a clean page, a GBK page, broken HTML, a page that answers 503 before it
 * serves, one behind a redirect, one with a bad time and one robots.txt disallows (the clean page
 * links two attachments, a workbook and a PDF with ID numbers); and a message
 * board of three messages, the last one unanswered.
 */
public final class SiteFixtures {
    public static final String COLUMN = "site:www.demo.yuqing.invalid/tzgg";
    public static final String BOARD = "site:www.demo.yuqing.invalid/hdjl";
    public static final String HTML = "text/html; charset=utf-8";
    /** The fixture server's address, which the connectors refuse unless it is allowed. */
    public static final String LOOPBACK = "127.0.0.1";

    private SiteFixtures() {}

    /** Serves the whole site: robots.txt, the pages the list pages link to, the column at /tzgg and the board at /hdjl. */
    public static void serve(FeedServer server) {
        server.serve("/robots.txt", page(resource("/site/robots.txt"), "text/plain"));
        server.serve("/", page("<html>首页</html>".getBytes(StandardCharsets.UTF_8), HTML));
        server.serve("/about.html", page("<html>关于</html>".getBytes(StandardCharsets.UTF_8), HTML));
        server.serve("/tzgg/index.html", page(resource("/site/tzgg-index.html"), HTML));
        server.serve("/tzgg/index_1.html", page(resource("/site/tzgg-index_1.html"), HTML));
        server.serve("/tzgg/2026/05/art_4001.html", page(resource("/site/art_4001.html"), HTML));
        server.serve("/tzgg/files/防汛值班人员名单.xlsx", page(AttachmentFixtures.xlsx(AttachmentFixtures.roster()), "application/vnd.ms-excel"));
        server.serve("/tzgg/files/duty.pdf", page(AttachmentFixtures.pdf("Duty list", "ID " + AttachmentFixtures.ID_IN_PDF), "application/pdf"));
        server.serve("/tzgg/2026/05/art_4002.html", page(resource("/site/art_4002-gbk.html"), "text/html"));
        server.serve("/tzgg/2026/05/art_4003.html", page(resource("/site/art_4003-broken.html"), HTML));
        server.serve("/tzgg/2026/05/art_4005.html", status(503), page(resource("/site/art_4005.html"), HTML));
        server.serve("/tzgg/2026/05/art_4006.html", redirect(301, "/tzgg/2026/05/art_4006_new.html"));
        server.serve("/tzgg/2026/05/art_4006_new.html", page(resource("/site/art_4006_new.html"), HTML));
        server.serve("/tzgg/2026/05/art_4007.html", page(resource("/site/art_4007-badtime.html"), HTML));
        server.serve("/tzgg/private/art_4008.html", page(resource("/site/art_4001.html"), HTML));
        server.serve("/hdjl/list.html", page(resource("/site/hdjl-list.html"), HTML));
        for (String n : List.of("5001", "5002", "5003")) {
            server.serve("/hdjl/msg_" + n + ".html", page(resource("/site/msg_" + n + ".html"), HTML));
        }
    }

    /** The configuration that reads the column from {@code listUrl}; a map the caller may add to. */
    public static Map<String, String> column(String listUrl) {
        Map<String, String> m = new HashMap<>(Map.of(SiteConfig.LIST_URL, listUrl, SiteConfig.ACCOUNT, COLUMN, SiteConfig.REGION, "示范市",
                SiteConfig.LIST_ITEM_SELECTOR, "ul.list li", SiteConfig.LIST_NEXT_SELECTOR, "a.next",
                SiteConfig.TITLE_SELECTOR, "div.article h1", SiteConfig.TIME_SELECTOR, "span.pubtime",
                SiteConfig.BODY_SELECTOR, "div.content", SiteConfig.AUTHOR_SELECTOR, "span.source"));
        m.put(HttpSourceKeys.HTTP_ALLOWED_HOSTS, LOOPBACK);
        return m;
    }

    /** The configuration that reads the board from {@code listUrl}; a map the caller may add to. */
    public static Map<String, String> board(String listUrl) {
        Map<String, String> m = new HashMap<>();
        m.put(SiteConfig.LIST_URL, listUrl);
        m.put(SiteConfig.ACCOUNT, BOARD);
        m.put(SiteConfig.MODE, "board");
        m.put(SiteConfig.LIST_ITEM_SELECTOR, "table.msgs td.t a");
        m.put(SiteConfig.TITLE_SELECTOR, "h1.subject");
        m.put(SiteConfig.TIME_SELECTOR, "div.msg .time");
        m.put(SiteConfig.BODY_SELECTOR, "div.msg .content");
        m.put(SiteConfig.AUTHOR_SELECTOR, "span.asker");
        m.put(SiteConfig.ID_SELECTOR, "span.no");
        m.put(SiteConfig.REPLY_SELECTOR, "div.reply");
        m.put(SiteConfig.REPLY_TEXT_SELECTOR, ".content");
        m.put(SiteConfig.REPLY_TIME_SELECTOR, ".time");
        m.put(SiteConfig.REPLY_UNIT_SELECTOR, ".unit");
        m.put(HttpSourceKeys.HTTP_ALLOWED_HOSTS, LOOPBACK);
        return m;
    }
}
