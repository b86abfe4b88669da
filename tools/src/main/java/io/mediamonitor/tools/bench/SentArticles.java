package io.mediamonitor.tools.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each article of the latency phase was sent, by its publication millisecond: every generated article has one
 * of its own, and the records it causes downstream carry it (a count's record time, an alert's trigger), so each
 * maps back to the send time of its article.
 */
final class SentArticles {

    private final Map<Long, Long> sentByPublishedAt = new ConcurrentHashMap<>();

    void sent(long publishedAt, long sentNanos) {
        sentByPublishedAt.put(publishedAt, sentNanos);
    }

    /** The send time ({@link System#nanoTime()}) of the article published at that millisecond, or null. */
    Long sentAt(long publishedAt) {
        return sentByPublishedAt.get(publishedAt);
    }
}
