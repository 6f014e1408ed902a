package dev.yuqing.connectors.site;

/**
 * The CSS selectors of a column or board; the optional ones are null when not configured. The
 * reply's own selectors apply inside the reply block.
 */
public record Selectors(String listItem, String listNext, String title, String time, String body, String author, String nativeId,
                        String reply, String replyText, String replyTime, String replyUnit) {}
