package dev.yuqing.local.demo;

/**
 * One line of the demo file.
 *
 * @param json          the line
 * @param id            the post id, or null for a malformed line without one
 * @param expectedField for a malformed line, the field its dead-letter record must blame; null when valid
 * @param harmful       a post written to carry harmful content, which must raise an alert
 */
public record DemoLine(String json, String id, String expectedField, boolean harmful) {
    public boolean valid() {
        return expectedField == null;
    }
}
