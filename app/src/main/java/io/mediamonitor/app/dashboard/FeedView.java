package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.FeedStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * One row of the feed-health table. {@code state} is "failing" after a failed poll, "silent" when
 * the newest article is older than the silence threshold, "ok" otherwise; {@code silentSeconds}
 * is the time since the newest article (null when none was ever seen).
 */
public record FeedView(String name, String url, String state, Instant lastAttemptAt, Instant lastSuccessAt,
                       Instant lastErrorAt, String lastError, Integer httpStatus, int consecutiveFailures,
                       int newArticles, Instant lastArticleAt, Long silentSeconds, Instant nextPollAt) {

    public static FeedView of(FeedStatus status, Instant now, Duration silenceAfter) {
        Long silent = status.getLastArticleAt() == null ? null
                : Math.max(0, Duration.between(status.getLastArticleAt(), now).toSeconds());
        String state;
        if (status.getConsecutiveFailures() > 0) {
            state = "failing";
        } else if (silent != null && silent > silenceAfter.toSeconds()) {
            state = "silent";
        } else {
            state = "ok";
        }
        return new FeedView(status.getFeedName(), status.getFeedUrl(), state, status.getLastAttemptAt(),
                status.getLastSuccessAt(), status.getLastErrorAt(), status.getLastError(), status.getHttpStatus(),
                status.getConsecutiveFailures(), status.getNewArticles(), status.getLastArticleAt(), silent,
                status.getNextPollAt());
    }
}
