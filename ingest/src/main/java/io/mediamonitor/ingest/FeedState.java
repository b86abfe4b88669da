package io.mediamonitor.ingest;

import io.mediamonitor.model.Feed;
import io.mediamonitor.model.FeedStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * The polling state of one owned feed: validators, current URL, failures, schedule and the
 * figures of the last poll. Restored from the feed's last {@link FeedStatus} and written back as
 * one after every poll. Touched by one worker at a time.
 */
final class FeedState {

    final String url;
    Feed feed;
    String currentUrl;
    String etag;
    String lastModified;
    String title;
    int consecutiveFailures;
    Instant lastAttemptAt;
    Instant lastSuccessAt;
    Instant lastErrorAt;
    String lastError;
    Integer httpStatus;
    int itemsSeen;
    int newArticles;
    Instant lastArticleAt;
    Instant nextPollAt;
    Duration interval;

    FeedState(Feed feed, FeedStatus restored) {
        this.url = feed.getUrl();
        this.feed = feed;
        if (restored != null) {
            currentUrl = restored.getCurrentUrl();
            etag = restored.getEtag();
            lastModified = restored.getLastModified();
            title = restored.getFeedName();
            consecutiveFailures = restored.getConsecutiveFailures();
            lastAttemptAt = restored.getLastAttemptAt();
            lastSuccessAt = restored.getLastSuccessAt();
            lastErrorAt = restored.getLastErrorAt();
            lastError = restored.getLastError();
            httpStatus = restored.getHttpStatus();
            itemsSeen = restored.getItemsSeen();
            newArticles = restored.getNewArticles();
            lastArticleAt = restored.getLastArticleAt();
            nextPollAt = restored.getNextPollAt();
        }
    }

    /** The feed's preferred interval, else the configured default. */
    Duration baseInterval(IngestConfig config) {
        Integer seconds = feed.getPollIntervalSeconds();
        return seconds != null && seconds > 0 ? Duration.ofSeconds(seconds) : config.pollInterval();
    }

    boolean due(Instant now) {
        return nextPollAt == null || !nextPollAt.isAfter(now);
    }

    String name() {
        String configured = feed.getName();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return title != null && !title.isBlank() ? title : url;
    }

    FeedStatus toStatus() {
        return FeedStatus.newBuilder()
                .setFeedUrl(url)
                .setFeedName(name())
                .setCurrentUrl(currentUrl)
                .setLastAttemptAt(lastAttemptAt == null ? Instant.EPOCH : lastAttemptAt)
                .setLastSuccessAt(lastSuccessAt)
                .setLastErrorAt(lastErrorAt)
                .setLastError(lastError)
                .setHttpStatus(httpStatus)
                .setItemsSeen(itemsSeen)
                .setNewArticles(newArticles)
                .setConsecutiveFailures(consecutiveFailures)
                .setEtag(etag)
                .setLastModified(lastModified)
                .setLastArticleAt(lastArticleAt)
                .setNextPollAt(nextPollAt)
                .build();
    }
}
