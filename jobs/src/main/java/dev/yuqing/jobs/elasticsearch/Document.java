package dev.yuqing.jobs.elasticsearch;

/**
 * One document to index: where, under which id, and its JSON source. With {@code upsert} set it
 * is a partial update instead: {@code json} is merged into the stored document, and
 * {@code upsert} is indexed when there is none yet (so fields others write, such as an alert's
 * acknowledgement, survive).
 */
public record Document(String index, String id, byte[] json, byte[] upsert) {
    /** A whole document, replacing any of the same id. */
    public Document(String index, String id, byte[] json) {
        this(index, id, json, null);
    }

    public boolean isUpdate() {
        return upsert != null;
    }

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
