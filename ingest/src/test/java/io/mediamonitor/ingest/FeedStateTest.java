package io.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.ingest.schedule.PollPlanner;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.Feed;
import io.mediamonitor.model.FeedStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The poll transitions of a feed's state, with the planner's jitter at zero so intervals are exact. */
class FeedStateTest {

    private static final Instant NOW = Instant.parse("2026-04-06T09:00:00Z");
    private static final Duration BASE = Duration.ofMinutes(15);

    private final PollPlanner planner = new PollPlanner(Duration.ofMinutes(1), Duration.ofHours(6), () -> 0.5);
    private final FeedState state = new FeedState(Feed.newBuilder().setUrl("https://example.org/rss").setName("Example").build(),
            null, planner);

    @Test
    void anUpdateKeepsTheValidatorsTheFiguresAndSchedulesFromThePublishingRate() {
        state.attempted(NOW);
        // 7 articles in the last week: one a day
        List<Article> week = java.util.stream.IntStream.range(0, 7)
                .mapToObj(d -> article("a" + d, NOW.minus(Duration.ofDays(d)))).toList();
        state.updated(outcome(200, week, "\"v1\"", "https://example.org/new-rss", null), 3, NOW, BASE);

        FeedStatus status = state.toStatus();
        assertThat(status.getEtag()).isEqualTo("\"v1\"");
        assertThat(status.getCurrentUrl()).isEqualTo("https://example.org/new-rss");
        assertThat(status.getNewArticles()).isEqualTo(3);
        assertThat(status.getItemsSeen()).isEqualTo(7);
        assertThat(status.getLastArticleAt()).isEqualTo(NOW);
        assertThat(status.getLastSuccessAt()).isEqualTo(NOW);
        assertThat(status.getNextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(6))); // a day, clamped to the max
        assertThat(state.due(NOW.plus(Duration.ofHours(5)))).isFalse();
        assertThat(state.due(NOW.plus(Duration.ofHours(6)))).isTrue();
    }

    @Test
    void entriesWithoutADateOfTheirOwnLeaveTheScheduleAsItWas() {
        state.attempted(NOW);
        // undated entries were given the fetch time: twenty of them "just now" are not a feed publishing every second
        List<Article> undated = java.util.stream.IntStream.range(0, 20).mapToObj(i -> article("u" + i, NOW)).toList();
        state.updated(outcome(200, undated, null, null, null), 20, NOW, BASE);

        assertThat(state.nextPollAt()).isEqualTo(NOW.plus(BASE));
    }

    @Test
    void aNotModifiedAnswerBacksOffAsTheLastDocumentGrowsOld() {
        state.attempted(NOW);
        // the newest five minutes old (one at the fetch time would read as undated)
        List<Article> everyFiveMinutes = java.util.stream.IntStream.range(1, 21)
                .mapToObj(i -> article("f" + i, NOW.minus(Duration.ofMinutes(5L * i)))).toList();
        state.updated(outcome(200, everyFiveMinutes, "\"v1\"", null, null), 20, NOW, BASE);
        assertThat(state.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));

        // 304s through the night: the newest entry eight hours old (a first answer tells nothing of our clock's
        // silence), the feed is polled hourly
        Instant night = NOW.plus(Duration.ofHours(8)).minus(Duration.ofMinutes(5));
        state.notModified(outcome(304, List.of(), "\"v1\"", null, null), night, BASE);
        assertThat(state.nextPollAt()).isEqualTo(night.plus(Duration.ofHours(1)));
    }

    @Test
    void aFeedsFirstAnswerIsJudgedByItsEntriesNotByItsBacklogBeingNewToUs() {
        // a feed that stopped three days ago, its last entries five minutes apart, read for the first time
        state.attempted(NOW);
        List<Article> stopped = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> article("s" + i, NOW.minus(Duration.ofDays(3)).minus(Duration.ofMinutes(5L * i))))
                .toList();
        state.updated(outcome(200, stopped, null, null, null), 20, NOW, BASE);

        assertThat(state.nextPollAt()).as("three days silent: the maximum").isEqualTo(NOW.plus(Duration.ofHours(6)));
    }

    @Test
    void aSilentFeedRestoredFromItsStatusStillBacksOff() {
        // its last 200 brought nothing new, its one entry 20 days old; then a restart
        state.attempted(NOW.minus(Duration.ofHours(6)));
        state.updated(outcome(200, List.of(article("old", NOW.minus(Duration.ofDays(20)))), "\"v9\"", null, null), 0,
                NOW.minus(Duration.ofHours(6)), BASE);
        FeedState restored = new FeedState(state.feed(), state.toStatus(), planner);

        restored.notModified(outcome(304, List.of(), "\"v9\"", null, null), NOW, BASE);
        assertThat(restored.nextPollAt()).as("20 days silent: the maximum").isEqualTo(NOW.plus(Duration.ofHours(6)));
    }

    @Test
    void aBusyFeedDatingItsEntriesHoursBehindKeepsItsRhythmAfterARestartThatFollowsA304() {
        // entries five minutes apart, each stamped three hours behind our clock
        Instant first = NOW.minus(Duration.ofMinutes(10));
        state.attempted(first);
        state.updated(outcome(200, entriesBehind(first, 0), "\"v1\"", null, null), 20, first, BASE);
        Instant second = NOW.minus(Duration.ofMinutes(5));
        state.attempted(second);
        state.updated(outcome(200, entriesBehind(second, 1), "\"v2\"", null, null), 1, second, BASE);
        state.attempted(NOW);
        state.notModified(outcome(304, List.of(), "\"v2\"", null, null), NOW, BASE);
        assertThat(state.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));

        // a restart: the status tells when a poll last brought news, so the feed is not taken for one quiet since
        // its newest entry's date (an eighth of over three hours); one time known, it keeps its preferred interval
        FeedState restored = new FeedState(state.feed(), state.toStatus(), planner);
        assertThat(restored.toStatus().getLastNewArticleAt()).isEqualTo(second);
        Instant later = NOW.plus(Duration.ofMinutes(5));
        restored.notModified(outcome(304, List.of(), "\"v2\"", null, null), later, BASE);
        assertThat(restored.nextPollAt()).isEqualTo(later.plus(BASE));
    }

    /** Twenty entries five minutes apart, the newest stamped three hours before {@code fetched}, shifted by k. */
    private static List<Article> entriesBehind(Instant fetched, int k) {
        Instant newest = fetched.minus(Duration.ofHours(3));
        return java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> article("b" + (i - k), newest.minus(Duration.ofMinutes(5L * i)))).toList();
    }

    @Test
    void aFeedWithItsOwnIntervalIsPolledAtLeastThatOften() {
        FeedState ownInterval = new FeedState(Feed.newBuilder().setUrl("https://example.org/rss").setName("Example")
                .setPollIntervalSeconds(600).build(), null, planner);
        ownInterval.attempted(NOW);
        List<Article> daily = java.util.stream.IntStream.range(1, 8)
                .mapToObj(d -> article("d" + d, NOW.minus(Duration.ofDays(d)))).toList();
        ownInterval.updated(outcome(200, daily, null, null, null), 7, NOW, ownInterval.baseInterval(BASE));

        assertThat(ownInterval.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void failuresBackOffAndAnAnswerResetsThem() {
        state.failed("HTTP 500", 500, null, NOW, BASE);
        state.failed("HTTP 500", 500, null, NOW, BASE);
        assertThat(state.consecutiveFailures()).isEqualTo(2);
        assertThat(state.nextPollAt()).isEqualTo(NOW.plus(BASE.multipliedBy(2)));
        assertThat(state.toStatus().getLastError()).isEqualTo("HTTP 500");

        state.notModified(outcome(304, List.of(), "\"v2\"", null, null), NOW, BASE);
        assertThat(state.consecutiveFailures()).isZero();
        assertThat(state.toStatus().getNewArticles()).isZero();
        assertThat(state.toStatus().getHttpStatus()).isEqualTo(304);
        assertThat(state.etag()).isEqualTo("\"v2\"");
        assertThat(state.nextPollAt()).isEqualTo(NOW.plus(BASE));
    }

    @Test
    void retryAfterPutsThePollOffAsLongAsTheServerAsks() {
        state.failed("HTTP 429", 429, Duration.ofHours(2), NOW, BASE);

        assertThat(state.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(state.toStatus().getHttpStatus()).isEqualTo(429);
    }

    @Test
    void aStateRestoredFromItsStatusCarriesOn() {
        state.attempted(NOW);
        state.updated(outcome(200, List.of(article("a", NOW)), "\"v1\"", null, null), 1, NOW, BASE);
        FeedState restored = new FeedState(state.feed(), state.toStatus(), planner);

        assertThat(restored.etag()).isEqualTo("\"v1\"");
        assertThat(restored.nextPollAt()).isEqualTo(state.nextPollAt());
        assertThat(restored.toStatus()).isEqualTo(state.toStatus());
    }

    private static PollOutcome outcome(int status, List<Article> articles, String etag, String movedTo,
                                       Duration retryAfter) {
        return new PollOutcome("https://example.org/rss", true, status == 304, status, articles, articles.size(),
                "Example", etag, null, movedTo, null, null, retryAfter, Duration.ofMillis(5), null);
    }

    private static Article article(String id, Instant at) {
        return Article.newBuilder().setId(id).setUrl("https://example.org/" + id).setTitle(id).setSource("Example")
                .setFeedUrl("https://example.org/rss").setPublishedAt(at).setFetchedAt(NOW).build();
    }
}
