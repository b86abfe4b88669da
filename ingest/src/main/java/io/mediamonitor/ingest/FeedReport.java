package io.mediamonitor.ingest;

import java.time.Duration;

/**
 * The result of polling one feed in a cycle.
 *
 * @param feedUrl     the feed
 * @param ok          whether the poll succeeded (200 parsed, or not modified) and its articles were published
 * @param notModified true when the server said nothing changed
 * @param httpStatus  status of the last answer, null when none came
 * @param itemsSeen   entries in the document
 * @param newArticles articles published by this poll
 * @param error       reason of the failure, null when ok
 * @param elapsed     time spent on the feed
 * @param failure     the kind of the failure, null when ok
 */
public record FeedReport(String feedUrl, boolean ok, boolean notModified, Integer httpStatus, int itemsSeen,
                         int newArticles, String error, Duration elapsed, FeedFailure failure) {
}
