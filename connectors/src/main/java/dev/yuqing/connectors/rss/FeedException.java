package dev.yuqing.connectors.rss;

/** A document that is not a readable RSS or Atom feed. */
final class FeedException extends Exception {
    FeedException(String message) {
        super(message);
    }

    FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
