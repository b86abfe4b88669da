package io.mediamonitor.ingest.normalize;

import java.time.Duration;
import java.time.Instant;

/**
 * What the normalizer knows about the feed an entry came from.
 *
 * @param feedUrl          the feed URL as configured (goes into Article.feedUrl)
 * @param baseUrl          URL the document was actually read from, to resolve relative links
 * @param configuredName   the operator's name for the source, or null
 * @param languageHint     the operator's language for the feed, or null
 * @param fetchedAt        when the document was fetched
 * @param futureSkew       tolerance before a future publication date is clamped
 */
public record FeedContext(String feedUrl, String baseUrl, String configuredName, String languageHint,
                          Instant fetchedAt, Duration futureSkew) {

    public static FeedContext of(String feedUrl, Instant fetchedAt) {
        return new FeedContext(feedUrl, feedUrl, null, null, fetchedAt, Duration.ofMinutes(10));
    }
}
