package dev.yuqing.core.trend;

/**
 * A post that shows what an event is about, as monitoring staff see it in the event's list.
 *
 * @param id    the post's id
 * @param title its title, or the start of its text, with personal data masked
 * @param url   where it was published; null when the source gave none
 */
public record RepresentativePost(String id, String title, String url) {}
