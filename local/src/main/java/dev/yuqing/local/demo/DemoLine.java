package dev.yuqing.local.demo;

/**
 * One line of the demo file.
 *
 * @param json          the line
 * @param id            the post id, or null for a malformed line without one
 * @param expectedField for a malformed line, the field its dead-letter record must blame; null when valid
 * @param alertType     for a post written to raise a content alert, the alert's type code; else null
 */
public record DemoLine(String json, String id, String expectedField, String alertType) {
    public boolean valid() {
        return expectedField == null;
    }
}
