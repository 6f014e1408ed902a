package dev.yuqing.bench;

import java.util.List;

/**
 * One generated post.
 *
 * @param genre   notice, complaint or comment
 * @param title   may be null (comments have none)
 * @param planted the lexicon terms written into the text, possibly disguised; empty for a clean post
 */
public record BenchPost(String genre, String title, String text, List<String> planted) {
    public BenchPost {
        planted = List.copyOf(planted);
    }

    /** Title and text as the detector sees them in {@code PostAnalyzer}. */
    public String all() {
        return title == null || title.isBlank() ? text : title + "\n" + text;
    }

    public boolean clean() {
        return planted.isEmpty();
    }
}
