package dev.yuqing.connectors.replay;

/** The file formats the replay connector reads. */
public enum ReplayFormat {
    /** One JSON object a line. */
    JSONL,
    /** Comma-separated, first row the header, RFC 4180 quoting. */
    CSV
}
