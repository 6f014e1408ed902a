package dev.yuqing.jobs.elasticsearch;

import java.io.Serializable;

/** Turns a stream element into the document that represents it. */
@FunctionalInterface
public interface DocumentMapper<T> extends Serializable {
    Document toDocument(T element);
}
