package dev.yuqing.jobs.elasticsearch;

/**
 * A document Elasticsearch refused for good (a mapping conflict, a malformed field): retrying
 * cannot help.
 *
 * @param status the item's HTTP status
 * @param reason Elasticsearch's error type and reason
 */
public record FailedDocument(Document document, int status, String reason) {}
