package io.mediamonitor.tools.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FutureDatesTest {

    private static Article at(Instant when) {
        return Article.newBuilder().setId(when.toString()).setUrl("https://x.example/" + when).setTitle("T")
                .setSource("S").setFeedUrl("backtest").setPublishedAt(when).setFetchedAt(when).build();
    }

    /** Replays the dates in order, as the backtest does; returns the ids replayed and the lines refused. */
    private static List<String> replay(List<Instant> dates, List<String> refused) {
        FutureDates future = new FutureDates();
        List<String> replayed = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            FutureDates.Verdict verdict = future.offer(at(dates.get(i)), i + 1);
            verdict.replay().forEach(article -> replayed.add(article.getId()));
            verdict.refused().forEach(line -> refused.add(line.getMessage()));
        }
        future.finish().forEach(line -> refused.add(line.getMessage()));
        return replayed;
    }

    @Test
    void aLineYearsAheadOfTheOthersIsSetAsideAndTheReplayGoesOn() {
        Instant t = Instant.parse("2024-11-20T10:00:00Z");
        List<String> refused = new ArrayList<>();
        List<String> replayed = replay(List.of(t, t.minus(Duration.ofHours(2)), Instant.parse("2034-11-19T00:00:00Z"),
                t.plus(Duration.ofHours(1)), t.plus(Duration.ofDays(12))), refused);

        assertThat(replayed).containsExactly(t.toString(), t.minus(Duration.ofHours(2)).toString(),
                t.plus(Duration.ofHours(1)).toString(), t.plus(Duration.ofDays(12)).toString());
        assertThat(refused).containsExactly("line 3: publishedAt 2034-11-19T00:00:00Z is 3650 days after the newest"
                + " article before it (2024-11-20T10:00:00Z) and too few lines after it agree: a date in the future?"
                + " (ingest takes the fetch time for a date ahead of it)");
    }

    @Test
    void aGapInTheFileIsReplayedOnceLinesAfterItAgree() {
        Instant january = Instant.parse("2024-01-01T00:00:00Z");
        Instant march = Instant.parse("2024-03-01T00:00:00Z");
        List<Instant> dates = new ArrayList<>();
        for (int h = 0; h < 5; h++) {
            dates.add(january.plus(Duration.ofHours(h)));
        }
        for (int h = 0; h < 5; h++) {
            dates.add(march.plus(Duration.ofHours(h)));
        }
        List<String> refused = new ArrayList<>();

        assertThat(replay(dates, refused)).hasSize(10).containsExactlyElementsOf(
                dates.stream().map(Instant::toString).toList());
        assertThat(refused).isEmpty();
    }

    @Test
    void aMisdatedLineAtTheEndHasNoneToAgreeWithIt() {
        Instant t = Instant.parse("2024-11-20T10:00:00Z");
        List<String> refused = new ArrayList<>();

        assertThat(replay(List.of(t, Instant.parse("2034-11-19T00:00:00Z")), refused)).containsExactly(t.toString());
        assertThat(refused).singleElement().asString().startsWith("line 2: publishedAt 2034-11-19T00:00:00Z");
    }
}
