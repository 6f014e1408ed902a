package dev.yuqing.connectors.rss;

/**
 * One item of a feed as the feed gives it, before it is checked. Text fields are plain text
 * (HTML stripped); any may be null.
 *
 * @param position        1-based place in the document
 * @param id              RSS {@code guid}, RSS 1.0 {@code rdf:about}, Atom {@code id}
 * @param idIsLink        the id is also the item's address (an RSS guid is a permalink unless it says not)
 * @param link            RSS {@code link}, Atom {@code link rel="alternate"}, as written (may be relative)
 * @param title           the title
 * @param text            {@code content:encoded} or {@code description}; Atom {@code content} or {@code summary}
 * @param published       RSS {@code pubDate} or {@code dc:date}; Atom {@code published} or {@code updated}, as written
 * @param author          RSS {@code author} or {@code dc:creator}; Atom {@code author/name}
 * @param xml             the item's XML, for a dead letter
 */
record FeedEntry(int position, String id, boolean idIsLink, String link, String title, String text, String published,
                 String author, String xml) {}
