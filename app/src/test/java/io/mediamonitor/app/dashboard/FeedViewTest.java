package io.mediamonitor.app.dashboard;

import static io.mediamonitor.app.dashboard.Fixtures.NOW;
import static io.mediamonitor.app.dashboard.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.FeedStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedViewTest {

    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void failingBeatsSilentAndSilenceIsTimeSinceTheNewestArticle() {
        FeedView failing = FeedView.of(feed("https://a.example/rss", "A", 3, "HTTP 503", NOW.minus(Duration.ofDays(3))),
                NOW, DAY);
        FeedView silent = FeedView.of(feed("https://b.example/rss", "B", 0, null, NOW.minus(Duration.ofHours(30))),
                NOW, DAY);
        FeedView ok = FeedView.of(feed("https://c.example/rss", "C", 0, null, NOW.minus(Duration.ofHours(2))),
                NOW, DAY);
        FeedView never = FeedView.of(feed("https://d.example/rss", "D", 0, null, null), NOW, DAY);

        assertThat(failing.state()).isEqualTo("failing");
        assertThat(failing.lastError()).isEqualTo("HTTP 503");
        assertThat(failing.consecutiveFailures()).isEqualTo(3);
        assertThat(silent.state()).isEqualTo("silent");
        assertThat(silent.silentSeconds()).isEqualTo(30 * 3600L);
        assertThat(ok.state()).isEqualTo("ok");
        assertThat(never.state()).isEqualTo("ok");
        assertThat(never.silentSeconds()).isNull();
    }

    @Test
    void boardKeepsTheLatestStatusPerFeedFailingFirstAndForgetsTombstones() {
        FeedBoard board = new FeedBoard();
        board.update("https://b.example/rss", feed("https://b.example/rss", "Ouaga Info", 0, null, NOW));
        board.update("https://a.example/rss", feed("https://a.example/rss", "Le Courrier de Bamako", 0, null, NOW));
        board.update("https://c.example/rss", feed("https://c.example/rss", "Niamey Express", 0, null, NOW));
        board.update("https://c.example/rss", feed("https://c.example/rss", "Niamey Express", 2, "timeout", NOW));
        board.update("https://b.example/rss", null);

        assertThat(board.feeds()).extracting(FeedStatus::getFeedName)
                .containsExactly("Niamey Express", "Le Courrier de Bamako");
    }
}
