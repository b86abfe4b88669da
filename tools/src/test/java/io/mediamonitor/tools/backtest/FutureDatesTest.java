package io.mediamonitor.tools.backtest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.model.Article;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FutureDatesTest {

    private static Article at(String when) {
        return Article.newBuilder().setId(when).setUrl("https://x.example/" + when).setTitle("T").setSource("S")
                .setFeedUrl("backtest").setPublishedAt(Instant.parse(when)).setFetchedAt(Instant.parse(when)).build();
    }

    @Test
    void aLineYearsAheadOfEveryOneBeforeItIsRefusedAndTheReplayGoesOn() throws Exception {
        FutureDates dates = new FutureDates();
        dates.check(at("2024-11-20T10:00:00Z"), 1);
        dates.check(at("2024-11-19T08:00:00Z"), 2); // earlier lines are the detector's lateness to judge

        assertThatThrownBy(() -> dates.check(at("2034-11-19T00:00:00Z"), 3))
                .isInstanceOf(ArticleLines.BadLine.class)
                .hasMessageStartingWith("line 3: publishedAt 2034-11-19T00:00:00Z is 3650 days after the newest article"
                        + " before it (2024-11-20T10:00:00Z)");
        // the refused line does not move the reference: the next ordinary line passes
        assertThatCode(() -> dates.check(at("2024-11-20T11:00:00Z"), 4)).doesNotThrowAnyException();
        // a gap within the leap (a quiet weekend, a fortnight) passes
        assertThatCode(() -> dates.check(at("2024-12-05T11:00:00Z"), 5)).doesNotThrowAnyException();
    }
}
