package io.mediamonitor.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PollPlannerTest {

    private static final Instant NOW = Instant.parse("2025-11-03T12:00:00Z");
    private static final Duration BASE = Duration.ofMinutes(15);
    private final PollPlanner planner = new PollPlanner(Duration.ofMinutes(5), Duration.ofHours(4), () -> 0.5);

    private static List<Instant> hourly(int count) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(NOW.minus(Duration.ofHours(i)));
        }
        return times;
    }

    @Test
    void busyFeedsArePolledOftenWithinTheMinimum() {
        // 168 entries in the last week: one an hour
        assertThat(planner.afterSuccess(BASE, hourly(168), null, NOW, null, null, null)).isEqualTo(Duration.ofHours(1));
        // every 2 minutes: held at the 5-minute minimum
        assertThat(planner.afterSuccess(BASE, IntStream.range(0, 50).mapToObj(i -> NOW.minus(Duration.ofMinutes(2L * i)))
                .toList(), null, NOW, null, null, null)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aDocumentHoldingOnlyTheLatestEntriesIsPolledBeforeTheyScrollAway() {
        // a news feed's 20 latest entries, one every 5 minutes: the document covers 95 minutes, not a week
        List<Instant> latest20 = IntStream.range(0, 20).mapToObj(i -> NOW.minus(Duration.ofMinutes(5L * i))).toList();
        assertThat(planner.afterSuccess(BASE, latest20, null, NOW, null, null, null)).isEqualTo(Duration.ofMinutes(5));
        // the same 20 an hour and a half apart, the newest 40 minutes old
        List<Instant> slower = IntStream.range(0, 20)
                .mapToObj(i -> NOW.minus(Duration.ofMinutes(40 + 90L * i))).toList();
        assertThat(planner.afterSuccess(BASE, slower, null, NOW, null, null, null)).isEqualTo(Duration.ofMinutes(90));
        // one entry pinned for more than a week says nothing of the others' rhythm
        List<Instant> pinned = new ArrayList<>(IntStream.range(0, 19)
                .mapToObj(i -> NOW.minus(Duration.ofMinutes(3L * i))).toList());
        pinned.add(NOW.minus(Duration.ofDays(30)));
        assertThat(planner.afterSuccess(BASE, pinned, null, NOW, null, null, null)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void entriesDatedByTheDayStillCountOneGapEach() {
        // a busy feed that dates its entries by the day: 18 today, 2 yesterday noon
        Instant today = Instant.parse("2025-11-03T00:00:00Z");
        List<Instant> dated = new ArrayList<>();
        IntStream.range(0, 18).forEach(i -> dated.add(today));
        IntStream.range(0, 2).forEach(i -> dated.add(today.minus(Duration.ofHours(12))));
        assertThat(planner.afterSuccess(BASE, dated, null, today.plus(Duration.ofHours(2)), null, null, null))
                .isEqualTo(Duration.ofHours(12).dividedBy(19));
    }

    @Test
    void silenceIsMeasuredOnOurClockWhenWeKnowIt() {
        // a busy feed stamping its entries five hours behind, which brought new articles ten minutes ago
        List<Instant> offset = IntStream.range(0, 20)
                .mapToObj(i -> NOW.minus(Duration.ofHours(5)).minus(Duration.ofMinutes(2L * i))).toList();
        assertThat(planner.afterSuccess(BASE, offset, NOW.minus(Duration.ofMinutes(10)), NOW, null, null, null))
                .isEqualTo(Duration.ofMinutes(5));
        // a document regenerated with fresh stamps, bringing nothing new for three days
        List<Instant> regenerated = IntStream.range(0, 20).mapToObj(i -> NOW.minusSeconds(i)).toList();
        assertThat(planner.afterSuccess(BASE, regenerated, NOW.minus(Duration.ofDays(3)), NOW, null, null, null))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void entriesStampedAlikeTellNoRhythm() {
        // a feed that stamps every entry with the time it wrote the document, or publishes in one daily batch
        List<Instant> alike = IntStream.range(0, 20).mapToObj(i -> NOW.minusSeconds(30)).toList();
        assertThat(planner.afterSuccess(BASE, alike, null, NOW, null, null, null)).isEqualTo(BASE);
        List<Instant> batch = IntStream.range(0, 20).mapToObj(i -> NOW.minus(Duration.ofHours(1))).toList();
        assertThat(planner.afterSuccess(BASE, batch, null, NOW, Duration.ofMinutes(5), null, null)).isEqualTo(BASE);
    }

    @Test
    void aFeedQuietForLongerThanItsRhythmIsPolledAtAnEighthOfItsSilence() {
        List<Instant> busyUntilLastNight = IntStream.range(0, 20)
                .mapToObj(i -> NOW.minus(Duration.ofHours(8)).minus(Duration.ofMinutes(5L * i))).toList();
        assertThat(planner.afterSuccess(BASE, busyUntilLastNight, null, NOW, null, null, null)).isEqualTo(Duration.ofHours(1));
        List<Instant> deadForDays = IntStream.range(0, 20)
                .mapToObj(i -> NOW.minus(Duration.ofDays(3)).minus(Duration.ofMinutes(5L * i))).toList();
        assertThat(planner.afterSuccess(BASE, deadForDays, null, NOW, null, null, null)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aSingleEntryGivesThePreferredIntervalOrTheSilencesShare() {
        assertThat(planner.afterSuccess(BASE, List.of(NOW.minus(Duration.ofMinutes(40))), null, NOW, null, null, null))
                .isEqualTo(BASE);
        assertThat(planner.afterSuccess(BASE, List.of(NOW.minus(Duration.ofHours(12))), null, NOW, null, null, null))
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(planner.afterSuccess(BASE, List.of(NOW.minus(Duration.ofDays(3))), null, NOW, null, null, null))
                .isEqualTo(Duration.ofHours(4));
        // an entry dated ahead of the clock says nothing of the rhythm
        assertThat(planner.afterSuccess(BASE, List.of(NOW.plus(Duration.ofHours(1))), null, NOW, null, null, null))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aFeedsOwnIntervalIsTheLongestItWaitsUnlessTheServerAsksForMore() {
        List<Instant> daily = IntStream.range(0, 7).mapToObj(d -> NOW.minus(Duration.ofDays(d))).toList();
        Duration tenMinutes = Duration.ofMinutes(10);
        assertThat(planner.afterSuccess(tenMinutes, daily, null, NOW, null, null, tenMinutes)).isEqualTo(tenMinutes);
        assertThat(planner.afterSuccess(tenMinutes, List.of(), null, NOW, Duration.ofHours(4), null, tenMinutes))
                .isEqualTo(tenMinutes);
        // shorter when the feed publishes faster
        assertThat(planner.afterSuccess(tenMinutes, hourly(168).stream().map(t -> NOW.minus(Duration.between(t, NOW)
                .dividedBy(10))).toList(), null, NOW, null, null, tenMinutes)).isEqualTo(Duration.ofMinutes(6));
        assertThat(planner.afterSuccess(tenMinutes, daily, null, NOW, null, Duration.ofHours(1), tenMinutes))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void quietFeedsDriftToTheMaximum() {
        List<Instant> old = List.of(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(40)));
        assertThat(planner.afterSuccess(BASE, old, null, NOW, null, null, null)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void notModifiedKeepsThePreviousIntervalAndServerHintsLengthenIt() {
        assertThat(planner.afterSuccess(BASE, List.of(), null, NOW, Duration.ofMinutes(42), null, null)).isEqualTo(Duration.ofMinutes(42));
        assertThat(planner.afterSuccess(BASE, List.of(), null, NOW, null, null, null)).isEqualTo(BASE);
        assertThat(planner.afterSuccess(BASE, hourly(168), null, NOW, null, Duration.ofHours(2), null)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void failuresBackOffExponentiallyUpToTheMaximum() {
        assertThat(planner.afterFailure(BASE, 1, null)).isEqualTo(BASE);
        assertThat(planner.afterFailure(BASE, 2, null)).isEqualTo(Duration.ofMinutes(30));
        assertThat(planner.afterFailure(BASE, 3, null)).isEqualTo(Duration.ofMinutes(60));
        assertThat(planner.afterFailure(BASE, 30, null)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void retryAfterWinsWhenLonger() {
        assertThat(planner.afterFailure(BASE, 1, Duration.ofHours(6))).isEqualTo(Duration.ofHours(6));
        assertThat(planner.afterFailure(BASE, 3, Duration.ofSeconds(10))).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void jitterStaysWithinTenPercent() {
        PollPlanner low = new PollPlanner(Duration.ofMinutes(5), Duration.ofHours(4), () -> 0.0);
        PollPlanner high = new PollPlanner(Duration.ofMinutes(5), Duration.ofHours(4), () -> 0.999999);
        assertThat(low.jitter(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(9));
        assertThat(high.jitter(Duration.ofMinutes(10))).isBetween(Duration.ofSeconds(659), Duration.ofMinutes(11));
    }
}
