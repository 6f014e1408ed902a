package dev.yuqing.jobs.elasticsearch;

/**
 * One document to index: where, under which id, and its JSON source.
 */
public record Document(String index, String id, byte[] json) {
    public Document {
        if (index == null || index.isBlank()) {
            throw new IllegalArgumentException("document index is required");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("document id is required");
        }
        if (json == null || json.length == 0) {
            throw new IllegalArgumentException("document source is required");
        }
    }
}
