package dev.yuqing.core.expression;

/**
 * A wrong form found in a text, with the right one.
 *
 * @param kind  name, term, norm or typo (see the corrections table)
 * @param start offset of {@code wrong} in the text
 * @param end   end offset (exclusive)
 */
public record ExpressionError(String wrong, String right, String kind, int start, int end) {}
