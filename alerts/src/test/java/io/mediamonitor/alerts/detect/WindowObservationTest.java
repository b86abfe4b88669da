package io.mediamonitor.alerts.detect;

import io.mediamonitor.model.MentionCount;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WindowObservationTest {

    private static final Instant START = Instant.parse("2024-11-20T10:00:00Z");
    private static final Instant END = START.plusSeconds(3600);

    private static MentionCount count(String term, int articles, int stories, int sources, int top, Instant last) {
        return MentionCount.newBuilder().setTerm(term).setWindowStart(START).setWindowEnd(END)
                .setArticles(articles).setStories(stories).setSources(sources).setTopSourceStories(top)
                .setSourceNames(List.of()).setLastEventAt(last).build();
    }

    @Test
    void theVolumeCoversUpToTheTotalsOwnTimeNotTheArticles() {
        MentionCount late = count("country:ML", 2, 2, 2, 1, START.plusSeconds(10 * 60));
        MentionCount total = count("total:articles", 300, 240, 40, 3, START.plusSeconds(10 * 60));

        WindowObservation o = WindowObservation.of(late, total, START.plusSeconds(45 * 60).toEpochMilli());

        assertThat(o.totalVolume()).isEqualTo(240);
        assertThat(o.elapsedFraction(Long.MIN_VALUE)).isEqualTo(0.75);
        assertThat(o.topSourceStories()).isEqualTo(1);
    }

    @Test
    void withoutATotalTheVolumeIsUnknownAndOnlyTheArticleDatesIt() {
        WindowObservation o = WindowObservation.of(count("country:ML", 1, 1, 1, 0, START.plusSeconds(30 * 60)),
                null, Long.MIN_VALUE);

        assertThat(o.hasVolume()).isFalse();
        assertThat(o.elapsedFraction(Long.MIN_VALUE)).isEqualTo(0.5);
        assertThat(WindowObservation.of(count("country:ML", 1, 1, 1, 0, null), null, Long.MIN_VALUE).eventTime())
                .as("no event time: the window's end").isEqualTo(END.toEpochMilli());
    }

    @Test
    void countsABadRecordCarriesOutOfRangeAreClampedNotThrownOn() {
        WindowObservation o = WindowObservation.of(count("country:ML", -1, 3, -2, 9, END), null, Long.MIN_VALUE);

        assertThat(o.articles()).isZero();
        assertThat(o.sources()).isZero();
        assertThat(o.topSourceStories()).isEqualTo(3);
        assertThat(WindowObservation.of(count("country:ML", 1, 3, 1, -4, END), null, Long.MIN_VALUE)
                .topSourceStories()).isZero();
    }
}
