package io.mediamonitor.ingest;

import io.mediamonitor.ingest.schedule.PollPlanner;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.Feed;
import io.mediamonitor.model.FeedStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The polling state of one owned feed: validators, current URL, failures, schedule and the
 * figures of the last poll. Restored from the feed's last {@link FeedStatus} and written back as
 * one after every poll. A poll ends in one of its transitions: {@link #updated}, {@link #notModified} or
 * {@link #failed} (which honours the server's Retry-After). Touched by one worker at a time.
 */
final class FeedState {

    final String url;
    private final PollPlanner planner;
    private Feed feed;
    private String currentUrl;
    private String etag;
    private String lastModified;
    private String title;
    private int consecutiveFailures;
    private Instant lastAttemptAt;
    private Instant lastSuccessAt;
    private Instant lastErrorAt;
    private String lastError;
    private Integer httpStatus;
    private int itemsSeen;
    private int newArticles;
    private Instant lastArticleAt;
    private Instant nextPollAt;
    private Duration interval;
    /** The dated entries' times of the last document read; after a restart, the newest article's until a 200. */
    private List<Instant> documentTimes = List.of();
    /** When a poll last brought a new article, on our clock; null when not known. */
    private Instant quietSince;

    FeedState(Feed feed, FeedStatus restored, PollPlanner planner) {
        this.url = feed.getUrl();
        this.feed = feed;
        this.planner = planner;
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
            // what the status keeps of the rhythm: a feed answering 304 after a restart still backs off
            if (lastArticleAt != null && (lastSuccessAt == null || !lastArticleAt.isAfter(lastSuccessAt))) {
                documentTimes = List.of(lastArticleAt); // not an entry dated ahead of the poll that read it
            }
            quietSince = restored.getLastNewArticleAt();
        }
    }

    /** The feed as last registered: its name, language or interval may have been edited on the topic. */
    void registered(Feed edited) {
        this.feed = edited;
    }

    Feed feed() {
        return feed;
    }

    /** Where to poll: the configured URL, or where it moved permanently. */
    String currentUrl() {
        return currentUrl;
    }

    String etag() {
        return etag;
    }

    String lastModified() {
        return lastModified;
    }

    Instant nextPollAt() {
        return nextPollAt;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** A poll starts. */
    void attempted(Instant now) {
        lastAttemptAt = now;
    }

    /**
     * The document came (200) and its new articles were published: new validators, maybe a new URL and title,
     * the figures, and the next poll from how often the feed publishes.
     */
    void updated(PollOutcome outcome, int published, Instant now, Duration base) {
        // a first answer publishes the feed's whole backlog: new to us, which says nothing of when it last published
        boolean firstAnswer = lastSuccessAt == null;
        answered(outcome, now);
        itemsSeen = outcome.itemsSeen();
        newArticles = published;
        List<Instant> times = outcome.articles().stream().map(Article::getPublishedAt).toList();
        times.stream().max(Instant::compareTo).ifPresent(latest -> {
            if (lastArticleAt == null || latest.isAfter(lastArticleAt)) {
                lastArticleAt = latest;
            }
        });
        // an entry without a date of its own was given the fetch time: it says nothing of the feed's rhythm
        documentTimes = outcome.articles().stream().filter(a -> !a.getPublishedAt().equals(a.getFetchedAt()))
                .map(Article::getPublishedAt).toList();
        if (published > 0 && !firstAnswer) {
            quietSince = now;
        }
        schedule(planner.afterSuccess(base, documentTimes, quietSince, now, interval, outcome.serverHint(),
                ownInterval()), now);
    }

    /** The server said nothing changed (304). */
    void notModified(PollOutcome outcome, Instant now, Duration base) {
        answered(outcome, now);
        newArticles = 0;
        // the document is the one last read: its times, with the silence grown since, still say when to come back
        schedule(planner.afterSuccess(base, documentTimes, quietSince, now, interval, outcome.serverHint(),
                ownInterval()), now);
    }

    /**
     * The poll failed (fetch, parse or publish): one more failure in a row, backed off, or put off as long as the
     * server's Retry-After asks.
     */
    void failed(String error, Integer status, Duration retryAfter, Instant now, Duration base) {
        httpStatus = status;
        consecutiveFailures++;
        lastErrorAt = now;
        lastError = error;
        newArticles = 0;
        nextPollAt = now.plus(planner.afterFailure(base, consecutiveFailures, retryAfter));
    }

    private void answered(PollOutcome outcome, Instant now) {
        httpStatus = outcome.httpStatus();
        consecutiveFailures = 0;
        lastSuccessAt = now;
        etag = outcome.etag();
        lastModified = outcome.lastModified();
        if (outcome.permanentUrl() != null) {
            currentUrl = outcome.permanentUrl();
        }
        if (outcome.feedTitle() != null) {
            title = outcome.feedTitle();
        }
    }

    private void schedule(Duration next, Instant now) {
        interval = next;
        nextPollAt = now.plus(planner.jitter(next));
    }

    /** The feed's preferred interval, else the configured default. */
    Duration baseInterval(Duration configured) {
        Duration own = ownInterval();
        return own != null ? own : configured;
    }

    /** The interval configured for this feed, or null when it follows the default. */
    private Duration ownInterval() {
        Integer seconds = feed.getPollIntervalSeconds();
        return seconds != null && seconds > 0 ? Duration.ofSeconds(seconds) : null;
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
                .setLastNewArticleAt(quietSince)
                .build();
    }
}
