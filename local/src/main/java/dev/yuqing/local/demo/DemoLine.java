package dev.yuqing.local.demo;

/**
 * One line of the demo file.
 *
 * @param json          the line
 * @param id            the post id, or null for a malformed line without one
 * @param expectedField for a malformed line, the field its dead-letter record must blame; null when valid
 */
public record DemoLine(String json, String id, String expectedField) {
    public boolean valid() {
        return expectedField == null;
    }
}
