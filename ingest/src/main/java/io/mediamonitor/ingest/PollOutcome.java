package io.mediamonitor.ingest;

import io.mediamonitor.model.Article;
import java.time.Duration;
import java.util.List;

/**
 * What one poll of one feed produced: the articles of a fresh document, nothing (304), or an
 * error with its reason. Articles are not yet deduplicated against what was published before.
 *
 * @param feedUrl      the feed as configured
 * @param ok           whether the poll succeeded (200 parsed, or not modified)
 * @param notModified  true when the server said nothing changed
 * @param httpStatus   status of the final answer, null when none came
 * @param articles     normalized articles of the document, empty when not modified or failed
 * @param itemsSeen    entries in the document
 * @param feedTitle    title of the document, or null
 * @param etag         validator to send next time
 * @param lastModified validator to send next time
 * @param permanentUrl the feed's new URL after permanent redirects, or null
 * @param serverHint   longest of RSS ttl and Cache-Control max-age, or null
 * @param error        short reason of the failure, or null
 * @param retryAfter   the server's Retry-After on 429/503, or null
 * @param elapsed      time spent on fetch, parse and normalize
 * @param failure      the kind of the failure, or null
 */
public record PollOutcome(String feedUrl, boolean ok, boolean notModified, Integer httpStatus,
                          List<Article> articles, int itemsSeen, String feedTitle, String etag,
                          String lastModified, String permanentUrl, Duration serverHint, String error,
                          Duration retryAfter, Duration elapsed, FeedFailure failure) {

    static PollOutcome failure(String feedUrl, FeedFailure failure, Integer httpStatus, String error,
                               Duration retryAfter, Duration elapsed) {
        return new PollOutcome(feedUrl, false, false, httpStatus, List.of(), 0, null, null, null, null, null,
                error, retryAfter, elapsed, failure);
    }
}
